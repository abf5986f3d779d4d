import { describe, expect, it } from '@jest/globals';
import { isoToZoned, zonedToIso } from './zoned-time.js';

describe('closing date typed in the reader’s zone', () => {
  it('reads a Geneva wall time in winter and in summer', () => {
    expect(zonedToIso('2027-03-01T17:00', 'Europe/Zurich')).toBe('2027-03-01T16:00:00.000Z');
    expect(zonedToIso('2027-07-01T17:00', 'Europe/Zurich')).toBe('2027-07-01T15:00:00.000Z');
  });

  it('reads Phnom Penh and New York across the daylight-saving change', () => {
    expect(zonedToIso('2027-03-31T23:59', 'Asia/Phnom_Penh')).toBe('2027-03-31T16:59:00.000Z');
    expect(zonedToIso('2027-03-15T09:00', 'America/New_York')).toBe('2027-03-15T13:00:00.000Z');
    expect(zonedToIso('2027-03-13T09:00', 'America/New_York')).toBe('2027-03-13T14:00:00.000Z');
  });

  it('shows an instant back on the same clock', () => {
    expect(isoToZoned('2027-03-01T16:00:00.000Z', 'Europe/Zurich')).toBe('2027-03-01T17:00');
    expect(isoToZoned('2027-03-31T16:59:00.000Z', 'Asia/Phnom_Penh')).toBe('2027-03-31T23:59');
  });
});
