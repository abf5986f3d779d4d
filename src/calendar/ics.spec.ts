import { describe, expect, it } from '@jest/globals';
import { resolveDueAt } from '../deadlines/reminder-times.js';
import { buildCalendar } from './ics.js';

describe('buildCalendar', () => {
  const base = {
    kind: 'external',
    status: 'open',
    reminderOffsets: ['P7D', 'PT2H'],
    subjectType: 'opportunity',
    subjectLabel: 'Opportunity',
    subjectTitle: 'EU call',
    url: 'https://cjn.example/opportunities/1',
  };

  it('writes timed deadlines in their zone with alarms and the link', () => {
    const dueAt = resolveDueAt({ dueAt: '2026-03-01T17:00', timeZone: 'Europe/Geneva' });
    const ics = buildCalendar(
      'CJN',
      [{ ...base, id: 'd1', title: 'Full proposal', dueAt, dueDate: null, timeZone: 'Europe/Zurich' }],
      'Asia/Phnom_Penh',
      new Date('2026-02-01T00:00:00Z'),
    );
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('UID:d1@cjn-tracker');
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Zurich:20260301T170000/);
    expect(ics).toContain('URL;VALUE=URI:https://cjn.example/opportunities/1');
    expect(ics).toContain('TRIGGER:-P7D');
    expect(ics).toContain('TRIGGER:-PT2H');
  });

  it("writes a Khmer reader's event text in Khmer, with Khmer dates", () => {
    const dueAt = resolveDueAt({ dueAt: '2026-03-01T17:00', timeZone: 'Europe/Geneva' });
    const ics = buildCalendar(
      'CJN',
      [{ ...base, id: 'd1', title: 'Full proposal', dueAt, dueDate: null, timeZone: 'Europe/Zurich' }],
      'Asia/Phnom_Penh',
      new Date('2026-02-01T00:00:00Z'),
      'km',
    );
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('DESCRIPTION:កាលកំណត់របស់ម្ចាស់ជំនួយសម្រាប់ឱកាសមូលនិធិ «EU call»');
    expect(unfolded).toContain('អាទិត្យ 1 មីនា 2026\\, 23:00 ម៉ោងសកល +7 (Asia/Phnom_Penh)');
    expect(unfolded).toContain('DESCRIPTION:Full proposal (មុន 7 ថ្ងៃ)');
    expect(unfolded).not.toMatch(/External|deadline for|before/);
  });

  it('defines every zone it uses with a VTIMEZONE, daylight-saving rules included', () => {
    const geneva = resolveDueAt({ dueAt: '2026-03-01T17:00', timeZone: 'Europe/Geneva' });
    const newYork = resolveDueAt({ dueAt: '2026-04-15T12:00', timeZone: 'America/New_York' });
    const ics = buildCalendar(
      'CJN',
      [
        { ...base, id: 'g', title: 'Comment on draft GC', dueAt: geneva, dueDate: null, timeZone: 'Europe/Zurich' },
        { ...base, id: 'n', title: 'Concept note', dueAt: newYork, dueDate: null, timeZone: 'America/New_York' },
      ],
      'Asia/Phnom_Penh',
      new Date('2026-02-01T00:00:00Z'),
    );
    for (const zone of ['Europe/Zurich', 'America/New_York']) {
      expect(ics).toMatch(new RegExp(`BEGIN:VTIMEZONE\r?\nTZID:${zone.replace('/', '\\/')}`));
    }
    expect(ics.match(/BEGIN:DAYLIGHT/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('writes date-only deadlines as whole-day events', () => {
    const entry = {
      ...base,
      id: 'd2',
      title: 'Report',
      dueDate: '2026-03-02',
      timeZone: 'America/New_York',
      dueAt: resolveDueAt({ dueDate: '2026-03-02', timeZone: 'America/New_York' }),
    };
    const ics = buildCalendar('CJN', [entry], 'Asia/Phnom_Penh', new Date('2026-02-01T00:00:00Z'));
    expect(ics).toContain('DTSTART;VALUE=DATE:20260302');
    // Midnight in Geneva is the evening before in UTC; the date must stay the Geneva date.
    const geneva = {
      ...entry,
      id: 'd3',
      dueDate: '2026-03-02',
      timeZone: 'Europe/Zurich',
      dueAt: resolveDueAt({ dueDate: '2026-03-02', timeZone: 'Europe/Geneva' }),
    };
    expect(buildCalendar('CJN', [geneva], 'Asia/Phnom_Penh', new Date('2026-02-01T00:00:00Z'))).toContain(
      'DTSTART;VALUE=DATE:20260302',
    );
  });
});
