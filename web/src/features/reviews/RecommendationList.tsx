import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { useMe } from '../auth/session-hooks';
import { useRecommendationFilter } from './recommendation-filter';
import { STATUSES, useRecommendations, type OrganizationRef } from './review-hooks';
import { StatusBadge } from './StatusBadge';

const orgName = (o: OrganizationRef) => (o.acronym ? `${o.name} (${o.acronym})` : o.name);

/** One filter by organisation: the responsible bodies, or the following organisations, named in the review. */
function OrganizationFilter(props: {
  label: string;
  any: string;
  value: string;
  choices: OrganizationRef[];
  disabled?: boolean;
  change: (id: string) => void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} disabled={props.disabled} onChange={(e) => props.change(e.target.value)}>
        <option value="">{props.any}</option>
        {props.choices.map((o) => (
          <option key={o.id} value={o.id} translate="no">
            {orgName(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The review's recommendations, filterable by cluster, status, urgency, tag, responsible body and follower. */
export function RecommendationList({
  reviewId,
  clusters,
  tags,
  responsible,
  following,
}: {
  reviewId: string;
  clusters: string[];
  tags: string[];
  responsible: OrganizationRef[];
  following: OrganizationRef[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe().data!;
  const { params, filter, set, filtered } = useRecommendationFilter();
  const list = useRecommendations(reviewId, filter);
  const mine = params.get('mine') === 'true';
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
        <OrganizationFilter
          label={t('reviews.filters.responsible')}
          any={t('reviews.filters.anyResponsible')}
          value={filter.responsibleOrganizationId ?? ''}
          choices={responsible}
          change={(id) => set('responsible', id)}
        />
        <OrganizationFilter
          label={t('reviews.filters.following')}
          any={t('reviews.filters.anyFollowing')}
          value={mine ? '' : (filter.followingOrganizationId ?? '')}
          choices={following}
          disabled={mine}
          change={(id) => set('following', id)}
        />
        {me.organizationId && (
          <label className="check">
            <input type="checkbox" checked={mine} onChange={(e) => set('mine', e.target.checked ? 'true' : '')} />
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
