import type { UseQueryResult } from '@tanstack/react-query';
import type { components } from '../api/schema';
import { ActivityList } from './ActivityList';
import { ShowMoreButton, useFirstFew } from './ShowMore';
import { EmptyState, ErrorState, LoadingState } from './states';

/**
 * A titled panel of activity, newest first, with its loading, empty and error states: the first
 * `initialCount` (5) entries, then "Show more (N)".
 */
export function ActivityPanel(props: {
  id: string;
  title: string;
  empty: string;
  activity: UseQueryResult<components['schemas']['ActivityPage']>;
  initialCount?: number;
}) {
  const { activity } = props;
  const few = useFirstFew(activity.data?.items ?? [], props.initialCount ?? 5);
  return (
    <section aria-labelledby={props.id} className="panel">
      <h2 id={props.id}>{props.title}</h2>
      {activity.isPending ? (
        <LoadingState />
      ) : activity.error ? (
        <ErrorState error={activity.error} retry={() => void activity.refetch()} />
      ) : activity.data.items.length === 0 ? (
        <EmptyState>{props.empty}</EmptyState>
      ) : (
        <div ref={few.listRef}>
          <ActivityList items={few.visible} />
          <ShowMoreButton hidden={few.hidden} onClick={few.showAll} />
        </div>
      )}
    </section>
  );
}
