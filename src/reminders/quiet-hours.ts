import { DateTime } from 'luxon';

export interface QuietWindow {
  start: string; // HH:mm
  end: string; // HH:mm
}

function at(day: DateTime, hhmm: string): DateTime {
  const [hour, minute] = hhmm.split(':').map(Number);
  // A wall time skipped by a daylight-saving change moves forward, as clocks do.
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

/**
 * When an e-mail or Telegram message due at `when` may go out for someone with
 * these quiet hours in `zone`: `when` itself outside the window, else the end of
 * the window (the next morning when the window spans midnight).
 */
export function deferForQuietHours(when: Date, quiet: QuietWindow | null | undefined, zone: string): Date {
  if (!quiet || quiet.start === quiet.end) return when;
  const local = DateTime.fromJSDate(when, { zone });
  const todayStart = at(local, quiet.start);
  const todayEnd = at(local, quiet.end);
  if (quiet.start < quiet.end) {
    // e.g. 12:00–14:00 within one day
    return local >= todayStart && local < todayEnd ? todayEnd.toJSDate() : when;
  }
  // e.g. 21:00–07:00 across midnight
  if (local >= todayStart) return at(local.plus({ days: 1 }), quiet.end).toJSDate();
  if (local < todayEnd) return todayEnd.toJSDate();
  return when;
}

export function isQuiet(when: Date, quiet: QuietWindow | null | undefined, zone: string): boolean {
  return deferForQuietHours(when, quiet, zone).getTime() !== when.getTime();
}
