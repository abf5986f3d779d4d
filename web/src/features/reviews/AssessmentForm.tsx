import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldProblems } from '../../api/refusals';
import { FormError } from '../../components/states';
import { refusalText } from '../../api/refusals';
import { useUploadEvidence } from './review-edit-hooks';
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
  const [file, setFile] = useState<File | null>(null);
  const [fileInput, setFileInput] = useState(0);
  const upload = useUploadEvidence(r.id);
  const problems = fieldProblems(assess.error);
  const describe = (name: string) =>
    problems[name] ? { 'aria-invalid': true as const, 'aria-describedby': `assess-${name}-problem` } : {};
  const problem = (name: string) =>
    problems[name] && (
      <p id={`assess-${name}-problem`} className="form-error">
        {problems[name]}
      </p>
    );
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    assess.reset();
    // The file is kept first; the assessment then names it. A refused file stops here, beside its field.
    const stored = file ? await upload.mutateAsync(file).catch(() => null) : null;
    if (file && !stored) return;
    const evidence = [
      ...(url.trim() ? [{ url: url.trim() }] : []),
      ...(stored ? [{ fileId: stored.id }] : []),
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
          setFile(null);
          setFileInput((n) => n + 1);
          upload.reset();
        },
      },
    );
  };
  return (
    <section aria-labelledby="assess-title" className="panel">
      <h2 id="assess-title">{t('reviews.assess.title')}</h2>
      <form className="assessment-form" onSubmit={(e) => void submit(e)} noValidate>
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
        <label htmlFor="assess-file">{t('reviews.assess.file')}</label>
        <input
          key={fileInput}
          id="assess-file"
          type="file"
          accept=".pdf,.docx,.xlsx,.odt,.png,.jpg,.jpeg"
          onChange={(e) => {
            upload.reset();
            setFile(e.target.files?.[0] ?? null);
          }}
          aria-describedby={upload.error ? 'assess-file-hint assess-file-problem' : 'assess-file-hint'}
          aria-invalid={upload.error ? true : undefined}
        />
        <p className="hint" id="assess-file-hint">
          {t('reviews.assess.fileHint')}
        </p>
        {upload.error && (
          <p id="assess-file-problem" className="form-error" role="alert">
            {refusalText(upload.error)}
          </p>
        )}
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
        <button type="submit" disabled={assess.isPending || upload.isPending}>
          {upload.isPending || assess.isPending ? t('reviews.saving') : t('reviews.assess.submit')}
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
