import { useTranslation } from 'react-i18next';
import { ActivityPanel } from '../../components/ActivityPanel';
import { useRecentActivity } from './activity-hooks';

/** The latest changes across the network; with `initialCount`, only that many until "Show more". */
export function RecentActivity({ initialCount }: { initialCount?: number }) {
  const { t } = useTranslation();
  return (
    <ActivityPanel
      id="recent-activity"
      title={t('dashboard.recentActivity')}
      empty={t('dashboard.noActivity')}
      activity={useRecentActivity(10, true)}
      initialCount={initialCount}
    />
  );
}
