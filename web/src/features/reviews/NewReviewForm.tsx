import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldProblems } from '../../api/refusals';
import { FormError } from '../../components/states';
import { DATE_KINDS, MECHANISMS, useCreateReview, type CreateReview, type Mechanism } from './review-hooks';
import { SaveOrCancel } from './SaveOrCancel';

/** A coordinator records a review: its mechanism, name, symbol, adoption date and the next cycle's dates. */
export function NewReviewForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateReview();
  const [values, setValues] = useState<Record<string, string>>({ mechanism: 'crc', visibility: 'network' });
  const problems = fieldProblems(create.error);
  const field = (name: string) => ({
    id: `review-${name}`,
    value: values[name] ?? '',
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    'aria-invalid': problems[name] ? true : undefined,
    'aria-describedby': problems[name] ? `review-${name}-problem` : undefined,
  });
  const problem = (name: string) =>
    problems[name] && (
      <p id={`review-${name}-problem`} className="form-error">
        {problems[name]}
      </p>
    );
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const optional = (name: string) => values[name]?.trim() || undefined;
    const body: CreateReview = {
      mechanism: values.mechanism as Mechanism,
      mechanismName: values.mechanism === 'other' ? optional('mechanismName') : undefined,
      name: values.name?.trim() ?? '',
      symbol: optional('symbol'),
      adoptedOn: optional('adoptedOn'),
      visibility: values.visibility as CreateReview['visibility'],
      dates: DATE_KINDS.filter((kind) => optional(kind)).map((kind) => ({ kind, date: values[kind] })),
    };
    create.mutate(body, { onSuccess: (review) => void navigate(`/reviews/${review.id}`) });
  };
  return (
    <form className="panel review-form" onSubmit={submit} noValidate aria-labelledby="new-review-title">
      <h2 id="new-review-title">{t('reviews.new.title')}</h2>
      <label htmlFor="review-mechanism">{t('reviews.fields.mechanism')}</label>
      <select {...field('mechanism')}>
        {MECHANISMS.map((m) => (
          <option key={m} value={m}>
            {t(`reviews.mechanism.${m}`)}
          </option>
        ))}
      </select>
      {values.mechanism === 'other' && (
        <>
          <label htmlFor="review-mechanismName">{t('reviews.fields.mechanismName')}</label>
          <input required maxLength={200} {...field('mechanismName')} />
          {problem('mechanismName')}
        </>
      )}
      <label htmlFor="review-name">{t('reviews.fields.name')}</label>
      <input required maxLength={300} {...field('name')} />
      {problem('name')}
      <label htmlFor="review-symbol">{t('reviews.fields.symbol')}</label>
      <input maxLength={100} placeholder="CRC/C/KHM/CO/4-6" translate="no" {...field('symbol')} />
      {problem('symbol')}
      <label htmlFor="review-adoptedOn">{t('reviews.fields.adoptedOn')}</label>
      <input type="date" {...field('adoptedOn')} />
      {problem('adoptedOn')}
      <label htmlFor="review-visibility">{t('reviews.fields.visibility')}</label>
      <select {...field('visibility')}>
        <option value="network">{t('submission-page.visibility.network')}</option>
        <option value="participants">{t('submission-page.visibility.participants')}</option>
      </select>
      <fieldset>
        <legend>{t('reviews.fields.dates')}</legend>
        {DATE_KINDS.map((kind) => (
          <div key={kind}>
            <label htmlFor={`review-${kind}`}>{t(`reviews.dateKind.${kind}`)}</label>
            <input type="date" {...field(kind)} />
          </div>
        ))}
        {problem('dates')}
      </fieldset>
      {Object.keys(problems).length === 0 && <FormError error={create.error} />}
      <SaveOrCancel pending={create.isPending} save={t('reviews.new.create')} cancel={onCancel} />
    </form>
  );
}
