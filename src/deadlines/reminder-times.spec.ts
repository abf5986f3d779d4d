import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import {
  canonicalZone,
  DEFAULT_OFFSETS,
  displayLine,
  displayTimes,
  fireTime,
  isValidOffset,
  normalizeOffsets,
  parseOffset,
  resolveDueAt,
} from './reminder-times.js';

const pp = (d: Date) => DateTime.fromJSDate(d, { zone: 'Asia/Phnom_Penh' }).toFormat('yyyy-MM-dd HH:mm');
const utc = (d: Date) => d.toISOString();

describe('reminder offsets', () => {
  it('accepts positive ISO 8601 durations in weeks, days and time units', () => {
    for (const ok of ['P14D', 'P1W', 'PT2H', 'P1DT12H', 'PT30M', 'PT5S', 'p7d']) expect(isValidOffset(ok)).toBe(true);
  });

  it('refuses zero, negative, malformed, month/year and over-a-year offsets', () => {
    for (const bad of ['P', 'PT', 'P0D', 'PT0S', '-P1D', 'P1M', 'P1Y', '14D', 'P14', 'P400D', '', 'P1DT', 42, null]) {
      expect(isValidOffset(bad)).toBe(false);
    }
  });

  it('normalises: upper case, duplicates by length removed, longest first', () => {
    expect(normalizeOffsets(['p1d', 'P14D', 'PT24H', 'P2W', 'P7D'])).toEqual(['P14D', 'P7D', 'P1D']);
    expect(normalizeOffsets(DEFAULT_OFFSETS.external)).toEqual(['P14D', 'P7D', 'P2D', 'P1D']);
  });

  it('parses to a luxon Duration', () => {
    expect(parseOffset('PT2H')?.as('minutes')).toBe(120);
  });
});

describe('time zones', () => {
  it('accepts IANA zones and Europe/Geneva (which keeps Zurich time)', () => {
    expect(canonicalZone('Europe/Geneva')).toBe('Europe/Zurich');
    expect(canonicalZone('America/New_York')).toBe('America/New_York');
    expect(canonicalZone('Mars/Olympus')).toBeNull();
    expect(canonicalZone('EST')).toBeNull();
  });
});

describe('due instants', () => {
  it('a date-only deadline is 23:59:59 on that day in its zone', () => {
    const due = resolveDueAt({ dueDate: '2026-03-01', timeZone: 'Europe/Geneva' });
    expect(utc(due)).toBe('2026-03-01T22:59:59.000Z');
    expect(pp(due)).toBe('2026-03-02 05:59');
    const ny = resolveDueAt({ dueDate: '2026-07-04', timeZone: 'America/New_York' });
    expect(utc(ny)).toBe('2026-07-05T03:59:59.000Z');
  });

  it('a local dueAt without an offset is read in the deadline zone; one with an offset is kept', () => {
    expect(utc(resolveDueAt({ dueAt: '2026-03-01T17:00', timeZone: 'Europe/Geneva' }))).toBe(
      '2026-03-01T16:00:00.000Z',
    );
    expect(utc(resolveDueAt({ dueAt: '2026-03-01T17:00:00Z', timeZone: 'Europe/Geneva' }))).toBe(
      '2026-03-01T17:00:00.000Z',
    );
  });

  it('rejects nonsense', () => {
    expect(() => resolveDueAt({ dueDate: '2026-02-30', timeZone: 'Europe/Geneva' })).toThrow();
    expect(() => resolveDueAt({ dueAt: 'tomorrow', timeZone: 'Europe/Geneva' })).toThrow();
    expect(() => resolveDueAt({ timeZone: 'Europe/Geneva' })).toThrow();
  });
});

describe('fire times across daylight-saving changes, read from Phnom Penh', () => {
  it('Europe/Geneva spring forward (29 March 2026): P1D and P7D keep 17:00 Geneva wall time', () => {
    const due = resolveDueAt({ dueAt: '2026-03-30T17:00', timeZone: 'Europe/Geneva' }); // CEST, UTC+2
    expect(pp(due)).toBe('2026-03-30 22:00');
    expect(pp(fireTime(due, 'P1D', 'Europe/Geneva'))).toBe('2026-03-29 22:00'); // 17:00 CEST
    expect(pp(fireTime(due, 'P7D', 'Europe/Geneva'))).toBe('2026-03-23 23:00'); // 17:00 CET, UTC+1
    // hours are exact: 24 h before 17:00 CEST on the 30th is 17:00 CEST on the 29th; 48 h is 16:00 CET on the 28th
    expect(utc(fireTime(due, 'PT24H', 'Europe/Geneva'))).toBe('2026-03-29T15:00:00.000Z');
    expect(utc(fireTime(due, 'PT48H', 'Europe/Geneva'))).toBe('2026-03-28T15:00:00.000Z'); // 16:00 CET
  });

  it('Europe/Paris fall back (25 October 2026): a week before is 17:00 CEST, one hour earlier in UTC', () => {
    const due = resolveDueAt({ dueAt: '2026-10-27T17:00', timeZone: 'Europe/Paris' }); // CET, UTC+1
    expect(utc(due)).toBe('2026-10-27T16:00:00.000Z');
    expect(utc(fireTime(due, 'P7D', 'Europe/Paris'))).toBe('2026-10-20T15:00:00.000Z'); // 17:00 CEST
    expect(pp(fireTime(due, 'P7D', 'Europe/Paris'))).toBe('2026-10-20 22:00');
    expect(pp(fireTime(due, 'P2D', 'Europe/Paris'))).toBe('2026-10-25 23:00'); // 17:00 CET after the change
  });

  it('America/New_York spring forward (8 March 2026) and fall back (1 November 2026)', () => {
    const spring = resolveDueAt({ dueDate: '2026-03-09', timeZone: 'America/New_York' }); // EDT, UTC-4
    expect(utc(spring)).toBe('2026-03-10T03:59:59.000Z');
    expect(pp(spring)).toBe('2026-03-10 10:59');
    expect(utc(fireTime(spring, 'P2D', 'America/New_York'))).toBe('2026-03-08T04:59:59.000Z'); // 23:59:59 EST on the 7th
    const fall = resolveDueAt({ dueAt: '2026-11-02T09:00', timeZone: 'America/New_York' }); // EST
    expect(utc(fireTime(fall, 'P1D', 'America/New_York'))).toBe('2026-11-01T14:00:00.000Z'); // 09:00 EST on the 1st
    expect(utc(fireTime(fall, 'P2D', 'America/New_York'))).toBe('2026-10-31T13:00:00.000Z'); // 09:00 EDT
  });

  it('Asia/Phnom_Penh has no daylight saving: a day is always 24 hours', () => {
    const due = resolveDueAt({ dueAt: '2026-03-30T17:00', timeZone: 'Asia/Phnom_Penh' });
    expect(due.getTime() - fireTime(due, 'P7D', 'Asia/Phnom_Penh').getTime()).toBe(7 * 24 * 3600 * 1000);
  });
});

describe('display in three zones', () => {
  it('shows the deadline zone, the reader zone and Phnom Penh', () => {
    const due = resolveDueAt({ dueAt: '2026-03-01T17:00', timeZone: 'Europe/Geneva' });
    const rows = displayTimes(due, 'Europe/Geneva', 'America/New_York');
    expect(rows.map((r) => [r.label, r.local])).toEqual([
      ['deadline', '2026-03-01T17:00:00+01:00'],
      ['you', '2026-03-01T11:00:00-05:00'],
      ['phnomPenh', '2026-03-01T23:00:00+07:00'],
    ]);
    expect(rows[0].text).toBe('Sun 1 Mar 2026, 17:00 CET (Europe/Zurich)');
  });

  it('does not repeat a zone in the one-line form', () => {
    const due = resolveDueAt({ dueAt: '2026-03-01T17:00', timeZone: 'Europe/Geneva' });
    expect(displayLine(due, 'Europe/Geneva', 'Asia/Phnom_Penh')).toBe(
      'Sun 1 Mar 2026, 17:00 CET (Europe/Zurich) · Sun 1 Mar 2026, 23:00 GMT+7 (Asia/Phnom_Penh)',
    );
  });

  it('shows the same times as Luxon in every month and odd offsets, with milliseconds and without', () => {
    const zones = ['Asia/Phnom_Penh', 'America/St_Johns', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Sao_Paulo'];
    for (let month = 0; month < 12; month++) {
      for (const [day, ms] of [
        [1, 0],
        [17, 7],
        [28, 999],
      ]) {
        const at = new Date(Date.UTC(2027, month, day, 22, 59, 30, ms));
        for (const zone of zones) {
          const [row] = displayTimes(at, zone, zone);
          const local = DateTime.fromJSDate(at, { zone });
          expect({ local: row.local, text: row.text }).toEqual({
            local: local.toISO({ suppressMilliseconds: true }),
            text: `${local.setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm ZZZZ')} (${zone})`,
          });
        }
      }
    }
  });

  it('shows the same times as Luxon asked zone by zone, on days when clocks change too', () => {
    const zones = [
      'Europe/Geneva',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'Europe/London',
      'UTC',
    ];
    const plain = (at: Date, zone: string) => {
      const local = DateTime.fromJSDate(at, { zone });
      return {
        local: local.toISO({ suppressMilliseconds: true }),
        text: `${local.setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm ZZZZ')} (${zone})`,
      };
    };
    // Every 20 minutes across the spring and autumn changes of 2026 in Europe, the US and Lord Howe (30 min).
    const starts = [
      '2026-03-07T00:00:00Z',
      '2026-03-28T00:00:00Z',
      '2026-04-04T00:00:00Z',
      '2026-10-03T00:00:00Z',
      '2026-10-24T00:00:00Z',
      '2026-10-31T00:00:00Z',
    ];
    for (const start of starts) {
      for (let i = 0; i < 3 * 72; i++) {
        const at = new Date(Date.parse(start) + i * 20 * 60_000);
        for (const zone of zones) {
          const [row] = displayTimes(at, zone, zone);
          expect({ local: row.local, text: row.text }).toEqual(plain(at, row.zone));
        }
      }
    }
  });
});
