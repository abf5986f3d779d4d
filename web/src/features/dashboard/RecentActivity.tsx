import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { useRecentActivity } from './activity-hooks';

export function RecentActivity() {
  const { t } = useTranslation();
  const format = useFormat();
  const activity = useRecentActivity(10, true);
  return (
    <section aria-labelledby="recent-activity" className="panel">
      <h2 id="recent-activity">{t('dashboard.recentActivity')}</h2>
      {activity.isPending ? (
        <LoadingState />
      ) : activity.error ? (
        <ErrorState error={activity.error} retry={() => void activity.refetch()} />
      ) : activity.data.items.length === 0 ? (
        <EmptyState>{t('dashboard.noActivity')}</EmptyState>
      ) : (
        <ul className="activity-list">
          {activity.data.items.map((entry) => (
            <li key={entry.id}>
              <span translate="no">{entry.summary}</span>{' '}
              <time className="muted" dateTime={entry.createdAt}>
                {format.relative(entry.createdAt)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
