import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { deferForQuietHours, isQuiet } from './quiet-hours.js';

const local = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const show = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");

describe('quiet hours', () => {
  const night = { start: '21:00', end: '07:00' };
  const pp = 'Asia/Phnom_Penh';

  it('sends at once outside the window', () => {
    const t = local('2026-05-10T12:00', pp);
    expect(deferForQuietHours(t, night, pp)).toEqual(t);
    expect(deferForQuietHours(t, null, pp)).toEqual(t);
  });

  it('defers an evening message across midnight to the next morning in the user zone', () => {
    expect(show(deferForQuietHours(local('2026-05-10T22:30', pp), night, pp), pp)).toBe('2026-05-11T07:00');
    expect(show(deferForQuietHours(local('2026-05-10T21:00', pp), night, pp), pp)).toBe('2026-05-11T07:00');
  });

  it('defers an early-morning message to the same morning', () => {
    expect(show(deferForQuietHours(local('2026-05-11T03:15', pp), night, pp), pp)).toBe('2026-05-11T07:00');
    expect(isQuiet(local('2026-05-11T07:00', pp), night, pp)).toBe(false);
    expect(isQuiet(local('2026-05-11T06:59', pp), night, pp)).toBe(true);
  });

  it('uses the user zone, not the server or deadline zone', () => {
    // 23:00 in Phnom Penh is 17:00 in Paris (summer): not quiet for a Paris user
    const t = local('2026-05-10T23:00', pp);
    expect(deferForQuietHours(t, night, 'Europe/Paris')).toEqual(t);
    expect(show(deferForQuietHours(t, night, pp), pp)).toBe('2026-05-11T07:00');
  });

  it('ends the window at 07:00 local on the night clocks change (New York, 8 March 2026)', () => {
    const ny = 'America/New_York';
    const deferred = deferForQuietHours(local('2026-03-07T23:00', ny), night, ny);
    expect(show(deferred, ny)).toBe('2026-03-08T07:00');
    expect(deferred.toISOString()).toBe('2026-03-08T11:00:00.000Z'); // EDT
  });

  it('handles a window inside one day', () => {
    const lunch = { start: '12:00', end: '14:00' };
    expect(show(deferForQuietHours(local('2026-05-10T13:00', pp), lunch, pp), pp)).toBe('2026-05-10T14:00');
    expect(show(deferForQuietHours(local('2026-05-10T15:00', pp), lunch, pp), pp)).toBe('2026-05-10T15:00');
  });

  it('treats start = end as no quiet hours', () => {
    const t = local('2026-05-10T03:00', pp);
    expect(deferForQuietHours(t, { start: '00:00', end: '00:00' }, pp)).toEqual(t);
  });
});
