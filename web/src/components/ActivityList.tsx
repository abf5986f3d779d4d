import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { useMe } from '../features/auth/session-hooks';
import { type ActivityRow, activitySentenceParts } from './activity-sentence';

/** Activity entries, newest first: what happened, in the reader's language and zone, and how long ago. */
export function ActivityList({ items }: { items: (ActivityRow & { id: string; createdAt: string })[] }) {
  const { i18n } = useTranslation();
  const format = useFormat();
  const zone = useMe().data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <ul className="activity-list">
      {items.map((entry) => (
        <li key={entry.id}>
          <span>
            {activitySentenceParts(entry, i18n, format, zone).map((part, i) =>
              part.data ? (
                <span key={i} translate="no">
                  {part.text}
                </span>
              ) : (
                part.text
              ),
            )}
          </span>{' '}
          <time className="muted" dateTime={entry.createdAt}>
            {format.relative(entry.createdAt)}
          </time>
        </li>
      ))}
    </ul>
  );
}
