import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { ActivityList } from '../../components/ActivityList';
import { ShowMoreButton, useFirstFew } from '../../components/ShowMore';
import { useRecentActivity } from './activity-hooks';

/** The latest changes across the network; with `initialCount`, only that many until "Show more". */
export function RecentActivity({ initialCount }: { initialCount?: number }) {
  const { t } = useTranslation();
  const activity = useRecentActivity(10, true);
  const few = useFirstFew(activity.data?.items ?? [], initialCount);
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
        <div ref={few.listRef}>
          <ActivityList items={few.visible} />
          <ShowMoreButton hidden={few.hidden} onClick={few.showAll} />
        </div>
      )}
    </section>
  );
}
