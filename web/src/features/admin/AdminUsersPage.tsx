import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyableLink } from '../../components/CopyableLink';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { LANGUAGES } from '../../i18n/i18n';
import { useMe } from '../auth/session-hooks';
import {
  type InvitationOutcome,
  type Person,
  type Role,
  ROLES,
  useInvite,
  usePeople,
  useResendInvitation,
  useUpdatePerson,
} from './admin-hooks';
import { useOrganizations } from '../organizations/organization-hooks';

/** Admins invite people, change their roles and disable or re-enable their accounts. */
export function AdminUsersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const people = usePeople(q);
  return (
    <>
      <PageTitle>{t('admin.usersTitle')}</PageTitle>
      <InviteForm />
      <section aria-labelledby="people-title">
        <h2 id="people-title">{t('admin.people')}</h2>
        <label htmlFor="people-q">{t('admin.search')}</label>
        <input id="people-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        {people.isPending ? (
          <LoadingState />
        ) : people.isError ? (
          <ErrorState error={people.error} retry={() => void people.refetch()} />
        ) : people.data.items.length === 0 ? (
          <EmptyState>{t('admin.noPeople')}</EmptyState>
        ) : (
          <ul className="card-list">
            {people.data.items.map((person) => (
              <PersonRow key={person.id} person={person} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function PersonRow({ person }: { person: Person }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe().data;
  const update = useUpdatePerson();
  const resend = useResendInvitation();
  const [disabling, setDisabling] = useState(false);
  const self = me?.id === person.id;
  return (
    <li className="card">
      <div className="card-head">
        <span className="card-title" translate="no">
          {person.name}
        </span>
        <span className={`badge badge-${person.status}`}>{t(`admin.status.${person.status}`)}</span>
      </div>
      <p className="card-meta">
        <span translate="no">{person.email}</span>
        {' · '}
        {person.lastLoginAt
          ? t('admin.lastSignIn', { date: format.date(person.lastLoginAt) })
          : t('admin.neverSignedIn')}
      </p>
      <div className="item-actions">
        <label>
          <select
            aria-label={t('admin.roleOf', { name: person.name })}
            value={person.role}
            disabled={self || update.isPending}
            onChange={(e) => update.mutate({ id: person.id, role: e.target.value as Role })}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`admin.role.${role}`)}
              </option>
            ))}
          </select>
        </label>
        {!self && (
          <button
            type="button"
            className="button-secondary"
            disabled={update.isPending}
            aria-label={t(person.status === 'disabled' ? 'admin.enableName' : 'admin.disableName', {
              name: person.name,
            })}
            onClick={() =>
              person.status === 'disabled' ? update.mutate({ id: person.id, status: 'active' }) : setDisabling(true)
            }
          >
            {t(person.status === 'disabled' ? 'admin.enable' : 'admin.disable')}
          </button>
        )}
        {person.status === 'invited' && (
          <button
            type="button"
            className="button-secondary"
            disabled={resend.isPending}
            aria-label={t('admin.resendInvitationTo', { name: person.name })}
            onClick={() => resend.mutate(person.id)}
          >
            {t('admin.resendInvitation')}
          </button>
        )}
      </div>
      <FormError error={update.error ?? resend.error} />
      {resend.isSuccess && <InvitationLink outcome={resend.data} email={person.email} />}
      {disabling && (
        <ConfirmDialog
          title={t('admin.disableConfirmTitle')}
          confirmLabel={t('admin.disable')}
          pending={update.isPending}
          onCancel={() => setDisabling(false)}
          onConfirm={() =>
            update.mutate({ id: person.id, status: 'disabled' }, { onSettled: () => setDisabling(false) })
          }
        >
          <p>
            <Trans
              i18nKey="admin.disableConfirmBody"
              values={{ name: person.name }}
              components={{ data: <span translate="no" /> }}
            />
          </p>
        </ConfirmDialog>
      )}
    </li>
  );
}

function InviteForm() {
  const { t } = useTranslation();
  const invite = useInvite();
  const organizations = useOrganizations({ limit: 100 });
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [organizationId, setOrganizationId] = useState('');
  const [language, setLanguage] = useState<string>('km');
  return (
    <form
      className="panel"
      aria-labelledby="invite-title"
      onSubmit={(event) => {
        event.preventDefault();
        invite.mutate(
          { email: email.trim(), name: name.trim(), role, language, ...(organizationId ? { organizationId } : {}) },
          {
            onSuccess: () => {
              setEmail('');
              setName('');
            },
          },
        );
      }}
    >
      <h2 id="invite-title">{t('admin.inviteTitle')}</h2>
      <p className="hint">{t('admin.inviteHint')}</p>
      <div className="inline-fields">
        <div>
          <label htmlFor="invite-name">{t('admin.name')}</label>
          <input id="invite-name" required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div>
          <label htmlFor="invite-email">{t('admin.email')}</label>
          <input id="invite-email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div>
          <label htmlFor="invite-role">{t('admin.roleLabel')}</label>
          <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`admin.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="invite-org">{t('admin.organization')}</label>
          <select id="invite-org" value={organizationId} onChange={(e) => setOrganizationId(e.target.value)}>
            <option value="">{t('admin.noOrganization')}</option>
            {organizations.data?.items.map((o) => (
              <option key={o.id} value={o.id}>
                {o.acronym ? `${o.acronym} · ${o.name}` : o.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="invite-language">{t('admin.language')}</label>
          <select id="invite-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FormError error={invite.error} />
      {invite.isSuccess && invite.data.invitation?.delivery === 'link' ? (
        <InvitationLink outcome={invite.data.invitation} email={invite.data.email} />
      ) : (
        <p role="status" className="success">
          {invite.isSuccess ? t('admin.invited', { email: invite.data.email }) : ''}
        </p>
      )}
      <button type="submit" className="button" disabled={invite.isPending}>
        {t('admin.invite')}
      </button>
    </form>
  );
}

/** What became of an invitation: e-mailed, or (no e-mail on this server) a link to hand over. */
function InvitationLink({ outcome, email }: { outcome: InvitationOutcome; email: string }) {
  const { t } = useTranslation();
  if (outcome.delivery !== 'link' || !outcome.url)
    return (
      <p role="status" className="success">
        {t('admin.invited', { email })}
      </p>
    );
  return (
    <CopyableLink
      reason={t('admin.invitationNotSent')}
      label={<Trans i18nKey="admin.invitationLink" values={{ email }} components={{ data: <span translate="no" /> }} />}
      url={outcome.url}
    />
  );
}
