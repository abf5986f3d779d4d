import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFormat } from '../../i18n/format';
import { useNarrow } from '../deadlines/use-narrow';
import { STATUSES, type Recommendation } from './review-hooks';

/**
 * Counts of recommendations by cluster (rows, in document order) and current status (columns); on a phone,
 * where six columns of Khmer status names have no room, one card per cluster with the statuses it has.
 */
export function FollowUpMatrix({ recommendations }: { recommendations: Recommendation[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const narrow = useNarrow();
  const [params] = useSearchParams();
  const clusters: string[] = [];
  const counts = new Map<string, number>();
  for (const r of recommendations) {
    const cluster = r.cluster ?? '';
    if (!clusters.includes(cluster)) clusters.push(cluster);
    counts.set(`${cluster}\u0000${r.status}`, (counts.get(`${cluster}\u0000${r.status}`) ?? 0) + 1);
  }
  const total = (status: string) => recommendations.filter((r) => r.status === status).length;
  const cell = (cluster: string, status: string) => {
    const count = counts.get(`${cluster}\u0000${status}`) ?? 0;
    if (!count) return <span className="muted">0</span>;
    // The other filters (urgency, tag, organisations) stay: the cell opens the list the matrix counts.
    const query = new URLSearchParams(params);
    query.set('status', status);
    if (cluster) query.set('cluster', cluster);
    else query.delete('cluster');
    const name = t('reviews.matrix.cell', {
      status: t(`reviews.status.${status}`),
      count: format.number(count),
      cluster: cluster || t('reviews.matrix.noCluster'),
    });
    return (
      <Link to={`?${query.toString()}#recommendations`} aria-label={name}>
        {format.number(count)}
      </Link>
    );
  };
  if (narrow)
    return (
      <ul className="card-list matrix-cards" aria-label={t('reviews.matrix.caption')}>
        {clusters.map((cluster) => (
          <li key={cluster} className="card">
            <h3 translate={cluster ? 'no' : undefined}>{cluster || t('reviews.matrix.noCluster')}</h3>
            <dl>
              {STATUSES.filter((status) => counts.get(`${cluster}\u0000${status}`)).map((status) => (
                <div key={status}>
                  <dt>
                    <span className={`status-dot rs-${status}`} aria-hidden="true" />
                    {t(`reviews.status.${status}`)}
                  </dt>
                  <dd>{cell(cluster, status)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
        <li className="card">
          <h3>{t('reviews.matrix.total', { count: recommendations.length })}</h3>
          <dl>
            {STATUSES.filter(total).map((status) => (
              <div key={status}>
                <dt>
                  <span className={`status-dot rs-${status}`} aria-hidden="true" />
                  {t(`reviews.status.${status}`)}
                </dt>
                <dd>{format.number(total(status))}</dd>
              </div>
            ))}
          </dl>
        </li>
      </ul>
    );
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('reviews.matrix.caption')}>
      <table className="matrix">
        <caption className="visually-hidden">{t('reviews.matrix.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reviews.fields.cluster')}</th>
            {STATUSES.map((status) => (
              <th key={status} scope="col" className="number">
                <span className={`status-dot rs-${status}`} aria-hidden="true" />
                {t(`reviews.status.${status}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {clusters.map((cluster) => (
            <tr key={cluster}>
              <th scope="row" translate={cluster ? 'no' : undefined}>
                {cluster || t('reviews.matrix.noCluster')}
              </th>
              {STATUSES.map((status) => (
                <td key={status} className="number">
                  {cell(cluster, status)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('reviews.matrix.total', { count: recommendations.length })}</th>
            {STATUSES.map((status) => (
              <td key={status} className="number">
                {format.number(total(status))}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
