import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { useMe } from '../auth/session-hooks';
import { DeadlineSection } from '../deadlines/DeadlineSection';
import { FollowUpMatrix } from './FollowUpMatrix';
import { ImportPanel } from './ImportPanel';
import { RecommendationList } from './RecommendationList';
import { dayIso, useRecommendations, useReview, type Review } from './review-hooks';
import { ReviewSummaryFacts } from './ReviewSummaryFacts';
import './reviews.css';

function ReviewFacts({ review: r }: { review: Review }) {
  const { t } = useTranslation();
  const format = useFormat();
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

/** A review: its facts and dates, the follow-up matrix, its recommendations and (for coordinators) the import. */
export function ReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe().data!;
  const review = useReview(id);
  const all = useRecommendations(id);
  if (review.isPending) return <LoadingState />;
  if (review.isError) return <ErrorState error={review.error} retry={() => void review.refetch()} />;
  const r = review.data;
  const items = all.data?.items ?? [];
  const clusters = [...new Set(items.map((x) => x.cluster).filter((c): c is string => !!c))];
  const tags = [...new Set(items.flatMap((x) => x.tags))].sort((a, b) => a.localeCompare(b));
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
      <section aria-labelledby="matrix-title" className="panel">
        <h2 id="matrix-title">{t('reviews.matrix.title')}</h2>
        {all.isPending ? (
          <LoadingState />
        ) : all.isError ? (
          <ErrorState error={all.error} retry={() => void all.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState>{t('reviews.list.noRecommendations')}</EmptyState>
        ) : (
          <FollowUpMatrix recommendations={items} />
        )}
      </section>
      {r.can.import && <ImportPanel reviewId={r.id} />}
      <RecommendationList reviewId={r.id} clusters={clusters} tags={tags} />
    </article>
  );
}
