import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/states';
import { ORGANIZATION_KINDS, type Organization, type OrganizationKind, useCreateOrganization } from './admin-hooks';
import { useOrganizations } from '../organizations/organization-hooks';
import { OrganizationEditForm } from './OrganizationEditForm';

/** The organisations of the network: member CSOs, UN agencies, funders; admins add them. */
export function AdminOrganizationsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const organizations = useOrganizations({ limit: 100, ...(q ? { q } : {}) });
  return (
    <>
      <PageTitle>{t('admin.organizationsTitle')}</PageTitle>
      <NewOrganizationForm />
      <section aria-labelledby="orgs-title">
        <h2 id="orgs-title">{t('admin.organizationsList')}</h2>
        <label htmlFor="orgs-q">{t('admin.searchOrganizations')}</label>
        <input id="orgs-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        {organizations.isPending ? (
          <LoadingState />
        ) : organizations.isError ? (
          <ErrorState error={organizations.error} retry={() => void organizations.refetch()} />
        ) : organizations.data.items.length === 0 ? (
          <EmptyState>{t('admin.noOrganizations')}</EmptyState>
        ) : (
          <ul className="card-list">
            {organizations.data.items.map((o) => (
              <OrganizationCard key={o.id} organization={o} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** One organisation; its Edit button opens the form in place, and focus comes back to it on closing. */
function OrganizationCard({ organization: o }: { organization: Organization }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  // Focus returns to Edit on closing, and again after the refreshed list has moved this card (a moved
  // element loses focus), until the reader puts focus somewhere else.
  const returnFocus = useRef(false);
  useLayoutEffect(() => {
    if (returnFocus.current && !editing) editButton.current?.focus();
  });
  useEffect(() => {
    const elsewhere = (event: FocusEvent) => {
      if (event.target !== editButton.current) returnFocus.current = false;
    };
    document.addEventListener('focusin', elsewhere);
    return () => document.removeEventListener('focusin', elsewhere);
  }, []);
  const close = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  return (
    <li className="card">
      <div className="card-head">
        <span className="card-title" translate="no">
          {o.name}
        </span>
        {o.isMember && <span className="badge badge-confirmed">{t('admin.member')}</span>}
      </div>
      <p className="card-meta">
        {o.acronym && <span translate="no">{o.acronym} · </span>}
        {t(`admin.kind.${o.kind}`)}
        {o.country && <span translate="no"> · {o.country}</span>}
        {o.membershipStatus && <span> · {t(`admin.membershipStatus.${o.membershipStatus}`)}</span>}
      </p>
      {o.website && (
        <p className="card-meta">
          <a href={o.website} translate="no" rel="noreferrer" target="_blank">
            {o.website}
          </a>
        </p>
      )}
      {editing ? (
        <OrganizationEditForm organization={o} onClose={close} />
      ) : (
        <div className="item-actions">
          <button
            ref={editButton}
            type="button"
            className="button-secondary"
            aria-label={t('admin.editOrganizationOf', { name: o.name })}
            onClick={() => setEditing(true)}
          >
            {t('admin.edit')}
          </button>
        </div>
      )}
    </li>
  );
}

function NewOrganizationForm() {
  const { t } = useTranslation();
  const create = useCreateOrganization();
  const [name, setName] = useState('');
  const [acronym, setAcronym] = useState('');
  const [kind, setKind] = useState<OrganizationKind>('cso');
  const [isMember, setIsMember] = useState(true);
  return (
    <form
      className="panel"
      aria-labelledby="new-org-title"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          { name: name.trim(), kind, isMember, ...(acronym.trim() ? { acronym: acronym.trim() } : {}) },
          {
            onSuccess: () => {
              setName('');
              setAcronym('');
            },
          },
        );
      }}
    >
      <h2 id="new-org-title">{t('admin.newOrganization')}</h2>
      <div className="inline-fields">
        <div>
          <label htmlFor="org-name">{t('admin.name')}</label>
          <input id="org-name" required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div>
          <label htmlFor="org-acronym">{t('admin.acronym')}</label>
          <input id="org-acronym" value={acronym} onChange={(e) => setAcronym(e.target.value)} />
        </div>
        <div>
          <label htmlFor="org-kind">{t('admin.kindLabel')}</label>
          <select id="org-kind" value={kind} onChange={(e) => setKind(e.target.value as OrganizationKind)}>
            {ORGANIZATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label>
        <input type="checkbox" checked={isMember} onChange={(e) => setIsMember(e.target.checked)} />{' '}
        {t('admin.networkMember')}
      </label>
      <FormError error={create.error} />
      <p role="status" className="success">
        {create.isSuccess ? t('admin.organizationAdded', { name: create.data.name }) : ''}
      </p>
      <button type="submit" className="button" disabled={create.isPending}>
        {t('admin.addOrganization')}
      </button>
    </form>
  );
}
