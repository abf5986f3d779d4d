import { fieldProblems } from '../../../api/refusals';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/states';

import { FIELDS_EDITABLE_WHEN_FROZEN, isFrozen, SUBMISSION_KINDS } from '../../../../../shared/submission.workflow';
import { useUpdateSubmission } from './page-hooks';
import type { Submission, SubmissionChanges } from '../submission-hooks';

type Values = Record<string, string>;

function valuesOf(s: Submission): Values {
  return {
    title: s.title,
    targetBody: s.targetBody,
    kind: s.kind,
    sessionReference: s.sessionReference ?? '',
    callUrl: s.callUrl ?? '',
    language: s.language,
    wordLimit: s.wordLimit ? String(s.wordLimit) : '',
    pageLimit: s.pageLimit ? String(s.pageLimit) : '',
    confidentiality: s.confidentiality,
    visibility: s.visibility,
    channel: s.channel ?? '',
    channelAddress: s.channelAddress ?? '',
  };
}

const NUMBERS = new Set(['wordLimit', 'pageLimit']);
const REQUIRED = new Set(['title', 'targetBody', 'kind', 'language', 'confidentiality', 'visibility']);

/** Only the changed fields are sent, so a frozen submission accepts the few it still allows. */
function changesBetween(before: Values, after: Values): SubmissionChanges {
  const changes: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value.trim() === before[key]) continue;
    const trimmed = value.trim();
    if (trimmed === '') changes[key] = REQUIRED.has(key) ? '' : null;
    else changes[key] = NUMBERS.has(key) ? Number(trimmed) : trimmed;
  }
  return changes as SubmissionChanges;
}

export function SubmissionDetailsForm({ submission, done }: { submission: Submission; done: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateSubmission(submission.id);
  const frozen = isFrozen(submission.status);
  const [values, setValues] = useState(() => valuesOf(submission));
  const problems = fieldProblems(update.error);
  const set = (name: string) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: event.target.value }));
  const field = (name: string) => ({
    id: `edit-${name}`,
    value: values[name] ?? '',
    onChange: set(name),
    disabled: frozen && !FIELDS_EDITABLE_WHEN_FROZEN.includes(name),
    'aria-invalid': problems[name] ? true : undefined,
    'aria-describedby': problems[name] ? `edit-${name}-problem` : undefined,
  });
  const problem = (name: string) =>
    problems[name] && (
      <p id={`edit-${name}-problem`} className="form-error">
        {problems[name]}
      </p>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes = changesBetween(valuesOf(submission), values);
    if (Object.keys(changes).length === 0) return done();
    update.mutate(changes, { onSuccess: done });
  };
  const text = (name: string, type = 'text') => (
    <>
      <label htmlFor={`edit-${name}`}>{t(`submission-page.fields.${name}`)}</label>
      <input type={type} {...field(name)} />
      {problem(name)}
    </>
  );

  return (
    <form className="form submission-form" onSubmit={submit} aria-labelledby="edit-details" noValidate>
      <h3 id="edit-details">{t('submission-page.details.editTitle')}</h3>
      {frozen && <p className="hint">{t('submission-page.details.frozenHint')}</p>}
      {text('title')}
      <label htmlFor="edit-targetBody">{t('submissions.targetBody')}</label>
      <input {...field('targetBody')} />
      {problem('targetBody')}
      <label htmlFor="edit-kind">{t('submissions.kind')}</label>
      <select {...field('kind')}>
        {SUBMISSION_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`submissions.kinds.${kind}`)}
          </option>
        ))}
      </select>
      {text('sessionReference')}
      {text('callUrl', 'url')}
      <div className="inline-fields">
        <div>
          <label htmlFor="edit-wordLimit">{t('submission-page.fields.wordLimit')}</label>
          <input type="number" min={1} inputMode="numeric" {...field('wordLimit')} />
          {problem('wordLimit')}
        </div>
        <div>
          <label htmlFor="edit-pageLimit">{t('submission-page.fields.pageLimit')}</label>
          <input type="number" min={1} inputMode="numeric" {...field('pageLimit')} />
          {problem('pageLimit')}
        </div>
        <div>
          <label htmlFor="edit-language">{t('submission-page.fields.languageTag')}</label>
          <input {...field('language')} />
          {problem('language')}
        </div>
      </div>
      <label htmlFor="edit-confidentiality">{t('submission-page.fields.confidentiality')}</label>
      <select {...field('confidentiality')}>
        <option value="publish">{t('submission-page.confidentiality.publish')}</option>
        <option value="confidential">{t('submission-page.confidentiality.confidential')}</option>
      </select>
      <label htmlFor="edit-visibility">{t('submission-page.fields.visibility')}</label>
      <select {...field('visibility')}>
        <option value="participants">{t('submission-page.visibility.participants')}</option>
        <option value="network">{t('submission-page.visibility.network')}</option>
      </select>
      <label htmlFor="edit-channel">{t('submission-page.fields.channel')}</label>
      <select {...field('channel')}>
        <option value="">{t('submission-page.channel.none')}</option>
        <option value="email">{t('submission-page.channel.email')}</option>
        <option value="portal">{t('submission-page.channel.portal')}</option>
        <option value="upload_link">{t('submission-page.channel.upload_link')}</option>
      </select>
      {text('channelAddress')}
      {Object.keys(problems).length === 0 ? (
        <FormError error={update.error} />
      ) : (
        <p className="form-error" role="alert">
          {t('submission-page.fixFields')}
        </p>
      )}
      <div className="toolbar">
        <button type="submit" disabled={update.isPending}>
          {update.isPending ? t('submission-page.saving') : t('submission-page.save')}
        </button>
        <button type="button" className="button-secondary" onClick={done}>
          {t('submission-page.cancel')}
        </button>
      </div>
    </form>
  );
}
