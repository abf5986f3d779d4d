import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PhoneFold } from '../../components/PhoneFold';
import { useNarrow } from '../deadlines/use-narrow';
import { FormError } from '../../components/states';
import { CurrencyInput } from './CurrencyInput';
import { useFormat } from '../../i18n/format';
import { useMe } from '../auth/session-hooks';
import { OrganizationDocuments } from './OrganizationDocuments';
import { PARTNER_ROLES, type Partner, type PartnerRole, useRemovePartner, useUpdatePartner } from './partner-hooks';

/** One consortium partner: role, participation (confirm / decline), budget share, its organisation's documents. */
export function PartnerCard(props: { opportunityId: string; partner: Partner; coordinator: boolean }) {
  const { opportunityId, partner: p, coordinator } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe().data!;
  const update = useUpdatePartner(opportunityId);
  const remove = useRemovePartner(opportunityId);
  const [removing, setRemoving] = useState(false);
  const [amount, setAmount] = useState(p.budgetAmount ?? '');
  const [currency, setCurrency] = useState(p.budgetCurrency ?? '');
  const name = p.organization?.acronym ?? p.organization?.name ?? '—';
  const nameId = `partner-name-${p.id}`;
  const ownStaff = me.organizationId === p.organizationId;
  const narrow = useNarrow();

  const saveBudget = (event: FormEvent) => {
    event.preventDefault();
    const body = amount.trim()
      ? { budgetAmount: amount.trim(), budgetCurrency: currency.trim().toUpperCase() || null }
      : { budgetAmount: null, budgetCurrency: null };
    update.mutate({ partnerId: p.id, body });
  };
  const setStatus = (status: Partner['status']) => update.mutate({ partnerId: p.id, body: { status } });
  // On a phone, leaving after confirming is rare and disruptive: it waits under "Change".
  const declineFolded = narrow && p.status === 'confirmed';
  const declineButton = (
    <button
      type="button"
      className="button-secondary"
      onClick={() => setStatus('declined')}
      disabled={update.isPending}
    >
      {t('consortium.decline')}
      <span className="visually-hidden" translate="no">{`: ${name}`}</span>
    </button>
  );
  const roleSelect = (
    <>
      <label htmlFor={`role-${p.id}`}>
        {t('consortium.role')}
        <span className="visually-hidden" translate="no">{` (${name})`}</span>
      </label>{' '}
      <select
        id={`role-${p.id}`}
        value={p.role}
        disabled={update.isPending}
        onChange={(e) => update.mutate({ partnerId: p.id, body: { role: e.target.value as PartnerRole } })}
      >
        {PARTNER_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`opportunities.partnerRole.${r}`)}
          </option>
        ))}
      </select>
    </>
  );

  return (
    <li className="partner-card" id={`partner-row-${p.id}`} aria-labelledby={nameId}>
      <div className="card-head">
        <h3 id={nameId} className="card-title" translate="no" title={p.organization?.name}>
          {name}
        </h3>
        <span className={`badge badge-${p.status}`}>{t(`opportunities.partnerStatus.${p.status}`)}</span>
      </div>
      <p className="card-meta">
        {coordinator && !narrow ? roleSelect : t(`opportunities.partnerRole.${p.role}`)}
        {' · '}
        {t('opportunities.budget')}:{' '}
        {p.budgetAmount && p.budgetCurrency ? format.money(p.budgetAmount, p.budgetCurrency) : '—'}
        {p.inCallCurrency === false && <span className="muted"> ({t('consortium.notCallCurrency')})</span>}
      </p>
      {p.canEdit && !declineFolded && (
        <div className="item-actions">
          {p.status !== 'confirmed' && (
            <button type="button" onClick={() => setStatus('confirmed')} disabled={update.isPending}>
              {t('consortium.confirm')}
              <span className="visually-hidden" translate="no">{`: ${name}`}</span>
            </button>
          )}
          {p.status !== 'declined' && !declineFolded && declineButton}
        </div>
      )}
      <FormError error={update.error ?? remove.error} />
      {(coordinator || ownStaff) && <OrganizationDocuments organizationId={p.organizationId} name={name} />}
      {(coordinator || (p.canEdit && declineFolded)) && (
        <PhoneFold summary={t('common.change')} label={name}>
          {p.canEdit && declineFolded && <p className="item-actions">{declineButton}</p>}
          {coordinator && narrow && <p className="card-meta">{roleSelect}</p>}
          {coordinator && (
            <>
              <form
                className="inline-fields budget-form"
                onSubmit={saveBudget}
                aria-label={t('consortium.budgetOf', { name })}
              >
                <div>
                  <label htmlFor={`amount-${p.id}`}>{t('consortium.budgetAmount')}</label>
                  <input
                    id={`amount-${p.id}`}
                    inputMode="decimal"
                    value={amount}
                    onChange={(e) => setAmount(e.target.value)}
                  />
                </div>
                <CurrencyInput id={`currency-${p.id}`} value={currency} onChange={setCurrency} />
                <button type="submit" className="button-secondary" disabled={update.isPending}>
                  {t('consortium.saveBudget')}
                </button>
              </form>
              <button
                type="button"
                className="button-link danger"
                disabled={remove.isPending}
                onClick={() => setRemoving(true)}
              >
                {t('consortium.removePartner')}
                <span className="visually-hidden" translate="no">{`: ${name}`}</span>
              </button>
            </>
          )}
        </PhoneFold>
      )}
      {removing && (
        <ConfirmDialog
          title={t('consortium.removeConfirmTitle')}
          confirmLabel={t('consortium.removePartner')}
          pending={remove.isPending}
          onCancel={() => setRemoving(false)}
          onConfirm={() => remove.mutate(p.id, { onSettled: () => setRemoving(false) })}
        >
          <p>
            <Trans
              i18nKey="consortium.removeConfirm"
              values={{ name }}
              components={{ data: <span translate="no" /> }}
            />
          </p>
        </ConfirmDialog>
      )}
    </li>
  );
}
