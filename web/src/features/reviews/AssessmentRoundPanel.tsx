import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldProblems } from '../../api/refusals';
import { FormError } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { ChoiceChecks } from './ChoiceChecks';
import { useAskRound } from './review-edit-hooks';
import type { OrganizationRef } from './review-hooks';

/**
 * A coordinator asks the organisations that follow the review's recommendations (all by default) for a status
 * check by a day: each gets a deadline, assigned to its members, with the usual reminders.
 */
export function AssessmentRoundPanel({ reviewId, following }: { reviewId: string; following: OrganizationRef[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ask = useAskRound(reviewId);
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const organizationIds = chosen ?? following.map((o) => o.id);
  const problems = fieldProblems(ask.error);
  const described = (field: string) =>
    problems[field] ? { 'aria-invalid': true as const, 'aria-describedby': `round-${field}-problem` } : {};
  const problem = (field: string) =>
    problems[field] && (
      <p id={`round-${field}-problem`} className="form-error">
        {problems[field]}
      </p>
    );
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    ask.mutate({
      title: title.trim(),
      dueDate,
      // All of them is the server's default; naming them would refuse one that stops following meanwhile.
      organizationIds: chosen && chosen.length !== following.length ? chosen : undefined,
    });
  };
  return (
    <section aria-labelledby="round-title" className="panel">
      <h2 id="round-title">{t('reviews.round.title')}</h2>
      <p className="hint">{t('reviews.round.intro')}</p>
      {following.length === 0 ? (
        <p className="state state-empty">{t('reviews.round.nobody')}</p>
      ) : (
        <form className="round-form" onSubmit={submit} noValidate>
          <label htmlFor="round-title-input">{t('reviews.round.label')}</label>
          <input
            id="round-title-input"
            required
            maxLength={150}
            placeholder={t('reviews.round.labelExample')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            {...described('title')}
          />
          {problem('title')}
          <label htmlFor="round-dueDate">{t('reviews.round.dueDate')}</label>
          <input
            id="round-dueDate"
            type="date"
            required
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
            {...described('dueDate')}
          />
          {problem('dueDate')}
          <ChoiceChecks
            id="round-organizations"
            legend={t('reviews.round.organizations')}
            hint={t('reviews.round.organizationsHint')}
            choices={following}
            value={organizationIds}
            change={setChosen}
            problem={problems.organizationIds}
          />
          {Object.keys(problems).length === 0 && <FormError error={ask.error} />}
          <button type="submit" disabled={ask.isPending || organizationIds.length === 0}>
            {ask.isPending ? t('reviews.saving') : t('reviews.round.submit', { count: organizationIds.length })}
          </button>
        </form>
      )}
      {ask.data && (
        <div role="status" className="round-result">
          <p className="success">
            {t('reviews.round.asked', {
              count: ask.data.deadlines.length,
              organizations: format.number(ask.data.deadlines.length),
            })}
          </p>
          <ul className="plain-list">
            {ask.data.deadlines.map((d) => (
              <li key={d.id}>
                <Link to={`/deadlines/${d.id}`} translate="no">
                  {d.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
