import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { useMe } from '../auth/session-hooks';
import { type Notification, useMarkAllRead, useMarkRead, useNotifications } from './inbox-hooks';
import { type NoticePart, noticeText } from './notice-text';

/** Reminders and notices, unread first; opening one marks it read and goes to its record. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const zone = useMe().data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const text = (n: Notification) => noticeText(n, i18n, format, zone);
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  return (
    <>
      <PageTitle>{t('inbox.title')}</PageTitle>
      {notifications.isPending ? (
        <LoadingState />
      ) : notifications.error ? (
        <ErrorState error={notifications.error} retry={() => void notifications.refetch()} />
      ) : notifications.data.items.length === 0 ? (
        <EmptyState>{t('inbox.empty')}</EmptyState>
      ) : (
        <>
          <p className="toolbar">
            <span role="status">{t('inbox.unread', { count: notifications.data.unread })}</span>
            {notifications.data.unread > 0 && (
              <button
                type="button"
                className="button-secondary"
                onClick={() => markAllRead.mutate()}
                disabled={markAllRead.isPending}
              >
                {t('inbox.markAllRead')}
              </button>
            )}
          </p>
          <FormError error={markRead.error ?? markAllRead.error} />
          <ul className="card-list">
            {notifications.data.items.map((n) => (
              <li key={n.id} className={n.readAt ? 'card notification' : 'card notification unread'}>
                <div className="card-head">
                  {n.url ? (
                    <Link to={n.url} className="card-title" onClick={() => !n.readAt && markRead.mutate(n.id)}>
                      <NoticeParts parts={text(n).title} />
                    </Link>
                  ) : (
                    <span className="card-title">
                      <NoticeParts parts={text(n).title} />
                    </span>
                  )}
                  {!n.readAt && <span className="badge badge-open">{t('inbox.new')}</span>}
                </div>
                {text(n).body.length > 0 && (
                  <p className="notification-body">
                    {text(n).body.map((line, i) => (
                      <Fragment key={i}>
                        {i > 0 && <br />}
                        <NoticeParts parts={line} />
                      </Fragment>
                    ))}
                  </p>
                )}
                <p className="card-meta">
                  <time dateTime={n.createdAt}>{format.relative(n.createdAt)}</time>
                  {!n.readAt && (
                    <>
                      {' · '}
                      <button type="button" className="button-link" onClick={() => markRead.mutate(n.id)}>
                        {t('inbox.markRead')}
                      </button>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** A notice's sentence, with titles and names marked as data (shown as written, never machine-translated). */
function NoticeParts({ parts }: { parts: NoticePart[] }) {
  return parts.map((part, i) =>
    part.data ? (
      <span key={i} translate="no">
        {part.text}
      </span>
    ) : (
      <Fragment key={i}>{part.text}</Fragment>
    ),
  );
}
