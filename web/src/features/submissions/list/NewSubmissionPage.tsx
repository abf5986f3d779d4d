import { fieldProblems } from '../../../api/refusals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { ErrorState, FormError, LoadingState } from '../../../components/states';
import { useMe } from '../../auth/session-hooks';

import { SUBMISSION_KINDS } from '../../../../../shared/submission.workflow';
import { useOrganizations } from '../../organizations/organization-hooks';
import { useCreateSubmission } from '../page/page-hooks';
import '../../opportunities/board/board.css';
import '../page/submission-page.css';
import type { CreateSubmission, SubmissionKind } from '../submission-hooks';

/** A coordinator or a member starts a joint submission; members lead it for their own organisation. */
export function NewSubmissionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data!;
  const isCoordinator = me.role === 'coordinator' || me.role === 'admin';
  const organizations = useOrganizations({ limit: 100 });
  const create = useCreateSubmission();
  const [values, setValues] = useState<Record<string, string>>({
    kind: 'general_comment',
    visibility: 'participants',
    leadOrganizationId: me.organizationId ?? '',
  });
  const [partners, setPartners] = useState<string[]>([]);
  const [signers, setSigners] = useState<string[]>([]);
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? (list.includes(id) ? list : [...list, id]) : list.filter((x) => x !== id);
  // A field's problem from the last attempt is shown until the field is changed.
  const [edited, setEdited] = useState<string[]>([]);
  const allProblems = fieldProblems(create.error);
  const problems = Object.fromEntries(Object.entries(allProblems).filter(([name]) => !edited.includes(name)));
  const set = (name: string) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [name]: event.target.value }));
    setEdited((list) => (list.includes(name) ? list : [...list, name]));
  };
  const field = (name: string) => ({
    id: `new-${name}`,
    value: values[name] ?? '',
    onChange: set(name),
    'aria-invalid': problems[name] ? true : undefined,
    'aria-describedby': problems[name] ? `new-${name}-problem` : undefined,
  });
  const problem = (name: string) =>
    problems[name] && (
      <p id={`new-${name}-problem`} className="form-error">
        {problems[name]}
      </p>
    );
  const choices = (organizations.data?.items ?? [])
    .filter((o) => o.kind !== 'funder')
    .sort((a, b) => a.name.localeCompare(b.name));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setEdited([]);
    const optional = (name: string) => values[name]?.trim() || undefined;
    const wordLimit = optional('wordLimit');
    const body: CreateSubmission = {
      title: values.title?.trim() ?? '',
      targetBody: values.targetBody?.trim() ?? '',
      kind: values.kind as SubmissionKind,
      leadOrganizationId: values.leadOrganizationId ?? '',
      callUrl: optional('callUrl'),
      wordLimit: wordLimit ? Number(wordLimit) : undefined,
      visibility: values.visibility as CreateSubmission['visibility'],
      partners: partners
        .filter((id) => id !== values.leadOrganizationId)
        .map((organizationId) => ({ organizationId, requiredSigner: signers.includes(organizationId) })),
    };
    create.mutate(body, { onSuccess: (created) => void navigate(`/submissions/${created.id}`) });
  };

  return (
    <>
      <PageTitle>{t('submission-page.new.title')}</PageTitle>
      <form className="panel call-form" onSubmit={submit} noValidate>
        <label htmlFor="new-title">{t('submission-page.fields.title')}</label>
        <input required maxLength={300} {...field('title')} />
        {problem('title')}
        <label htmlFor="new-targetBody">{t('submissions.targetBody')}</label>
        <input
          required
          maxLength={200}
          placeholder={t('submission-page.list.targetBodyExample')}
          {...field('targetBody')}
        />
        {problem('targetBody')}
        <label htmlFor="new-kind">{t('submissions.kind')}</label>
        <select {...field('kind')}>
          {SUBMISSION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`submissions.kinds.${kind}`)}
            </option>
          ))}
        </select>
        <label htmlFor="new-leadOrganizationId">{t('submissions.lead')}</label>
        <select required disabled={!isCoordinator} {...field('leadOrganizationId')}>
          <option value="">{t('submission-page.new.chooseLead')}</option>
          {choices.map((o) => (
            <option key={o.id} value={o.id} translate="no">
              {o.name}
            </option>
          ))}
        </select>
        {!isCoordinator && <p className="hint">{t('submission-page.new.leadIsYours')}</p>}
        {organizations.isPending && <LoadingState />}
        {organizations.isError && <ErrorState error={organizations.error} retry={() => void organizations.refetch()} />}
        {problem('leadOrganizationId')}
        <fieldset className="partner-picks">
          <legend>{t('submission-page.new.partners')}</legend>
          {choices
            .filter((o) => o.id !== values.leadOrganizationId)
            .map((o) => (
              <div key={o.id} className="partner-pick">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={partners.includes(o.id)}
                    onChange={(e) => setPartners((list) => toggle(list, o.id, e.target.checked))}
                  />
                  <span translate="no">{o.acronym ? `${o.name} (${o.acronym})` : o.name}</span>
                </label>
                {partners.includes(o.id) && (
                  <label className="check signer-pick">
                    <input
                      type="checkbox"
                      checked={signers.includes(o.id)}
                      onChange={(e) => setSigners((list) => toggle(list, o.id, e.target.checked))}
                    />
                    {t('submission-page.new.mustSign', { name: o.acronym ?? o.name })}
                  </label>
                )}
              </div>
            ))}
        </fieldset>
        {problem('partners')}
        <label htmlFor="new-wordLimit">{t('submission-page.fields.wordLimit')}</label>
        <input type="number" min={1} inputMode="numeric" {...field('wordLimit')} />
        {problem('wordLimit')}
        <label htmlFor="new-callUrl">{t('submission-page.fields.callUrl')}</label>
        <input type="url" placeholder="https://" {...field('callUrl')} />
        {problem('callUrl')}
        <label htmlFor="new-visibility">{t('submission-page.fields.visibility')}</label>
        <select {...field('visibility')}>
          <option value="participants">{t('submission-page.visibility.participants')}</option>
          <option value="network">{t('submission-page.visibility.network')}</option>
        </select>
        {Object.keys(allProblems).length === 0 && <FormError error={create.error} />}
        {Object.keys(problems).length > 0 && (
          <p className="form-error" role="alert">
            {t('submission-page.fixFields')}
          </p>
        )}
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? t('submission-page.saving') : t('submission-page.new.create')}
        </button>
      </form>
    </>
  );
}
