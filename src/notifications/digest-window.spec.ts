import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { digestDue, digestSections, digestSlot, digestWindow } from './digest-window.js';

const local = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const pp = 'Asia/Phnom_Penh';

describe('digest slots', () => {
  it('daily: 08:00 today in the user zone once it has come, else yesterday', () => {
    expect(digestSlot(local('2026-05-11T09:30', pp), pp, 'daily')).toEqual({
      key: 'daily:2026-05-11',
      at: local('2026-05-11T08:00', pp),
    });
    expect(digestSlot(local('2026-05-11T07:59', pp), pp, 'daily').key).toBe('daily:2026-05-10');
  });

  it('weekly: 08:00 on Monday in the user zone', () => {
    // 13 May 2026 is a Wednesday
    expect(digestSlot(local('2026-05-13T10:00', pp), pp, 'weekly')).toEqual({
      key: 'weekly:2026-05-11',
      at: local('2026-05-11T08:00', pp),
    });
    expect(digestSlot(local('2026-05-11T07:00', pp), pp, 'weekly').key).toBe('weekly:2026-05-04');
  });

  it('follows the user zone across a daylight-saving change (New York, Sunday 8 March 2026)', () => {
    const ny = 'America/New_York';
    const slot = digestSlot(local('2026-03-08T08:30', ny), ny, 'daily');
    expect(slot.key).toBe('daily:2026-03-08');
    expect(slot.at.toISOString()).toBe('2026-03-08T12:00:00.000Z'); // 08:00 EDT
    const before = digestSlot(local('2026-03-07T08:30', ny), ny, 'daily');
    expect(before.at.toISOString()).toBe('2026-03-07T13:00:00.000Z'); // 08:00 EST
  });

  it('the same instant is a different morning for users in different zones', () => {
    const t = new Date('2026-05-11T02:00:00Z'); // 09:00 Phnom Penh, 04:00 Paris
    expect(digestSlot(t, pp, 'daily').key).toBe('daily:2026-05-11');
    expect(digestSlot(t, 'Europe/Paris', 'daily').key).toBe('daily:2026-05-10');
  });

  it('is due for twelve hours from 08:00, not sent later than that', () => {
    const slot = digestSlot(local('2026-05-11T08:00', pp), pp, 'daily');
    expect(digestDue(local('2026-05-11T08:00', pp), slot)).toBe(true);
    expect(digestDue(local('2026-05-11T19:59', pp), slot)).toBe(true);
    expect(digestDue(local('2026-05-11T20:01', pp), slot)).toBe(false);
  });
});

describe('digest window', () => {
  it('lists the next 14 days and what is overdue', () => {
    const now = new Date('2026-05-11T01:00:00Z');
    expect(digestWindow(now).to.toISOString()).toBe('2026-05-25T01:00:00.000Z');
    const d = (iso: string, status = 'open') => ({ dueAt: new Date(iso), status });
    const { overdue, upcoming } = digestSections(
      [
        d('2026-05-30T00:00:00Z'),
        d('2026-05-20T00:00:00Z'),
        d('2026-05-12T00:00:00Z'),
        d('2026-05-01T00:00:00Z', 'missed'),
        d('2026-05-10T00:00:00Z'),
        d('2026-05-13T00:00:00Z', 'done'),
        d('2026-05-09T00:00:00Z', 'cancelled'),
      ],
      now,
    );
    expect(overdue.map((x) => x.dueAt.toISOString().slice(0, 10))).toEqual(['2026-05-01', '2026-05-10']);
    expect(upcoming.map((x) => x.dueAt.toISOString().slice(0, 10))).toEqual(['2026-05-12', '2026-05-20']);
  });
});
