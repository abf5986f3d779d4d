import { fieldProblems } from '../../../api/refusals';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/states';
import { useFormat } from '../../../i18n/format';

import { useUpdateSubmission } from './page-hooks';
import type { Submission } from '../submission-hooks';

/** After submission: the text is frozen; the proof of receipt and the published link are still recorded. */
export function AcknowledgementPanel({ submission: s, canRun }: { submission: Submission; canRun: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const recorded = s.acknowledgedAt || s.acknowledgementNote || s.acknowledgementUrl || s.publishedUrl;
  return (
    <section className="panel" aria-labelledby="acknowledgement">
      <div className="panel-head">
        <h2 id="acknowledgement">{t('submission-page.ack.title')}</h2>
        {canRun && !editing && (
          <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
            {recorded ? t('submission-page.ack.edit') : t('submission-page.ack.record')}
          </button>
        )}
      </div>
      {editing ? (
        <AcknowledgementForm submission={s} done={() => setEditing(false)} />
      ) : recorded ? (
        <dl className="facts">
          {s.acknowledgedAt && (
            <div>
              <dt>{t('submission-page.ack.acknowledgedAt')}</dt>
              <dd>{format.date(`${s.acknowledgedAt}T12:00:00Z`, 'UTC')}</dd>
            </div>
          )}
          {s.acknowledgementNote && (
            <div>
              <dt>{t('submission-page.ack.note')}</dt>
              <dd className="description" translate="no">
                {s.acknowledgementNote}
              </dd>
            </div>
          )}
          {s.acknowledgementUrl && (
            <div>
              <dt>{t('submission-page.ack.proof')}</dt>
              <dd>
                <a href={s.acknowledgementUrl} target="_blank" rel="noreferrer">
                  {t('submission-page.ack.openProof')}
                </a>
              </dd>
            </div>
          )}
          {s.publishedUrl && (
            <div>
              <dt>{t('submission-page.ack.published')}</dt>
              <dd>
                <a href={s.publishedUrl} target="_blank" rel="noreferrer">
                  {t('submission-page.ack.openPublished')}
                </a>
              </dd>
            </div>
          )}
        </dl>
      ) : (
        <p className="state state-empty">{t('submission-page.ack.none')}</p>
      )}
    </section>
  );
}

function AcknowledgementForm({ submission: s, done }: { submission: Submission; done: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateSubmission(s.id);
  const [values, setValues] = useState({
    acknowledgedAt: s.acknowledgedAt ?? '',
    acknowledgementNote: s.acknowledgementNote ?? '',
    acknowledgementUrl: s.acknowledgementUrl ?? '',
    publishedUrl: s.publishedUrl ?? '',
  });
  const problems = fieldProblems(update.error);
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: event.target.value }));
  const field = (name: keyof typeof values) => ({
    id: `ack-${name}`,
    value: values[name],
    onChange: set(name),
    'aria-invalid': problems[name] ? true : undefined,
    'aria-describedby': problems[name] ? `ack-${name}-problem` : undefined,
  });
  const problem = (name: string) =>
    problems[name] && (
      <p id={`ack-${name}-problem`} className="form-error">
        {problems[name]}
      </p>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const orNull = (value: string) => value.trim() || null;
    update.mutate(
      {
        acknowledgedAt: orNull(values.acknowledgedAt),
        acknowledgementNote: orNull(values.acknowledgementNote),
        acknowledgementUrl: orNull(values.acknowledgementUrl),
        publishedUrl: orNull(values.publishedUrl),
      },
      { onSuccess: done },
    );
  };
  return (
    <form className="form submission-form" onSubmit={submit} aria-label={t('submission-page.ack.title')} noValidate>
      <label htmlFor="ack-acknowledgedAt">{t('submission-page.ack.acknowledgedAt')}</label>
      <input type="date" {...field('acknowledgedAt')} />
      {problem('acknowledgedAt')}
      <label htmlFor="ack-acknowledgementNote">{t('submission-page.ack.note')}</label>
      <textarea rows={3} {...field('acknowledgementNote')} />
      {problem('acknowledgementNote')}
      <label htmlFor="ack-acknowledgementUrl">{t('submission-page.ack.proofUrl')}</label>
      <input type="url" placeholder="https://" {...field('acknowledgementUrl')} />
      {problem('acknowledgementUrl')}
      <label htmlFor="ack-publishedUrl">{t('submission-page.ack.publishedUrl')}</label>
      <input type="url" placeholder="https://" {...field('publishedUrl')} />
      {problem('publishedUrl')}
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

/** Says the text is frozen and since when, above everything else on the page. */
export function FrozenNotice({ submission: s }: { submission: Submission }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="frozen-notice" role="note" aria-labelledby="frozen-title">
      <p id="frozen-title">
        <strong>{t('submission-page.frozen.title')}</strong>
      </p>
      <p>
        {s.submittedAt
          ? t('submission-page.frozen.since', { date: format.date(s.submittedAt) })
          : t('submission-page.frozen.body')}
      </p>
    </div>
  );
}
