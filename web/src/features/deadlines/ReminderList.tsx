import { useTranslation } from 'react-i18next';
import { ZonedTime } from '../../components/ZonedTime';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useReminders } from './deadline-hooks';

/** When each reminder fires (in the reader's zone) and whether it went out. */
export function ReminderList({ deadlineId, readerZone }: { deadlineId: string; readerZone: string }) {
  const { t } = useTranslation();
  const reminders = useReminders(deadlineId);
  return (
    <section className="panel" aria-labelledby="reminders">
      <h2 id="reminders">{t('deadlines.reminders')}</h2>
      {reminders.isPending ? (
        <LoadingState />
      ) : reminders.error ? (
        <ErrorState error={reminders.error} retry={() => void reminders.refetch()} />
      ) : reminders.data.items.length === 0 ? (
        <EmptyState>{t('deadlines.noReminders')}</EmptyState>
      ) : (
        <ul className="plain-list">
          {reminders.data.items.map((r) => (
            <li key={r.id}>
              <ZonedTime iso={r.fireAt} zone={readerZone} />{' '}
              <span className="muted">
                {r.kind === 'overdue' ? t('deadlines.overdueReminder') : t('deadlines.beforeReminder')}
              </span>{' '}
              <span className={`badge badge-${r.status}`}>{t(`deadlines.reminderStatus.${r.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
