import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { addDays, addMonths, byDay, calendarNames, monthOfDay, monthWeeks, todayIn } from './calendar-month';
import { CalendarDeadlineLink } from './CalendarDeadlineLink';
import { useAllDeadlines } from './deadline-hooks';
import { MonthGrid } from './MonthGrid';
import './calendar.css';
import { useNarrow } from './use-narrow';

/** The deadlines of one month: a grid of days, or under 600 px an agenda of the days that have deadlines. */
export function MonthCalendar(props: { month: string; setMonth: (month: string) => void; readerZone: string }) {
  const { month, setMonth, readerZone } = props;
  const { t, i18n } = useTranslation();
  const names = calendarNames(i18n.language);
  const narrow = useNarrow();
  const today = todayIn(readerZone);
  const [focusedDay, setFocusedDay] = useState(() => (monthOfDay(today) === month ? today : `${month}-01`));
  const focused = monthOfDay(focusedDay) === month ? focusedDay : `${month}-01`;
  const weeks = monthWeeks(month);
  // A day's margin either side covers every reader's zone; the days are then placed on the reader's clock.
  const deadlines = useAllDeadlines({
    from: addDays(weeks[0][0], -1),
    to: addDays(weeks[weeks.length - 1][6], 1),
  });
  const go = (target: string) => {
    setFocusedDay(target === monthOfDay(today) ? today : `${target}-01`);
    setMonth(target);
  };
  const focus = (day: string) => {
    setFocusedDay(day);
    if (monthOfDay(day) !== month) setMonth(monthOfDay(day));
  };
  const days = byDay(deadlines.data?.items ?? [], readerZone);
  const agendaDays = [...days.keys()].filter((day) => monthOfDay(day) === month);

  return (
    <section className="panel calendar" aria-labelledby="calendar-month">
      <div className="toolbar calendar-toolbar">
        <h2 id="calendar-month" aria-live="polite">
          {names.month(month)}
        </h2>
        <div className="calendar-nav">
          <button type="button" className="button-secondary" onClick={() => go(addMonths(month, -1))}>
            <span aria-hidden="true">‹</span>
            {t('deadline-form.previousMonth')}
          </button>
          <button type="button" className="button-secondary" onClick={() => go(monthOfDay(today))}>
            {t('deadline-form.today')}
          </button>
          <button type="button" className="button-secondary" onClick={() => go(addMonths(month, 1))}>
            {t('deadline-form.nextMonth')}
            <span aria-hidden="true">›</span>
          </button>
        </div>
      </div>
      {deadlines.isPending ? (
        <LoadingState />
      ) : deadlines.error ? (
        <ErrorState error={deadlines.error} retry={() => void deadlines.refetch()} />
      ) : narrow ? (
        agendaDays.length === 0 ? (
          <EmptyState>{t('deadline-form.nothingThisMonth')}</EmptyState>
        ) : (
          <ol className="agenda">
            {agendaDays.map((day) => (
              <li key={day} className={day === today ? 'agenda-today' : undefined}>
                <h3>
                  <time dateTime={day}>{names.day(day)}</time>
                </h3>
                <ul className="plain-list">
                  {days.get(day)!.map((d) => (
                    <li key={d.id}>
                      <CalendarDeadlineLink deadline={d} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )
      ) : (
        <>
          <p className="hint" id="calendar-keys">
            {t('deadline-form.gridKeys')}
          </p>
          <MonthGrid
            month={month}
            days={days}
            names={names}
            today={today}
            focused={focused}
            focus={focus}
            label={names.month(month)}
          />
          {agendaDays.length === 0 && <EmptyState>{t('deadline-form.nothingThisMonth')}</EmptyState>}
        </>
      )}
    </section>
  );
}
