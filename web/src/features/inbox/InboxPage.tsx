import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { useMarkAllRead, useMarkRead, useNotifications } from './inbox-hooks';

/** Reminders and notices, unread first; opening one marks it read and goes to its record. */
export function InboxPage() {
  const { t } = useTranslation();
  const format = useFormat();
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
                    <Link
                      to={n.url}
                      className="card-title"
                      translate="no"
                      onClick={() => !n.readAt && markRead.mutate(n.id)}
                    >
                      {n.title}
                    </Link>
                  ) : (
                    <span className="card-title" translate="no">
                      {n.title}
                    </span>
                  )}
                  {!n.readAt && <span className="badge badge-open">{t('inbox.new')}</span>}
                </div>
                {n.body && (
                  <p className="notification-body" translate="no">
                    {n.body}
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
