import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ActivityPanel } from '../../components/ActivityPanel';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { useMe } from '../auth/session-hooks';
import { DeadlineSection } from '../deadlines/DeadlineSection';
import { AssessmentRoundPanel } from './AssessmentRoundPanel';
import { FollowUpMatrix } from './FollowUpMatrix';
import { ImportPanel } from './ImportPanel';
import { RecommendationList } from './RecommendationList';
import { useRecommendationFilter } from './recommendation-filter';
import { useReviewActivity } from './review-edit-hooks';
import { dayIso, useRecommendations, useReview, type OrganizationRef, type Review } from './review-hooks';
import { ReviewEditForm } from './ReviewEditForm';
import { ReviewSummaryFacts } from './ReviewSummaryFacts';
import './reviews.css';

/** The organisations named on any of the recommendations, by name, once each. */
function named(lists: OrganizationRef[][]): OrganizationRef[] {
  const byId = new Map(lists.flat().map((o) => [o.id, o]));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function ReviewFacts({ review: r }: { review: Review }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  if (editing)
    return (
      <section aria-label={t('reviews.details')} className="panel">
        <ReviewEditForm review={r} done={() => setEditing(false)} />
      </section>
    );
  const dates = [...r.dates].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <section aria-labelledby="review-facts" className="panel">
      <h2 id="review-facts" className="visually-hidden">
        {t('reviews.details')}
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('reviews.fields.mechanism')}</dt>
          <dd>{r.mechanismName ?? t(`reviews.mechanism.${r.mechanism}`)}</dd>
        </div>
        <ReviewSummaryFacts review={r} />
      </dl>
      {dates.length > 0 && (
        <>
          <h3>{t('reviews.keyDates')}</h3>
          <dl className="facts">
            {dates.map((d) => (
              <div key={d.id}>
                <dt>
                  {d.kind === 'other' && d.label ? (
                    <span translate="no">{d.label}</span>
                  ) : (
                    t(`reviews.dateKind.${d.kind}`)
                  )}
                </dt>
                <dd>
                  <time dateTime={d.date}>{format.date(dayIso(d.date), 'UTC')}</time>
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p className="toolbar exports">
        {r.can.change && (
          <button type="button" onClick={() => setEditing(true)}>
            {t('reviews.edit.open')}
          </button>
        )}
        <a className="button button-secondary" href={`/api/v1/reviews/${r.id}/export.docx`} download>
          {t('reviews.export.docx')}
        </a>
        <a className="button button-secondary" href={`/api/v1/reviews/${r.id}/export.csv`} download>
          {t('reviews.export.csv')}
        </a>
      </p>
    </section>
  );
}

/**
 * A review: its facts and dates (coordinators change them), the follow-up matrix and the recommendations, both
 * of the filters in the URL, for coordinators the import and a round of assessments, and its activity.
 */
export function ReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe().data!;
  const review = useReview(id);
  const all = useRecommendations(id);
  const { filter, filtered } = useRecommendationFilter();
  const shown = useRecommendations(id, filter);
  const activity = useReviewActivity(id);
  if (review.isPending) return <LoadingState />;
  if (review.isError) return <ErrorState error={review.error} retry={() => void review.refetch()} />;
  const r = review.data;
  const items = all.data?.items ?? [];
  const clusters = [...new Set(items.map((x) => x.cluster).filter((c): c is string => !!c))];
  const tags = [...new Set(items.flatMap((x) => x.tags))].sort((a, b) => a.localeCompare(b));
  const responsible = named(items.map((x) => x.responsibleOrganizations));
  const following = named(items.map((x) => x.followingOrganizations));
  return (
    <article className="record review">
      <p className="breadcrumb">
        <Link to="/reviews">{t('reviews.list.title')}</Link>
      </p>
      <PageTitle isData eyebrow={r.mechanismName ?? t(`reviews.mechanism.${r.mechanism}`)}>
        {r.name}
      </PageTitle>
      <ReviewFacts review={r} />
      <DeadlineSection
        id="review-deadlines"
        title={t('reviews.deadlines')}
        empty={t('reviews.noDeadlines')}
        filter={{ subjectType: 'review', subjectId: r.id }}
        readerZone={me.timeZone}
      />
      {r.can.change && all.data && <AssessmentRoundPanel reviewId={r.id} following={following} />}
      <section aria-labelledby="matrix-title" className="panel">
        <h2 id="matrix-title">{t('reviews.matrix.title')}</h2>
        {filtered && shown.data && (
          <p className="hint">
            <a href="#recommendations">{t('reviews.matrix.filtered')}</a>
          </p>
        )}
        {shown.isPending ? (
          <LoadingState />
        ) : shown.isError ? (
          <ErrorState error={shown.error} retry={() => void shown.refetch()} />
        ) : shown.data.items.length === 0 ? (
          <EmptyState>{filtered ? t('reviews.list.noMatches') : t('reviews.list.noRecommendations')}</EmptyState>
        ) : (
          <FollowUpMatrix recommendations={shown.data.items} />
        )}
      </section>
      {r.can.import && <ImportPanel reviewId={r.id} />}
      <RecommendationList
        reviewId={r.id}
        clusters={clusters}
        tags={tags}
        responsible={responsible}
        following={following}
      />
      <ActivityPanel
        id="review-activity"
        title={t('reviews.activity')}
        empty={t('reviews.noActivity')}
        activity={activity}
      />
    </article>
  );
}
