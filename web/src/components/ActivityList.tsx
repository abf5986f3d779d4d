import { useFormat } from '../i18n/format';

/** Activity entries, newest first: the server's summary (as written) and how long ago. */
export function ActivityList({ items }: { items: { id: string; summary: string; createdAt: string }[] }) {
  const format = useFormat();
  return (
    <ul className="activity-list">
      {items.map((entry) => (
        <li key={entry.id}>
          <span translate="no">{entry.summary}</span>{' '}
          <time className="muted" dateTime={entry.createdAt}>
            {format.relative(entry.createdAt)}
          </time>
        </li>
      ))}
    </ul>
  );
}
