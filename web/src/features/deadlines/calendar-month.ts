import { intlKnowsKhmer, KHMER_MONTHS, KHMER_WEEKDAYS } from '../../../../shared/khmer-dates';
import { isoToZoned } from '../opportunities/zoned-time';
import type { Deadline } from './deadline-hooks';

/** `YYYY-MM-DD` dates are handled as UTC midnights, so no reader's zone shifts a day. */
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

export const isMonth = (value: string | null): value is string => !!value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

export const monthOfDay = (day: string) => day.slice(0, 7);

/** Today's `YYYY-MM-DD` on the reader's clock. */
export const todayIn = (zone: string) => isoToZoned(new Date().toISOString(), zone).slice(0, 10);

export function addDays(day: string, days: number): string {
  return toDay(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS);
}

export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number);
  return toDay(Date.UTC(y, m - 1 + months, 1)).slice(0, 7);
}

/** The weeks (Monday first) that show `month`, each seven `YYYY-MM-DD` days, with the neighbours' days around it. */
export function monthWeeks(month: string): string[][] {
  const first = Date.parse(`${month}-01T00:00:00Z`);
  const lead = (new Date(first).getUTCDay() + 6) % 7;
  const start = first - lead * DAY_MS;
  const weeks: string[][] = [];
  for (let week = 0; week === 0 || monthOfDay(toDay(start + week * 7 * DAY_MS)) === month; week++)
    weeks.push(Array.from({ length: 7 }, (_, i) => toDay(start + (week * 7 + i) * DAY_MS)));
  return weeks;
}

/** The day a deadline falls on: its own date when it is a whole day, else its date on the reader's clock. */
export const deadlineDay = (d: Deadline, readerZone: string) =>
  d.dueDate ?? isoToZoned(d.dueAt, readerZone).slice(0, 10);

export function byDay(deadlines: Deadline[], readerZone: string): Map<string, Deadline[]> {
  const days = new Map<string, Deadline[]>();
  for (const d of [...deadlines].sort((a, b) => a.dueAt.localeCompare(b.dueAt))) {
    const day = deadlineDay(d, readerZone);
    days.set(day, [...(days.get(day) ?? []), d]);
  }
  return days;
}

export const isOverdue = (d: Deadline, now = Date.now()) =>
  d.status === 'missed' || (d.status === 'open' && Date.parse(d.dueAt) < now);

/** Month, weekday and day names through Intl in `locale`, by hand in Khmer where Intl has no Khmer data. */
export function calendarNames(locale: string) {
  const byHand = locale === 'km' && !intlKnowsKhmer();
  const format = (options: Intl.DateTimeFormatOptions) => {
    const intl = new Intl.DateTimeFormat(byHand ? 'en-US' : locale, { timeZone: 'UTC', ...options });
    return (day: string) => intl.format(new Date(`${day}T00:00:00Z`));
  };
  const monthYear = format({ month: 'long', year: 'numeric' });
  const weekdayShort = format({ weekday: 'short' });
  const weekdayLong = format({ weekday: 'long' });
  const longDate = format({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const dayNumber = format({ day: 'numeric' });
  const khmerMonth = (day: string) => KHMER_MONTHS[Number(day.slice(5, 7)) - 1];
  const khmerWeekday = (day: string) => KHMER_WEEKDAYS[weekdayShort(day)];
  return {
    month: (month: string) => (byHand ? `${khmerMonth(`${month}-01`)} ${month.slice(0, 4)}` : monthYear(`${month}-01`)),
    weekdayShort: byHand ? khmerWeekday : weekdayShort,
    weekdayLong: byHand ? khmerWeekday : weekdayLong,
    day: (day: string) =>
      byHand ? `${khmerWeekday(day)} ${dayNumber(day)} ${khmerMonth(day)} ${day.slice(0, 4)}` : longDate(day),
    dayNumber,
  };
}
