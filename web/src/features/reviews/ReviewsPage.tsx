import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useMe } from '../auth/session-hooks';
import { NewReviewForm } from './NewReviewForm';
import { useReviews } from './review-hooks';
import { ReviewSummaryFacts } from './ReviewSummaryFacts';
import './reviews.css';

/** Every review the reader may see, and for coordinators a form to record a new one. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const reviews = useReviews();
  const canCreate = me.role === 'coordinator' || me.role === 'admin';
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageTitle>{t('reviews.list.title')}</PageTitle>
      <p className="muted">{t('reviews.list.intro')}</p>
      {canCreate && !creating && (
        <div className="toolbar">
          <button type="button" onClick={() => setCreating(true)}>
            {t('reviews.new.open')}
          </button>
        </div>
      )}
      {creating && <NewReviewForm onCancel={() => setCreating(false)} />}
      {reviews.isPending ? (
        <LoadingState />
      ) : reviews.isError ? (
        <ErrorState error={reviews.error} retry={() => void reviews.refetch()} />
      ) : reviews.data.items.length === 0 ? (
        <EmptyState>{t('reviews.list.empty')}</EmptyState>
      ) : (
        <ul className="card-list review-list">
          {reviews.data.items.map((r) => (
            <li key={r.id} className="card">
              <div className="card-head">
                <Link to={`/reviews/${r.id}`} className="card-title" translate="no">
                  {r.name}
                </Link>
                <span className="badge">{r.mechanismName ?? t(`reviews.mechanism.${r.mechanism}`)}</span>
              </div>
              <dl className="facts">
                <ReviewSummaryFacts review={r} />
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
