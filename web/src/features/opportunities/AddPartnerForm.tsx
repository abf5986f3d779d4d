import { type FormEvent, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/states';
import { useOrganizations } from '../organizations/organization-hooks';
import { PARTNER_ROLES, type PartnerRole, useAddPartner } from './partner-hooks';

/** Coordinators add an organisation to the consortium: search, pick, give its role. */
export function AddPartnerForm({ opportunityId, taken }: { opportunityId: string; taken: string[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState<PartnerRole>('co_applicant');
  const organizations = useOrganizations({ limit: 20, ...(deferred ? { q: deferred } : {}) }, { enabled: open });
  const add = useAddPartner(opportunityId);
  const choices = (organizations.data?.items ?? []).filter((o) => !taken.includes(o.id));

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('consortium.addPartner')}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { organizationId, role },
      {
        onSuccess: () => {
          setOrganizationId('');
          setQuery('');
          setOpen(false);
        },
      },
    );
  };
  return (
    <form className="form subform" onSubmit={submit} aria-labelledby="add-partner">
      <h3 id="add-partner">{t('consortium.addPartner')}</h3>
      <label htmlFor="partner-search">{t('consortium.searchOrganization')}</label>
      <input
        id="partner-search"
        type="search"
        value={query}
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
      />
      <label htmlFor="partner-organization">{t('opportunities.organization')}</label>
      <select
        id="partner-organization"
        required
        value={organizationId}
        onChange={(e) => setOrganizationId(e.target.value)}
        aria-busy={organizations.isFetching}
      >
        <option value="">
          {organizations.isPending
            ? t('common.loading')
            : choices.length
              ? t('consortium.chooseOrganization')
              : t('consortium.noOrganization')}
        </option>
        {choices.map((o) => (
          <option key={o.id} value={o.id} translate="no">
            {o.acronym ? `${o.acronym} — ${o.name}` : o.name}
          </option>
        ))}
      </select>
      <label htmlFor="partner-role">{t('consortium.role')}</label>
      <select id="partner-role" value={role} onChange={(e) => setRole(e.target.value as PartnerRole)}>
        {PARTNER_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`opportunities.partnerRole.${r}`)}
          </option>
        ))}
      </select>
      <FormError error={add.error} />
      <div className="toolbar">
        <button type="submit" disabled={add.isPending || !organizationId}>
          {t('consortium.add')}
        </button>
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
          {t('consortium.cancel')}
        </button>
      </div>
    </form>
  );
}
