import { Clock, ShiftedClock } from '../../src/common/clock.js';

/**
 * `TEST_CLOCK_START=2028-02-29T12:00:00Z npm test` runs the suite as if on that day: the app, the
 * seed's demo data and the browser's clock all start there. Unset, the real clock.
 */
export function testClock(): Clock {
  const start = process.env.TEST_CLOCK_START;
  return start ? new ShiftedClock(new Date(start)) : new Clock();
}
