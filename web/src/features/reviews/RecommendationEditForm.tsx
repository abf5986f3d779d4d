import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldProblems } from '../../api/refusals';
import { ErrorState, FormError, LoadingState } from '../../components/states';
import { ChoiceChecks } from './ChoiceChecks';
import { useLinkChoices } from './recommendation-links';
import { useUpdateRecommendation } from './review-edit-hooks';
import type { RecommendationDetail } from './review-hooks';
import { SaveOrCancel } from './SaveOrCancel';

const tagList = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

/**
 * A coordinator changes what the network keeps about a recommendation: tags, scope, the government bodies
 * responsible, the organisations that follow it, its links to submissions and calls, and its Khmer text.
 */
export function RecommendationEditForm({
  recommendation: r,
  done,
}: {
  recommendation: RecommendationDetail;
  done: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateRecommendation(r.id, r.reviewId);
  const choices = useLinkChoices();
  const [tags, setTags] = useState(r.tags.join(', '));
  const [inScope, setInScope] = useState(r.inScope);
  const [responsible, setResponsible] = useState(r.responsibleOrganizationIds);
  const [following, setFollowing] = useState(r.followingOrganizationIds);
  const [submissions, setSubmissions] = useState(r.submissionLinks.map((l) => l.submissionId));
  const [opportunities, setOpportunities] = useState(r.opportunityIds);
  const [textKm, setTextKm] = useState(r.textKm ?? '');
  const problems = fieldProblems(update.error);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        tags: tagList(tags),
        inScope,
        responsibleOrganizationIds: responsible,
        followingOrganizationIds: following,
        // A link that named a section keeps it.
        submissionLinks: submissions.map(
          (submissionId) => r.submissionLinks.find((l) => l.submissionId === submissionId) ?? { submissionId },
        ),
        opportunityIds: opportunities,
        textKm: textKm.trim() || null,
      },
      { onSuccess: done },
    );
  };
  // A body or link already named stays tickable even when the reader's lists do not hold it.
  const withNamed = <T extends { id: string }>(list: T[], named: T[]) => [
    ...list,
    ...named.filter((n) => !list.some((c) => c.id === n.id)),
  ];
  return (
    <form className="recommendation-form" onSubmit={submit} noValidate aria-labelledby="edit-recommendation-title">
      <h2 id="edit-recommendation-title">{t('reviews.editRecommendation.title')}</h2>
      <label htmlFor="rec-tags">{t('reviews.fields.tags')}</label>
      <input
        id="rec-tags"
        value={tags}
        onChange={(e) => setTags(e.target.value)}
        aria-describedby={problems.tags ? 'rec-tags-hint rec-tags-problem' : 'rec-tags-hint'}
        aria-invalid={problems.tags ? true : undefined}
      />
      <p className="hint" id="rec-tags-hint">
        {t('reviews.editRecommendation.tagsHint')}
      </p>
      {problems.tags && (
        <p className="form-error" id="rec-tags-problem">
          {problems.tags}
        </p>
      )}
      <label className="check">
        <input type="checkbox" checked={inScope} onChange={(e) => setInScope(e.target.checked)} />{' '}
        {t('reviews.fields.inScope')}
      </label>
      {choices.pending ? (
        <LoadingState />
      ) : choices.error ? (
        <ErrorState error={choices.error} retry={choices.retry} />
      ) : (
        <>
          <ChoiceChecks
            id="rec-responsible"
            legend={t('reviews.fields.responsible')}
            hint={t('reviews.editRecommendation.responsibleHint')}
            choices={withNamed(choices.government, r.responsibleOrganizations)}
            value={responsible}
            change={setResponsible}
            problem={problems.responsibleOrganizationIds}
          />
          <ChoiceChecks
            id="rec-following"
            legend={t('reviews.fields.following')}
            choices={withNamed(choices.network, r.followingOrganizations)}
            value={following}
            change={setFollowing}
            problem={problems.followingOrganizationIds}
          />
          <ChoiceChecks
            id="rec-submissions"
            legend={t('reviews.fields.submissions')}
            choices={choices.submissions}
            value={submissions}
            change={setSubmissions}
            problem={problems.submissionLinks}
          />
          <ChoiceChecks
            id="rec-opportunities"
            legend={t('reviews.fields.opportunities')}
            choices={choices.opportunities}
            value={opportunities}
            change={setOpportunities}
            problem={problems.opportunityIds}
          />
        </>
      )}
      <label htmlFor="rec-textKm">{t('reviews.fields.textKm')}</label>
      <textarea
        id="rec-textKm"
        lang="km"
        rows={6}
        value={textKm}
        onChange={(e) => setTextKm(e.target.value)}
        aria-describedby={problems.textKm ? 'rec-textKm-problem' : undefined}
        aria-invalid={problems.textKm ? true : undefined}
      />
      {problems.textKm && (
        <p className="form-error" id="rec-textKm-problem">
          {problems.textKm}
        </p>
      )}
      {Object.keys(problems).length === 0 && <FormError error={update.error} />}
      <SaveOrCancel pending={update.isPending} save={t('reviews.editRecommendation.save')} cancel={done} />
    </form>
  );
}
