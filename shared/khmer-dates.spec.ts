import { describe, expect, it } from '@jest/globals';
import { khmerDate, khmerDateTime, khmerOffset, khmerRelative } from './khmer-dates.js';

// Node carries full ICU data: what the hand-written Khmer must match where a browser has none.
const intl = (options: Intl.DateTimeFormatOptions, at: Date) =>
  new Intl.DateTimeFormat('km', options).format(at).replace(/\u200b/g, '');

describe('Khmer dates written by hand for browsers without Khmer Intl data', () => {
  const at = new Date('2026-11-27T22:59:59Z');

  it('reads the instant in the given zone, with the Khmer weekday and month names Intl uses', () => {
    expect(khmerDateTime(at, 'Europe/Zurich')).toBe('សុក្រ 27 វិច្ឆិកា 2026, 23:59');
    expect(khmerDateTime(at, 'Asia/Phnom_Penh')).toBe('សៅរ៍ 28 វិច្ឆិកា 2026, 05:59');
    const options = {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    } as const;
    for (const zone of ['Europe/Paris', 'America/New_York', 'Asia/Phnom_Penh']) {
      expect(khmerDateTime(at, zone)).toBe(intl({ ...options, timeZone: zone }, at));
    }
    expect(khmerDate(at, 'Asia/Phnom_Penh')).toBe(
      intl({ day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Phnom_Penh' }, at),
    );
  });

  it('writes offsets and relative times in Khmer', () => {
    expect(khmerOffset('GMT+7')).toBe('ម៉ោងសកល +7');
    expect(khmerOffset('GMT')).toBe('ម៉ោងសកល');
    expect(khmerRelative(3, 'day')).toBe('3 ថ្ងៃទៀត');
    expect(khmerRelative(-1, 'day')).toBe('ម្សិលមិញ');
    expect(khmerRelative(-5, 'minute')).toBe('5 នាទីមុន');
  });
});
