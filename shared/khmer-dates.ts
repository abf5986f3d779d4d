/**
 * Khmer dates for browsers whose Intl has no Khmer data (Debian's chromium falls back to English).
 * The numbers still come from Intl in the right zone; only the month and weekday names and the
 * relative phrases are written here, as CLDR's Khmer data has them.
 */
export const KHMER_MONTHS = [
  'មករា',
  'កុម្ភៈ',
  'មីនា',
  'មេសា',
  'ឧសភា',
  'មិថុនា',
  'កក្កដា',
  'សីហា',
  'កញ្ញា',
  'តុលា',
  'វិច្ឆិកា',
  'ធ្នូ',
];
/** Keyed by the English short weekday Intl writes (`Mon`). */
export const KHMER_WEEKDAYS: Record<string, string> = {
  Sun: 'អាទិត្យ',
  Mon: 'ច័ន្ទ',
  Tue: 'អង្គារ',
  Wed: 'ពុធ',
  Thu: 'ព្រហស្បតិ៍',
  Fri: 'សុក្រ',
  Sat: 'សៅរ៍',
};

export const intlKnowsKhmer = () => Intl.DateTimeFormat.supportedLocalesOf(['km']).length > 0;

function parts(date: Date, timeZone: string | undefined, withTime: boolean) {
  const found = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  } as Intl.DateTimeFormatOptions).formatToParts(date);
  return Object.fromEntries(found.map((p) => [p.type, p.value]));
}

/** e.g. `សុក្រ 27 វិច្ឆិកា 2026, 23:59`, as Intl writes it where it knows Khmer. */
export function khmerDateTime(date: Date, timeZone: string): string {
  const p = parts(date, timeZone, true);
  return `${KHMER_WEEKDAYS[p.weekday]} ${p.day} ${KHMER_MONTHS[Number(p.month) - 1]} ${p.year}, ${p.hour}:${p.minute}`;
}

export function khmerDate(date: Date, timeZone?: string): string {
  const p = parts(date, timeZone, false);
  return `${p.day} ${KHMER_MONTHS[Number(p.month) - 1]} ${p.year}`;
}

/** `GMT+1` → `ម៉ោងសកល +1`. */
export const khmerOffset = (offset: string) => offset.replace(/^GMT/, 'ម៉ោងសកល ').trim();

const UNITS = { day: 'ថ្ងៃ', hour: 'ម៉ោង', minute: 'នាទី' } as const;

export function khmerRelative(value: number, unit: keyof typeof UNITS): string {
  if (unit === 'day' && value === -1) return 'ម្សិលមិញ';
  if (unit === 'day' && value === 1) return 'ថ្ងៃស្អែក';
  return value < 0 ? `${-value} ${UNITS[unit]}មុន` : `${value} ${UNITS[unit]}ទៀត`;
}
