import { type KeyboardEvent, useEffect, useRef } from 'react';
import { addDays, addMonths, byDay, calendarNames, monthOfDay, monthWeeks } from './calendar-month';
import { CalendarDeadlineLink } from './CalendarDeadlineLink';

const MOVES: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/**
 * The month as a grid of days (Monday first). One day holds the focus (roving tabindex); the arrow keys move
 * it by a day or a week, Home/End to the week's ends, Page Up/Down by a month, crossing into the next month.
 */
export function MonthGrid(props: {
  month: string;
  days: ReturnType<typeof byDay>;
  names: ReturnType<typeof calendarNames>;
  today: string;
  focused: string;
  focus: (day: string) => void;
  label: string;
}) {
  const { month, days, names, today, focused, focus } = props;
  const grid = useRef<HTMLTableElement>(null);
  const moved = useRef(false);
  const weeks = monthWeeks(month);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-day="${focused}"]`)?.focus();
  }, [focused, month]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, day: string) => {
    if (event.target !== event.currentTarget) return;
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    let next: string | undefined;
    if (event.key in MOVES) next = addDays(day, MOVES[event.key]);
    else if (event.key === 'Home') next = addDays(day, -weekday);
    else if (event.key === 'End') next = addDays(day, 6 - weekday);
    else if (event.key === 'PageUp' || event.key === 'PageDown') {
      const target = addMonths(monthOfDay(day), event.key === 'PageUp' ? -1 : 1);
      next = `${target}-${day.slice(8)}`;
      while (monthOfDay(next) !== target) next = addDays(next, -1);
    }
    if (!next) return;
    event.preventDefault();
    moved.current = true;
    focus(next);
  };

  return (
    <table ref={grid} role="grid" className="month-grid" aria-label={props.label}>
      <thead>
        <tr>
          {weeks[0].map((day) => (
            <th key={day} scope="col" abbr={names.weekdayLong(day)}>
              {names.weekdayShort(day)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((day) => {
              const deadlines = days.get(day) ?? [];
              const outside = monthOfDay(day) !== month;
              return (
                <td
                  key={day}
                  role="gridcell"
                  data-day={day}
                  tabIndex={day === focused ? 0 : -1}
                  aria-current={day === today ? 'date' : undefined}
                  aria-selected={day === focused}
                  className={`month-day${outside ? ' month-day-outside' : ''}${day === today ? ' month-day-today' : ''}`}
                  onKeyDown={(event) => onKeyDown(event, day)}
                  onFocus={(event) => event.target === event.currentTarget && day !== focused && focus(day)}
                >
                  <span className="month-day-number" aria-hidden="true">
                    {names.dayNumber(day)}
                  </span>
                  <span className="visually-hidden">{names.day(day)}</span>
                  {deadlines.length > 0 && (
                    <ul className="month-day-deadlines">
                      {deadlines.map((d) => (
                        <li key={d.id}>
                          <CalendarDeadlineLink deadline={d} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
