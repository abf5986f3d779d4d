import { intlKnowsKhmer } from '../../../shared/khmer-dates';

/**
 * The zones the network's people use, offered first: Phnom Penh, Bangkok, Geneva, Paris, New York, UTC. Geneva
 * keeps Zurich's zone: IANA has no `Europe/Geneva` (the server stores that alias as `Europe/Zurich`).
 */
export const COMMON_ZONES = [
  'Asia/Phnom_Penh',
  'Asia/Bangkok',
  'Europe/Zurich',
  'Europe/Paris',
  'America/New_York',
  'UTC',
] as const;

const ALL_ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Every IANA zone the browser knows, the common ones first (each once), then the rest in order. */
export function orderedZones(): string[] {
  const common: string[] = [...COMMON_ZONES];
  return [...common, ...ALL_ZONES.filter((zone) => !common.includes(zone))];
}

/** Names people type that IANA files under another zone. */
const ALIASES: Record<string, string> = { 'Europe/Geneva': 'Europe/Zurich' };

/** The IANA zone `typed` names (an alias resolved), or null when the browser knows no such zone. */
export function knownZone(typed: string): string | null {
  const zone = ALIASES[typed] ?? typed;
  return (COMMON_ZONES as readonly string[]).includes(zone) || ALL_ZONES.includes(zone) ? zone : null;
}

/**
 * The zone's name in the reader's language ("Indochina Time", "heure : Indochine"), or null where the
 * browser has no such name in that language (Khmer in many builds): then the id alone is shown.
 */
export function zoneName(zone: string, locale: string, at = new Date()): string | null {
  if (locale === 'km' && !intlKnowsKhmer()) return null;
  try {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
    return name && !/^GMT|^UTC[+-]/.test(name) ? name : null;
  } catch {
    return null;
  }
}
