import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { useMe } from '../auth/session-hooks';
import { isMonth, monthOfDay, todayIn } from './calendar-month';
import { DeadlineSection } from './DeadlineSection';
import { MonthCalendar } from './MonthCalendar';

/**
 * Every open deadline from today on and the missed ones (the digest e-mail links here), or with
 * `?view=month&month=YYYY-MM` the month calendar.
 */
export function DeadlinesPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const [params, setParams] = useSearchParams();
  const [from] = useState(() => new Date().toISOString());
  const monthView = params.get('view') === 'month';
  const requested = params.get('month');
  const month = isMonth(requested) ? requested : monthOfDay(todayIn(me.timeZone));
  return (
    <>
      <PageTitle>{t('deadlines.title')}</PageTitle>
      {me.role !== 'viewer' && (
        <p>
          <Link className="button" to="/deadlines/new">
            {t('deadline-form.newTitle')}
          </Link>
        </p>
      )}
      <nav className="view-switch" aria-label={t('deadline-form.views')}>
        <Link to="/deadlines" aria-current={monthView ? undefined : 'page'}>
          {t('deadline-form.listView')}
        </Link>
        <Link to={`/deadlines?view=month&month=${month}`} aria-current={monthView ? 'page' : undefined}>
          {t('deadline-form.monthView')}
        </Link>
      </nav>
      {monthView ? (
        <MonthCalendar
          month={month}
          setMonth={(next) => setParams({ view: 'month', month: next })}
          readerZone={me.timeZone}
        />
      ) : (
        <>
          <DeadlineSection
            id="missed"
            title={t('dashboard.overdue')}
            empty={t('dashboard.nothingOverdue')}
            filter={{ status: 'missed' }}
            readerZone={me.timeZone}
          />
          <DeadlineSection
            id="upcoming"
            title={t('deadlines.upcoming')}
            empty={t('deadlines.nothingUpcoming')}
            filter={{ status: 'open', from }}
            readerZone={me.timeZone}
            initialCount={6}
          />
        </>
      )}
    </>
  );
}
