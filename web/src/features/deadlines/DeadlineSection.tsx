import { Link } from 'react-router';
import { ShowMoreButton, useFirstFew } from '../../components/ShowMore';
import { ErrorState, EmptyState, LoadingState } from '../../components/states';
import { type DeadlineFilter, useDeadlines } from './deadline-hooks';
import { DeadlineList } from './DeadlineList';

/**
 * A titled list of deadlines matching a filter, with its loading, empty and error states; the first
 * `initialCount` (3) at first and a "Show more (N)" button for the rest, so a phone's page stays short.
 * With `addLabel`, a record's own list is followed by a link to add a deadline to that record.
 */
export function DeadlineSection(props: {
  id: string;
  title: string;
  empty: string;
  filter: DeadlineFilter;
  readerZone: string;
  initialCount?: number;
  addLabel?: string;
}) {
  const { subjectType, subjectId } = props.filter;
  const deadlines = useDeadlines(props.filter);
  const few = useFirstFew(deadlines.data?.items ?? [], props.initialCount ?? 3);
  return (
    <>
      <section aria-labelledby={props.id} className="panel">
        <h2 id={props.id}>
          {props.title}
          {deadlines.data && <span className="count">{deadlines.data.items.length}</span>}
        </h2>
        {deadlines.isPending ? (
          <LoadingState />
        ) : deadlines.error ? (
          <ErrorState error={deadlines.error} retry={() => void deadlines.refetch()} />
        ) : deadlines.data.items.length === 0 ? (
          <EmptyState>{props.empty}</EmptyState>
        ) : (
          <div ref={few.listRef}>
            <DeadlineList deadlines={few.visible} readerZone={props.readerZone} recordId={props.filter.subjectId} />
            <ShowMoreButton hidden={few.hidden} onClick={few.showAll} />
          </div>
        )}
      </section>
      {props.addLabel && subjectType && subjectId && (
        <p className="section-link">
          <Link to={`/deadlines/new?subjectType=${subjectType}&subjectId=${subjectId}`}>{props.addLabel}</Link>
        </p>
      )}
    </>
  );
}
