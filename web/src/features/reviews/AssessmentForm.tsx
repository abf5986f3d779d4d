import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldProblems } from '../../api/refusals';
import { FormError } from '../../components/states';
import { STATUSES, useAssess, type AssessmentStatus, type RecommendationDetail } from './review-hooks';

/** A following organisation (or a coordinator) records where a recommendation stands, with its evidence. */
export function AssessmentForm({ recommendation: r }: { recommendation: RecommendationDetail }) {
  const { t } = useTranslation();
  const assess = useAssess(r.id, r.reviewId);
  const [status, setStatus] = useState<AssessmentStatus>(r.status);
  const [summary, setSummary] = useState('');
  const [url, setUrl] = useState('');
  const [reference, setReference] = useState('');
  const [assessedOn, setAssessedOn] = useState('');
  const problems = fieldProblems(assess.error);
  const describe = (name: string) =>
    problems[name] ? { 'aria-invalid': true as const, 'aria-describedby': `assess-${name}-problem` } : {};
  const problem = (name: string) =>
    problems[name] && (
      <p id={`assess-${name}-problem`} className="form-error">
        {problems[name]}
      </p>
    );
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const evidence = [
      ...(url.trim() ? [{ url: url.trim() }] : []),
      ...(reference.trim() ? [{ reference: reference.trim() }] : []),
    ];
    assess.mutate(
      { status, summary: summary.trim(), evidence, assessedOn: assessedOn || undefined },
      {
        onSuccess: () => {
          setSummary('');
          setUrl('');
          setReference('');
          setAssessedOn('');
        },
      },
    );
  };
  return (
    <section aria-labelledby="assess-title" className="panel">
      <h2 id="assess-title">{t('reviews.assess.title')}</h2>
      <form className="assessment-form" onSubmit={submit} noValidate>
        <label htmlFor="assess-status">{t('reviews.fields.status')}</label>
        <select id="assess-status" value={status} onChange={(e) => setStatus(e.target.value as AssessmentStatus)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`reviews.status.${s}`)}
            </option>
          ))}
        </select>
        <label htmlFor="assess-summary">{t('reviews.assess.summary')}</label>
        <textarea
          id="assess-summary"
          rows={4}
          required
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          {...describe('summary')}
        />
        {problem('summary')}
        <label htmlFor="assess-url">{t('reviews.assess.url')}</label>
        <input
          id="assess-url"
          type="url"
          inputMode="url"
          placeholder="https://"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          {...describe('evidence')}
        />
        <label htmlFor="assess-reference">{t('reviews.assess.reference')}</label>
        <input
          id="assess-reference"
          value={reference}
          placeholder={t('reviews.assess.referenceExample')}
          onChange={(e) => setReference(e.target.value)}
        />
        {problem('evidence')}
        <label htmlFor="assess-assessedOn">{t('reviews.assess.assessedOn')}</label>
        <input
          id="assess-assessedOn"
          type="date"
          value={assessedOn}
          onChange={(e) => setAssessedOn(e.target.value)}
          aria-describedby="assess-assessedOn-hint"
          {...(problems.assessedOn ? { 'aria-invalid': true } : {})}
        />
        <p className="hint" id="assess-assessedOn-hint">
          {t('reviews.assess.assessedOnHint')}
        </p>
        {problem('assessedOn')}
        {Object.keys(problems).length === 0 && <FormError error={assess.error} />}
        <button type="submit" disabled={assess.isPending}>
          {assess.isPending ? t('reviews.saving') : t('reviews.assess.submit')}
        </button>
        {assess.isSuccess && (
          <p className="success" role="status">
            {t('reviews.assess.saved')}
          </p>
        )}
      </form>
    </section>
  );
}
