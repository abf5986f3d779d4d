import { DateTime } from 'luxon';

export type DigestFrequency = 'daily' | 'weekly';

export const DIGEST_HOUR = 8;
export const DIGEST_HORIZON_DAYS = 14;
/** A digest whose morning passed longer ago than this is not sent late. */
export const DIGEST_LATE_LIMIT_MS = 12 * 3600 * 1000;

export interface DigestSlot {
  /** Unique per user and period, e.g. `daily:2026-05-11` or `weekly:2026-05-11` (the Monday). */
  key: string;
  /** 08:00 in the user's zone on the day (or the Monday) of the slot. */
  at: Date;
}

/** The latest digest morning at or before `now` in `zone`: 08:00 today (or yesterday), or 08:00 Monday. */
export function digestSlot(now: Date, zone: string, frequency: DigestFrequency): DigestSlot {
  const local = DateTime.fromJSDate(now, { zone });
  let day = local.startOf('day');
  if (frequency === 'weekly') day = day.minus({ days: day.weekday - 1 });
  let at = day.set({ hour: DIGEST_HOUR });
  if (at > local) {
    day = day.minus(frequency === 'weekly' ? { weeks: 1 } : { days: 1 });
    at = day.set({ hour: DIGEST_HOUR });
  }
  return { key: `${frequency}:${day.toISODate()}`, at: at.toJSDate() };
}

/** Whether the slot's digest should go out now: its morning has come and is not long past. */
export function digestDue(now: Date, slot: DigestSlot): boolean {
  const age = now.getTime() - slot.at.getTime();
  return age >= 0 && age < DIGEST_LATE_LIMIT_MS;
}

/** What a digest lists: deadlines due from `now` to 14 days after, plus those already overdue. */
export function digestWindow(now: Date): { from: Date; to: Date } {
  return { from: now, to: new Date(now.getTime() + DIGEST_HORIZON_DAYS * 24 * 3600 * 1000) };
}

export interface DigestItem {
  dueAt: Date;
  status: string;
}

/** Splits deadlines into overdue (open or missed, past due) and upcoming (open, within 14 days), soonest first. */
export function digestSections<T extends DigestItem>(items: T[], now: Date): { overdue: T[]; upcoming: T[] } {
  const { to } = digestWindow(now);
  const sorted = [...items].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  return {
    overdue: sorted.filter((d) => (d.status === 'open' || d.status === 'missed') && d.dueAt < now),
    upcoming: sorted.filter((d) => d.status === 'open' && d.dueAt >= now && d.dueAt <= to),
  };
}
