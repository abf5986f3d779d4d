import { ErrorState, EmptyState, LoadingState } from '../../components/states';
import { type DeadlineFilter, useDeadlines } from './deadline-hooks';
import { DeadlineList } from './DeadlineList';

/** A titled list of deadlines matching a filter, with its loading, empty and error states. */
export function DeadlineSection(props: {
  id: string;
  title: string;
  empty: string;
  filter: DeadlineFilter;
  readerZone: string;
}) {
  const deadlines = useDeadlines(props.filter);
  return (
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
        <DeadlineList deadlines={deadlines.data.items} readerZone={props.readerZone} />
      )}
    </section>
  );
}
