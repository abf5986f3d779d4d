import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState, FormError, LoadingState } from '../../../components/states';
import { useFormat } from '../../../i18n/format';
import type { Me } from '../../auth/session-hooks';
import { isFrozen } from '../../../../../shared/submission.workflow';
import { useEndorse, useWithdrawEndorsement } from './page-hooks';
import { type Submission, useEndorsements } from '../submission-hooks';

interface Props {
  submission: Submission;
  me: Me;
  /** A coordinator may withdraw any organisation's sign-on; others only their own organisation's. */
  isCoordinator: boolean;
}

/**
 * Sign-on: each co-drafting organisation and whether it has endorsed, the required signers still
 * missing, and for a partner's staff the form to sign their organisation on (or withdraw before submission).
 */
export function EndorsementPanel({ submission: s, me, isCoordinator }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const endorsements = useEndorsements(s.id);
  const withdraw = useWithdrawEndorsement(s.id);
  const [withdrawing, setWithdrawing] = useState<{ id: string; name: string } | null>(null);
  const open = !isFrozen(s.status) && s.status !== 'withdrawn';

  const body = () => {
    if (endorsements.isPending) return <LoadingState />;
    if (endorsements.error) return <ErrorState error={endorsements.error} retry={() => void endorsements.refetch()} />;
    const byOrganization = new Map(endorsements.data.items.map((e) => [e.organizationId, e]));
    const organizations = [
      ...(s.leadOrganization && !s.partners.some((p) => p.organizationId === s.leadOrganizationId)
        ? [
            {
              organizationId: s.leadOrganizationId,
              name: s.leadOrganization.name,
              acronym: s.leadOrganization.acronym,
              requiredSigner: false,
              lead: true,
            },
          ]
        : []),
      ...s.partners.map((p) => ({ ...p, lead: false })),
    ];
    const mine = me.organizationId ? organizations.find((o) => o.organizationId === me.organizationId) : undefined;
    const myEndorsement = mine ? byOrganization.get(mine.organizationId) : undefined;
    return (
      <>
        {s.signOff.requiredSigners > 0 && (
          <p className={s.signOff.missing.length ? 'warning' : 'success'}>
            {t('submission-page.signOn.summary', {
              endorsed: format.number(s.signOff.endorsed),
              required: format.number(s.signOff.requiredSigners),
            })}
            {s.signOff.missing.length > 0 && (
              <>
                {' '}
                {t('submission-page.signOn.stillToSign')} <span translate="no">{s.signOff.missing.join(', ')}</span>
              </>
            )}
          </p>
        )}
        <ul className="signers">
          {organizations.map((o) => {
            const e = byOrganization.get(o.organizationId);
            return (
              <li key={o.organizationId}>
                <span className="signer-name" translate="no">
                  {o.name}
                </span>{' '}
                {o.lead && <span className="muted">({t('submissions.lead')})</span>}
                {o.requiredSigner && <span className="muted">({t('submissions.requiredSigner')})</span>}{' '}
                {e ? (
                  <span className="badge badge-done">
                    {t('submissions.endorsedOn', { date: format.date(e.endorsedAt) })}
                  </span>
                ) : (
                  <span className={o.requiredSigner ? 'badge badge-missed' : 'badge badge-todo'}>
                    {t('submissions.notEndorsed')}
                  </span>
                )}
                {e && (
                  <p className="card-meta">
                    {t('submission-page.signOn.as')} <span translate="no">“{e.displayName}”</span>
                    {e.endorsedBy && (
                      <>
                        {' · '}
                        {t('submission-page.signOn.by')} <span translate="no">{e.endorsedBy.name}</span>
                      </>
                    )}
                  </p>
                )}
                {e && open && (e.organizationId === me.organizationId || isCoordinator) && me.role !== 'viewer' && (
                  <button
                    type="button"
                    className="button-link"
                    disabled={withdraw.isPending}
                    onClick={() => setWithdrawing({ id: e.id, name: o.acronym ?? o.name })}
                  >
                    {e.organizationId === me.organizationId
                      ? t('submission-page.signOn.withdrawOurs')
                      : t('submission-page.signOn.withdrawFor', { name: o.acronym ?? o.name })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        <FormError error={withdraw.error} />
        {withdrawing && (
          <ConfirmDialog
            title={t('submission-page.signOn.withdrawConfirmTitle')}
            confirmLabel={t('submission-page.signOn.withdrawYes')}
            pending={withdraw.isPending}
            onCancel={() => setWithdrawing(null)}
            onConfirm={() => withdraw.mutate(withdrawing.id, { onSettled: () => setWithdrawing(null) })}
          >
            <p>
              <Trans
                i18nKey="submission-page.signOn.withdrawConfirmBody"
                values={{ name: withdrawing.name }}
                components={{ data: <span translate="no" /> }}
              />
            </p>
          </ConfirmDialog>
        )}
        {s.can.endorse && mine && !myEndorsement && <EndorseForm submissionId={s.id} organizationName={mine.name} />}
        {!open && <p className="hint">{t('submission-page.signOn.closed')}</p>}
      </>
    );
  };

  return (
    <section className="panel" aria-labelledby="endorsements">
      <h2 id="endorsements">{t('submissions.endorsements')}</h2>
      {body()}
    </section>
  );
}

function EndorseForm({ submissionId, organizationName }: { submissionId: string; organizationName: string }) {
  const { t } = useTranslation();
  const endorse = useEndorse(submissionId);
  const [displayName, setDisplayName] = useState(organizationName);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    endorse.mutate({ displayName: displayName.trim() || undefined });
  };
  return (
    <form className="form endorse-form" onSubmit={submit} aria-labelledby="endorse-title">
      <h3 id="endorse-title">{t('submission-page.signOn.formTitle')}</h3>
      <p className="hint">
        {t('submission-page.signOn.formHint')} <span translate="no">{organizationName}</span>
      </p>
      <label htmlFor="endorse-name">{t('submission-page.signOn.displayName')}</label>
      <input
        id="endorse-name"
        maxLength={300}
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        aria-describedby="endorse-name-hint"
      />
      <p id="endorse-name-hint" className="hint">
        {t('submission-page.signOn.displayNameHint')}
      </p>
      <FormError error={endorse.error} />
      <button type="submit" disabled={endorse.isPending}>
        {endorse.isPending ? t('submission-page.saving') : t('submission-page.signOn.endorse')}
      </button>
    </form>
  );
}
