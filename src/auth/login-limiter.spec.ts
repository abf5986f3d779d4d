import { describe, expect, it } from '@jest/globals';
import { FREE_LOGIN_FAILURES, WAIT_SCHEDULE_SECONDS, waitAfterFailures } from './login-limiter.js';

describe('waitAfterFailures', () => {
  it('lets the first few failures pass without a wait', () => {
    for (let n = 0; n <= FREE_LOGIN_FAILURES; n++) expect(waitAfterFailures(n)).toBe(0);
  });

  it('doubles the wait with every further failure, up to 15 minutes', () => {
    const waits = [1, 2, 3, 4, 5].map((k) => waitAfterFailures(FREE_LOGIN_FAILURES + k));
    expect(waits).toEqual([2, 4, 8, 16, 32]);
    expect(waitAfterFailures(FREE_LOGIN_FAILURES + 30)).toBe(15 * 60);
  });
});

describe('WAIT_SCHEDULE_SECONDS (what the Redis step reads the wait from)', () => {
  it('is waitAfterFailures for the 1st, 2nd … failure, ending at the longest wait', () => {
    expect(WAIT_SCHEDULE_SECONDS).toEqual(WAIT_SCHEDULE_SECONDS.map((_, i) => waitAfterFailures(i + 1)));
    expect(WAIT_SCHEDULE_SECONDS.at(-1)).toBe(15 * 60);
    expect(waitAfterFailures(WAIT_SCHEDULE_SECONDS.length + 10)).toBe(WAIT_SCHEDULE_SECONDS.at(-1));
    expect(WAIT_SCHEDULE_SECONDS.filter((wait) => wait === 0)).toHaveLength(FREE_LOGIN_FAILURES);
  });
});
