import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isOverdue } from './calendar-month';
import type { Deadline } from './deadline-hooks';

/** A deadline on the calendar: its title as a link, marked when overdue or done (in words, not colour alone). */
export function CalendarDeadlineLink({ deadline: d }: { deadline: Deadline }) {
  const { t } = useTranslation();
  const state = d.status === 'done' ? 'done' : isOverdue(d) ? 'overdue' : d.status === 'cancelled' ? 'cancelled' : '';
  return (
    <Link to={`/deadlines/${d.id}`} className={`calendar-deadline ${state && `calendar-${state}`}`}>
      <span translate="no">{d.title}</span>
      {state && <span className="visually-hidden"> ({t(`deadline-form.state.${state}`)})</span>}
    </Link>
  );
}
