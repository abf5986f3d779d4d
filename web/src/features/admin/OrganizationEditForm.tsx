import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { fieldProblems } from '../../api/refusals';
import { FormError } from '../../components/states';
import {
  MEMBERSHIP_STATUSES,
  type MembershipStatus,
  ORGANIZATION_KINDS,
  type Organization,
  type OrganizationKind,
  useUpdateOrganization,
} from './admin-hooks';

/** Text fields the form edits; an emptied optional one is cleared (sent as null). */
const TEXT_FIELDS = ['name', 'acronym', 'country', 'website', 'memberSince'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/**
 * An organisation's details, edited in place on its card. Only what changed is sent; the server's
 * problems show under their fields (a taken name under the name), and Escape or Cancel closes it.
 */
export function OrganizationEditForm({ organization, onClose }: { organization: Organization; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateOrganization();
  const nameInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState<Record<TextField, string>>({
    name: organization.name,
    acronym: organization.acronym ?? '',
    country: organization.country ?? '',
    website: organization.website ?? '',
    memberSince: organization.memberSince ?? '',
  });
  const [kind, setKind] = useState<OrganizationKind>(organization.kind);
  const [isMember, setIsMember] = useState(organization.isMember);
  const [membershipStatus, setMembershipStatus] = useState<MembershipStatus | ''>(organization.membershipStatus ?? '');

  useEffect(() => nameInput.current?.focus(), []);

  const problems = fieldProblems(update.error);
  if (update.error instanceof ApiError && update.error.status === 409) problems.name = t('admin.nameTaken');
  const id = (field: string) => `org-${organization.id}-${field}`;
  const described = (field: string) => (problems[field] ? `${id(field)}-problem` : undefined);
  const problem = (field: string) =>
    problems[field] && (
      <p id={`${id(field)}-problem`} className="form-error field-error">
        {problems[field]}
      </p>
    );
  const otherProblems = update.error instanceof ApiError && update.error.status === 400 && Object.keys(problems).length;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, unknown> = {};
    for (const field of TEXT_FIELDS) {
      const value = text[field].trim();
      const before = (organization[field] as string | null) ?? '';
      if (value !== before) body[field] = value === '' && field !== 'name' ? null : value;
    }
    if (typeof body.country === 'string') body.country = body.country.toUpperCase();
    if (kind !== organization.kind) body.kind = kind;
    if (isMember !== organization.isMember) body.isMember = isMember;
    if (membershipStatus !== (organization.membershipStatus ?? ''))
      body.membershipStatus = membershipStatus === '' ? null : membershipStatus;
    if (!Object.keys(body).length) return onClose();
    update.mutate({ id: organization.id, ...body }, { onSuccess: onClose });
  };

  const textInput = (
    field: TextField,
    label: string,
    { hint, ...props }: React.InputHTMLAttributes<HTMLInputElement> & { hint?: string } = {},
  ) => (
    <div>
      <label htmlFor={id(field)}>{label}</label>
      <input
        {...props}
        id={id(field)}
        ref={field === 'name' ? nameInput : undefined}
        value={text[field]}
        aria-invalid={Boolean(problems[field])}
        aria-describedby={[described(field), hint].filter(Boolean).join(' ') || undefined}
        onChange={(e) => setText((current) => ({ ...current, [field]: e.target.value }))}
      />
      {problem(field)}
    </div>
  );

  return (
    <form
      className="org-edit"
      aria-label={t('admin.editOrganizationOf', { name: organization.name })}
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="inline-fields">
        {textInput('name', t('admin.name'), { required: true, maxLength: 200 })}
        {textInput('acronym', t('admin.acronym'), { maxLength: 40 })}
        <div>
          <label htmlFor={id('kind')}>{t('admin.kindLabel')}</label>
          <select id={id('kind')} value={kind} onChange={(e) => setKind(e.target.value as OrganizationKind)}>
            {ORGANIZATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="inline-fields">
        {textInput('country', t('admin.country'), {
          maxLength: 2,
          autoCapitalize: 'characters',
          hint: id('country-hint'),
        })}
        {textInput('website', t('admin.website'), { type: 'url', inputMode: 'url', placeholder: 'https://' })}
      </div>
      <p id={id('country-hint')} className="hint">
        {t('admin.countryHint')}
      </p>
      <fieldset>
        <legend>{t('admin.membership')}</legend>
        <label>
          <input type="checkbox" checked={isMember} onChange={(e) => setIsMember(e.target.checked)} />{' '}
          {t('admin.networkMember')}
        </label>
        <div className="inline-fields">
          {textInput('memberSince', t('admin.memberSince'), { type: 'date' })}
          <div>
            <label htmlFor={id('membershipStatus')}>{t('admin.membershipStatusLabel')}</label>
            <select
              id={id('membershipStatus')}
              value={membershipStatus}
              aria-invalid={Boolean(problems.membershipStatus)}
              aria-describedby={described('membershipStatus')}
              onChange={(e) => setMembershipStatus(e.target.value as MembershipStatus | '')}
            >
              <option value="">{t('admin.membershipStatusNone')}</option>
              {MEMBERSHIP_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`admin.membershipStatus.${s}`)}
                </option>
              ))}
            </select>
            {problem('membershipStatus')}
          </div>
        </div>
      </fieldset>
      {otherProblems ? (
        <p className="form-error" role="alert">
          {t('admin.fixFields')}
        </p>
      ) : update.error instanceof ApiError && update.error.status === 409 ? (
        <p className="form-error" role="alert">
          {t('admin.nameTaken')}
        </p>
      ) : (
        <FormError error={update.error} />
      )}
      <div className="item-actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {t('admin.saveOrganization')}
        </button>
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
