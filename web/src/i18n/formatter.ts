import { intlKnowsKhmer, khmerDate, khmerDateTime, khmerOffset, khmerRelative } from '../../../shared/khmer-dates.js';

export type Formatter = ReturnType<typeof formatter>;

/** The city part of an IANA zone, e.g. `Europe/Zurich` → `Zurich`. */
export const zoneCity = (zone: string) => zone.slice(zone.lastIndexOf('/') + 1).replaceAll('_', ' ');

/** Khmer names of the cities whose zones the network's deadlines use; others keep the zone's own (Latin) name. */
const KHMER_CITIES: Record<string, string> = {
  'Asia/Phnom_Penh': 'ភ្នំពេញ',
  'Asia/Bangkok': 'បាងកក',
  'Asia/Ho_Chi_Minh': 'ហូជីមិញ',
  'Asia/Vientiane': 'វៀងចន្ទន៍',
  'Asia/Singapore': 'សិង្ហបុរី',
  'Asia/Tokyo': 'តូក្យូ',
  'Europe/Zurich': 'ហ្ស៊ូរិក',
  'Europe/Paris': 'ប៉ារីស',
  'Europe/Brussels': 'ព្រុចសែល',
  'Europe/London': 'ឡុងដ៍',
  'Europe/Berlin': 'ប៊ែរឡាំង',
  'America/New_York': 'ញូវយ៉ក',
};

/** Dates, times, numbers and amounts through Intl, in `locale` (outside React: an activity sentence, a test). */
export function formatter(locale: string) {
  const khmerByHand = locale === 'km' && !intlKnowsKhmer();
  return {
    locale,
    /** The city a zone is named after, in this language where we know its name. */
    city: (zone: string) => (locale === 'km' ? KHMER_CITIES[zone] : undefined) ?? zoneCity(zone),
    dateTime: (iso: string, timeZone: string) =>
      khmerByHand
        ? khmerDateTime(new Date(iso), timeZone)
        : new Intl.DateTimeFormat(locale, {
            timeZone,
            weekday: 'short',
            day: 'numeric',
            month: 'short',
            year: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          }).format(new Date(iso)),
    date: (iso: string, timeZone?: string) =>
      khmerByHand
        ? khmerDate(new Date(iso), timeZone)
        : new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(
            new Date(iso),
          ),
    offset: (iso: string, timeZone: string) => {
      const offset =
        new Intl.DateTimeFormat(khmerByHand ? 'en' : locale, { timeZone, timeZoneName: 'shortOffset' })
          .formatToParts(new Date(iso))
          .find((part) => part.type === 'timeZoneName')?.value ?? '';
      return khmerByHand ? khmerOffset(offset) : offset;
    },
    /** "in 3 days", "2 hours ago"; never "this hour", which some browsers' data lacks in Khmer. */
    relative: (iso: string, now = Date.now()) => {
      const ms = new Date(iso).getTime() - now;
      const [value, unit] = relativeUnit(ms);
      if (khmerByHand) return khmerRelative(value, unit);
      return new Intl.RelativeTimeFormat(locale, { numeric: unit === 'day' ? 'auto' : 'always' }).format(value, unit);
    },
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
    money: (amount: string | number, currency: string) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(Number(amount)),
  };
}

function relativeUnit(ms: number): [number, 'day' | 'hour' | 'minute'] {
  const days = Math.round(ms / 86_400_000);
  if (days !== 0) return [days, 'day'];
  const hours = Math.round(ms / 3_600_000);
  if (hours !== 0) return [hours, 'hour'];
  const minutes = Math.round(ms / 60_000);
  return [minutes === 0 ? (ms < 0 ? -1 : 1) : minutes, 'minute'];
}
