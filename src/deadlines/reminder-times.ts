import { DateTime, Duration, FixedOffsetZone, Info } from 'luxon';
import { canonicalZone } from '../common/validators.js';

export { canonicalZone };

export const PHNOM_PENH = 'Asia/Phnom_Penh';

export const DEADLINE_KINDS = ['external', 'internal'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Reminder offsets when a deadline does not name its own: more warning for the funder's dates. */
export const DEFAULT_OFFSETS: Record<DeadlineKind, string[]> = {
  external: ['P14D', 'P7D', 'P2D', 'P1D'],
  internal: ['P3D', 'P1D'],
};

/** An offset further back than this is a typo, not a reminder. */
const MAX_OFFSET_MS = 366 * 24 * 3600 * 1000;
/** At most this many reminders per deadline. */
export const MAX_OFFSETS = 10;

/**
 * A positive ISO 8601 duration such as `P14D`, `P1W`, `PT2H` or `P1DT12H`, at most
 * a year; null when it is not one. Months and years are refused: their length varies.
 */
export function parseOffset(text: unknown): Duration | null {
  if (typeof text !== 'string' || text.length > 40) return null;
  const upper = text.trim().toUpperCase();
  if (!/^P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/.test(upper)) return null;
  const duration = Duration.fromISO(upper);
  if (!duration.isValid) return null;
  const ms = duration.as('milliseconds');
  if (!(ms > 0) || ms > MAX_OFFSET_MS) return null;
  return duration;
}

export function isValidOffset(text: unknown): boolean {
  return parseOffset(text) !== null;
}

/** Upper-cased, without duplicates (by length), longest first: the order reminders fire in. */
export function normalizeOffsets(offsets: string[]): string[] {
  const seen = new Map<number, string>();
  for (const text of offsets) {
    const duration = parseOffset(text);
    if (!duration) throw new Error(`Not a valid reminder offset: ${text}`);
    const ms = offsetLengthMs(duration);
    if (!seen.has(ms)) seen.set(ms, text.trim().toUpperCase());
  }
  return [...seen.entries()].sort((a, b) => b[0] - a[0]).map(([, text]) => text);
}

/** Nominal length (a day = 24 h) for ordering and de-duplicating only. */
function offsetLengthMs(duration: Duration): number {
  return duration.as('milliseconds');
}

export interface DueInput {
  dueAt?: string;
  dueDate?: string;
  timeZone: string;
}

/**
 * The instant a deadline falls due. `dueAt` is an instant (an ISO string with an
 * offset or Z; a bare local time is read in `timeZone`); a date-only `dueDate`
 * means the end of that day in `timeZone` (23:59:59).
 */
export function resolveDueAt(input: DueInput): Date {
  const zone = canonicalZone(input.timeZone);
  if (!zone) throw new Error('timeZone must be an IANA time zone');
  input = { ...input, timeZone: zone };
  if (input.dueDate) {
    const day = DateTime.fromISO(input.dueDate, { zone: input.timeZone });
    if (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(input.dueDate))
      throw new Error('dueDate must be a date (YYYY-MM-DD)');
    return day.set({ hour: 23, minute: 59, second: 59, millisecond: 0 }).toJSDate();
  }
  if (!input.dueAt) throw new Error('dueAt or dueDate is required');
  const at = DateTime.fromISO(input.dueAt, { zone: input.timeZone });
  if (!at.isValid) throw new Error('dueAt must be an ISO 8601 date and time');
  return at.toJSDate();
}

/**
 * When the reminder `offset` before `dueAt` fires. Days and weeks are calendar days
 * in the deadline's own zone ("1 day before 17:00 Geneva" is 17:00 Geneva the day
 * before, even across a daylight-saving change); hours, minutes and seconds are exact.
 */
export function fireTime(dueAt: Date, offset: string, timeZone: string): Date {
  const duration = parseOffset(offset);
  if (!duration) throw new Error(`Not a valid reminder offset: ${offset}`);
  return DateTime.fromJSDate(dueAt, { zone: canonicalZone(timeZone) ?? timeZone })
    .minus(duration)
    .toJSDate();
}

export interface ZonedTime {
  /** `deadline`: the zone it was set in; `you`: the reader's; `phnomPenh`: the network's. */
  label: 'deadline' | 'you' | 'phnomPenh';
  zone: string;
  /** ISO 8601 with the zone's offset, e.g. 2026-03-01T17:00:00+01:00 */
  local: string;
  /** For people, e.g. "Sun 1 Mar 2026, 17:00 GMT+1" */
  text: string;
}

/**
 * Short offset names ("GMT+7", "CET") by zone and offset: Luxon builds an Intl.DateTimeFormat for every
 * `ZZZZ` it formats, and a zone's name for an offset does not change between the instants we show.
 */
const offsetNames = new Map<string, string>();
const OFFSET_NAMES_MAX = 5000;

/**
 * A zone's UTC offset on each UTC day, or null for a day on which it changes. Asking Luxon for an IANA
 * zone's offset costs an `Intl` call per instant; a list shows many instants on the same few days.
 */
const dayOffsets = new Map<string, number | null>();
const DAY_OFFSETS_MAX = 20_000;
const DAY_MS = 86_400_000;

/** `zone`'s UTC offset in minutes all through the UTC day of `at`, or null when it changes that day. */
function dayOffset(at: Date, zone: string): number | null {
  const day = Math.floor(at.getTime() / DAY_MS);
  const key = `${zone} ${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const start = DateTime.fromMillis(day * DAY_MS, { zone }).offset;
    const end = DateTime.fromMillis((day + 1) * DAY_MS - 1, { zone }).offset;
    offset = start === end ? start : null;
    if (dayOffsets.size >= DAY_OFFSETS_MAX) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return offset;
}

/** Whether `zone` is a named zone whose offset can change (so its days' offsets are worth looking up once). */
function isNamedZone(zone: string): boolean {
  const named = Info.normalizeZone(zone);
  return Boolean(named?.isValid && !named.isUniversal);
}

/** `at` in `zone`, as Luxon gives it, with the zone's offset looked up once per zone and day. */
export function inZone(at: Date, zone: string): DateTime {
  if (!isNamedZone(zone)) return DateTime.fromJSDate(at, { zone });
  const offset = dayOffset(at, zone);
  return DateTime.fromJSDate(at, { zone: offset === null ? zone : FixedOffsetZone.instance(offset) });
}

export function formatInZone(at: Date, zone: string): string {
  const name = canonicalZone(zone) ?? zone;
  return formatLocal(inZone(at, name), name);
}

function formatLocal(at: DateTime, zone: string): string {
  return `${at.setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm')} ${offsetName(zone, at.offset, at.toMillis())}`;
}

function offsetName(zone: string, offset: number, atMs: number): string {
  const key = `${zone} ${offset}`;
  let name = offsetNames.get(key);
  if (name === undefined) {
    name = DateTime.fromMillis(atMs, { zone, locale: 'en-GB' }).toFormat('ZZZZ');
    if (offsetNames.size < OFFSET_NAMES_MAX) offsetNames.set(key, name);
  }
  return name;
}

/** ISO 8601 with the offset, "+00:00" for a named zone at UTC (as Luxon prints it for the zone itself). */
function isoIn(local: DateTime, zone: string): string {
  const iso = local.toISO({ suppressMilliseconds: true }) ?? '';
  return iso.endsWith('Z') && !Info.normalizeZone(zone)?.isUniversal ? `${iso.slice(0, -1)}+00:00` : iso;
}

/** Luxon's en-GB names, read once: "Sun" for `ccc`, "Sept" for `LLL`. */
const WEEKDAY_NAMES = Array.from({ length: 7 }, (_, i) =>
  DateTime.utc(2023, 1, 1 + i)
    .setLocale('en-GB')
    .toFormat('ccc'),
);
const MONTH_NAMES = Array.from({ length: 12 }, (_, i) =>
  DateTime.utc(2023, i + 1, 1)
    .setLocale('en-GB')
    .toFormat('LLL'),
);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `isoIn` and `formatLocal` written out for a fixed offset, which is every instant but those on a day
 * the clocks change: a list of 50 deadlines shows 150 times, and Luxon spent about a fifth of the
 * deadline list's CPU on them (bench/api profile). reminder-times.spec.ts holds them to Luxon's output.
 */
function atFixedOffset(at: Date, offset: number, zone: string): { local: string; text: string } {
  const wall = new Date(at.getTime() + offset * 60_000);
  const [y, mo, d, h, mi] = [
    wall.getUTCFullYear(),
    wall.getUTCMonth(),
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
  ];
  const s = wall.getUTCSeconds();
  const msec = wall.getUTCMilliseconds();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const local =
    `${pad(y, 4)}-${pad(mo + 1)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${msec ? `.${pad(msec, 3)}` : ''}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  const text = `${WEEKDAY_NAMES[wall.getUTCDay()]} ${d} ${MONTH_NAMES[mo]} ${pad(y, 4)}, ${pad(h)}:${pad(mi)} ${offsetName(zone, offset, at.getTime())}`;
  return { local, text };
}

/** The deadline in its own zone, in the reader's zone and in Phnom Penh time. */
export function displayTimes(at: Date, deadlineZone: string, userZone: string): ZonedTime[] {
  const row = (label: ZonedTime['label'], given: string): ZonedTime => {
    const zone = canonicalZone(given) ?? given;
    const offset = isNamedZone(zone) ? dayOffset(at, zone) : null;
    if (offset !== null) {
      const fixed = atFixedOffset(at, offset, zone);
      return { label, zone, local: fixed.local, text: `${fixed.text} (${zone})` };
    }
    const local = inZone(at, zone);
    return { label, zone, local: isoIn(local, zone), text: `${formatLocal(local, zone)} (${zone})` };
  };
  return [row('deadline', deadlineZone), row('you', userZone), row('phnomPenh', PHNOM_PENH)];
}

/** One line for messages: "Sun 1 Mar 2026, 17:00 GMT+1 (Europe/Geneva) · … · …", without repeats. */
export function displayLine(at: Date, deadlineZone: string, userZone: string): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const row of displayTimes(at, deadlineZone, userZone)) {
    if (seen.has(row.zone)) continue;
    seen.add(row.zone);
    parts.push(row.text);
  }
  return parts.join(' · ');
}
