import { describe, expect, it } from '@jest/globals';
import { Clock, clockOf, ShiftedClock } from './clock.js';

describe('ShiftedClock', () => {
  it('starts at the given instant and runs on from there with the real clock', async () => {
    const clock = new ShiftedClock(new Date('2028-02-29T12:00:00Z'));
    const first = clock.now().getTime();
    expect(Math.abs(first - Date.parse('2028-02-29T12:00:00Z'))).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(first + 15);
  });

  it('is what CLOCK_START asks for, else the real clock', () => {
    expect(clockOf({})).toBeInstanceOf(Clock);
    expect(clockOf({})).not.toBeInstanceOf(ShiftedClock);
    const moved = clockOf({ clockStart: '2027-03-28T00:30:00Z' }).now();
    expect(moved.toISOString().slice(0, 13)).toBe('2027-03-28T00');
  });
});
