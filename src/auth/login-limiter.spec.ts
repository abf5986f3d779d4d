import { describe, expect, it } from '@jest/globals';
import { FREE_LOGIN_FAILURES, waitAfterFailures } from './login-limiter.js';

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
