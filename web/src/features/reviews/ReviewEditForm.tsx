import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldProblems } from '../../api/refusals';
import { FormError } from '../../components/states';
import { useUpdateReview } from './review-edit-hooks';
import { DATE_KINDS, type Review, type ReviewDateKind } from './review-hooks';
import { SaveOrCancel } from './SaveOrCancel';

const KINDS: ReviewDateKind[] = [...DATE_KINDS, 'other'];

interface DateRow {
  key: number;
  kind: ReviewDateKind;
  date: string;
  label: string;
}

/**
 * A coordinator changes a review's details and its key dates: add, move or remove one. The server moves each
 * moved date's deadline (and its reminders) and cancels a removed date's.
 */
export function ReviewEditForm({ review: r, done }: { review: Review; done: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateReview(r.id);
  const [name, setName] = useState(r.name);
  const [symbol, setSymbol] = useState(r.symbol ?? '');
  const [adoptedOn, setAdoptedOn] = useState(r.adoptedOn ?? '');
  const [visibility, setVisibility] = useState(r.visibility);
  const [dates, setDates] = useState<DateRow[]>(
    [...r.dates]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((d, key) => ({ key, kind: d.kind, date: d.date, label: d.label ?? '' })),
  );
  const [nextKey, setNextKey] = useState(dates.length);
  const problems = fieldProblems(update.error);
  const described = (field: string) =>
    problems[field] ? { 'aria-invalid': true as const, 'aria-describedby': `edit-review-${field}-problem` } : {};
  const problem = (field: string) =>
    problems[field] && (
      <p id={`edit-review-${field}-problem`} className="form-error">
        {problems[field]}
      </p>
    );
  const change = (key: number, changes: Partial<DateRow>) =>
    setDates((rows) => rows.map((row) => (row.key === key ? { ...row, ...changes } : row)));
  const add = () => {
    const unused = KINDS.find((kind) => kind !== 'other' && !dates.some((d) => d.kind === kind)) ?? 'other';
    setDates((rows) => [...rows, { key: nextKey, kind: unused, date: '', label: '' }]);
    setNextKey((k) => k + 1);
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        name: name.trim(),
        symbol: symbol.trim() || null,
        adoptedOn: adoptedOn || null,
        visibility,
        dates: dates.map((d) => ({ kind: d.kind, date: d.date, label: d.kind === 'other' ? d.label.trim() : null })),
      },
      { onSuccess: done },
    );
  };
  return (
    <form className="review-form" onSubmit={submit} noValidate aria-labelledby="edit-review-title">
      <h3 id="edit-review-title">{t('reviews.edit.title')}</h3>
      <label htmlFor="edit-review-name">{t('reviews.fields.name')}</label>
      <input
        id="edit-review-name"
        required
        maxLength={300}
        value={name}
        onChange={(e) => setName(e.target.value)}
        {...described('name')}
      />
      {problem('name')}
      <label htmlFor="edit-review-symbol">{t('reviews.fields.symbol')}</label>
      <input
        id="edit-review-symbol"
        maxLength={100}
        translate="no"
        value={symbol}
        onChange={(e) => setSymbol(e.target.value)}
        {...described('symbol')}
      />
      {problem('symbol')}
      <label htmlFor="edit-review-adoptedOn">{t('reviews.fields.adoptedOn')}</label>
      <input
        id="edit-review-adoptedOn"
        type="date"
        value={adoptedOn}
        onChange={(e) => setAdoptedOn(e.target.value)}
        {...described('adoptedOn')}
      />
      {problem('adoptedOn')}
      <label htmlFor="edit-review-visibility">{t('reviews.fields.visibility')}</label>
      <select
        id="edit-review-visibility"
        value={visibility}
        onChange={(e) => setVisibility(e.target.value as typeof visibility)}
      >
        <option value="network">{t('submission-page.visibility.network')}</option>
        <option value="participants">{t('submission-page.visibility.participants')}</option>
      </select>
      <fieldset className="date-rows">
        <legend>{t('reviews.fields.dates')}</legend>
        <p className="hint">{t('reviews.edit.datesHint')}</p>
        {dates.length === 0 && <p className="muted">{t('reviews.edit.noDates')}</p>}
        <div>
          {dates.map((d, i) => (
            <div key={d.key} className="date-row" role="group" aria-label={t('reviews.edit.dateN', { n: i + 1 })}>
              <label>
                {t('reviews.edit.kind')}
                <select value={d.kind} onChange={(e) => change(d.key, { kind: e.target.value as ReviewDateKind })}>
                  {KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`reviews.dateKind.${kind}`)}
                    </option>
                  ))}
                </select>
              </label>
              {d.kind === 'other' && (
                <label>
                  {t('reviews.edit.label')}
                  <input maxLength={200} value={d.label} onChange={(e) => change(d.key, { label: e.target.value })} />
                </label>
              )}
              <label>
                {t('reviews.edit.day')}
                <input type="date" required value={d.date} onChange={(e) => change(d.key, { date: e.target.value })} />
              </label>
              <button
                type="button"
                className="button-secondary"
                onClick={() => setDates((rows) => rows.filter((row) => row.key !== d.key))}
              >
                {t('reviews.edit.remove')}
                <span className="visually-hidden"> {t('reviews.edit.dateN', { n: i + 1 })}</span>
              </button>
            </div>
          ))}
        </div>
        <button type="button" className="button-secondary" onClick={add} disabled={dates.length >= 20}>
          {t('reviews.edit.addDate')}
        </button>
        {problem('dates')}
      </fieldset>
      {Object.keys(problems).length === 0 && <FormError error={update.error} />}
      <SaveOrCancel pending={update.isPending} save={t('reviews.edit.save')} cancel={done} />
    </form>
  );
}
