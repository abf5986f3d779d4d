import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { ActivityList } from '../../components/ActivityList';
import { useRecentActivity } from './activity-hooks';

export function RecentActivity() {
  const { t } = useTranslation();
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
        <ActivityList items={activity.data.items} />
      )}
    </section>
  );
}
