import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { useMe } from '../auth/session-hooks';
import { STATUSES, useRecommendations, type AssessmentStatus, type RecommendationFilter } from './review-hooks';
import { StatusBadge } from './StatusBadge';

/** The filters live in the URL, so a filtered list (or a matrix cell's) can be shared. */
function filterFrom(params: URLSearchParams, organizationId: string | null): RecommendationFilter {
  const value = (key: string) => params.get(key)?.trim() || undefined;
  const status = value('status');
  const urgent = value('urgent');
  return {
    cluster: value('cluster'),
    tag: value('tag'),
    status: STATUSES.includes(status as AssessmentStatus) ? (status as AssessmentStatus) : undefined,
    urgent: urgent === 'true' || urgent === 'false' ? urgent : undefined,
    followingOrganizationId: params.get('mine') === 'true' && organizationId ? organizationId : undefined,
  };
}

/** The review's recommendations, filterable by cluster, status, urgency and tag. */
export function RecommendationList({
  reviewId,
  clusters,
  tags,
}: {
  reviewId: string;
  clusters: string[];
  tags: string[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const me = useMe().data!;
  const filter = filterFrom(params, me.organizationId ?? null);
  const list = useRecommendations(reviewId, filter);
  const set = (key: string, value: string) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        if (value) copy.set(key, value);
        else copy.delete(key);
        return copy;
      },
      { replace: true },
    );
  const filtered = Object.values(filter).some(Boolean);
  return (
    <section aria-labelledby="recommendations-title" className="panel" id="recommendations">
      <h2 id="recommendations-title">{t('reviews.list.recommendations')}</h2>
      <form
        className="filters recommendation-filters"
        role="search"
        aria-label={t('reviews.filters.label')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          {t('reviews.fields.cluster')}
          <select value={filter.cluster ?? ''} onChange={(e) => set('cluster', e.target.value)}>
            <option value="">{t('reviews.filters.allClusters')}</option>
            {clusters.map((c) => (
              <option key={c} value={c} translate="no">
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reviews.fields.status')}
          <select value={filter.status ?? ''} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('reviews.filters.allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`reviews.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reviews.filters.urgency')}
          <select value={filter.urgent ?? ''} onChange={(e) => set('urgent', e.target.value)}>
            <option value="">{t('reviews.filters.anyUrgency')}</option>
            <option value="true">{t('reviews.filters.urgentOnly')}</option>
            <option value="false">{t('reviews.filters.notUrgent')}</option>
          </select>
        </label>
        <label>
          {t('reviews.fields.tag')}
          <select value={filter.tag ?? ''} onChange={(e) => set('tag', e.target.value)}>
            <option value="">{t('reviews.filters.allTags')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag} translate="no">
                {tag}
              </option>
            ))}
          </select>
        </label>
        {me.organizationId && (
          <label className="check">
            <input
              type="checkbox"
              checked={params.get('mine') === 'true'}
              onChange={(e) => set('mine', e.target.checked ? 'true' : '')}
            />
            {t('reviews.filters.mine')}
          </label>
        )}
      </form>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{filtered ? t('reviews.list.noMatches') : t('reviews.list.noRecommendations')}</EmptyState>
      ) : (
        <>
          <p className="muted" role="status">
            {t('reviews.list.count', { count: list.data.total, total: format.number(list.data.total) })}
          </p>
          <ul className="card-list recommendation-list">
            {list.data.items.map((r) => (
              <li key={r.id} className="card">
                <div className="card-head">
                  <Link to={`/recommendations/${r.id}`} className="card-title">
                    {t('reviews.paragraph', { paragraph: r.paragraph })}
                  </Link>
                  <StatusBadge status={r.status} />
                  {r.urgent && <span className="badge badge-urgent">{t('reviews.urgent')}</span>}
                </div>
                <p className="clamp" translate="no">
                  {r.text}
                </p>
                {r.followingOrganizations.length > 0 && (
                  <p className="card-meta">
                    {t('reviews.fields.following')}:{' '}
                    <span translate="no">{r.followingOrganizations.map((o) => o.acronym ?? o.name).join(', ')}</span>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
