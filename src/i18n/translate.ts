import { DateTime, Duration } from 'luxon';
import { displayTimes, formatInZone } from '../deadlines/reminder-times.js';
import { canonicalZone } from '../common/validators.js';
import { khmerDateTime, khmerOffset } from '../../shared/khmer-dates.js';
import { en } from './en.catalogue.js';
import { km } from './km.catalogue.js';

export const LANGUAGES = ['en', 'km'] as const;
export type Language = (typeof LANGUAGES)[number];
export type MessageKey = keyof typeof en;

export const catalogues: Record<Language, Record<string, string>> = { en, km };

/** A profile's language, or English for anything the catalogues do not hold. */
export function languageOf(value: string | null | undefined): Language {
  return value === 'km' ? 'km' : 'en';
}

/** The server's own text in the reader's language; `{{name}}` is replaced by params.name. */
export function t(language: string | null | undefined, key: MessageKey, params: Record<string, string> = {}): string {
  const template = catalogues[languageOf(language)][key] ?? en[key];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
}

/** A catalogue entry chosen at run time (e.g. `subject.<type>`), or the fallback when there is none. */
export function tOr(language: string | null | undefined, key: string, fallback: string): string {
  return key in en ? t(language, key as MessageKey) : fallback;
}

/** "Sun 1 Mar 2026, 17:00 GMT+1" in English, "អាទិត្យ 1 មីនា 2026, 17:00 ម៉ោងសកល +1" in Khmer. */
export function dateTimeIn(language: string | null | undefined, at: Date, zone: string): string {
  if (languageOf(language) === 'en') return formatInZone(at, zone);
  const dt = DateTime.fromJSDate(at, { zone: canonicalZone(zone) ?? zone });
  return `${khmerDateTime(at, dt.zoneName ?? zone)} ${khmerOffset(`GMT${dt.toFormat('Z')}`)}`;
}

/** "in 2 days" / "2 ថ្ងៃទៀត". */
export function relativeIn(language: string | null | undefined, at: Date, now: Date): string {
  return DateTime.fromJSDate(at).toRelative({ base: DateTime.fromJSDate(now), locale: languageOf(language) }) ?? '';
}

/** The deadline in its own zone, the reader's and Phnom Penh's, each "<date time> (<zone>)" in the language. */
export function timesIn(language: string | null | undefined, at: Date, deadlineZone: string, readerZone: string) {
  return displayTimes(at, deadlineZone, readerZone).map((row) => ({
    ...row,
    text: `${dateTimeIn(language, at, row.zone)} (${row.zone})`,
  }));
}

/** A reminder offset: `P2D` as is in English (as people typed it), "2 ថ្ងៃ" in Khmer. */
export function offsetIn(language: string | null | undefined, iso: string): string {
  if (languageOf(language) === 'en') return iso;
  const duration = Duration.fromISO(iso.toUpperCase());
  return duration.isValid ? duration.reconfigure({ locale: 'km' }).toHuman({ unitDisplay: 'long' }) : iso;
}
