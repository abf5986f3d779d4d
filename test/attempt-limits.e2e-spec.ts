import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FREE_LOGIN_FAILURES } from '../src/auth/login-limiter.js';
import { FixedClock } from '../src/common/clock.js';
import { RESET_REQUESTS_PER_EMAIL } from '../src/auth/password-reset-limiter.js';
import { CURRENT_PASSWORD_FAILURES } from '../src/users/current-password-limiter.js';
import { makeUser, signIn, TEST_PASSWORD } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { testClock } from './support/test-clock.js';

/** Limits count before the work, in one step in Redis: requests sent all at once cannot slip past them. */
describe('attempt limits hold against parallel requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The app's time stands still: 25 requests that a loaded machine spreads over more than the first
    // wait (2 s) still arrive "at once", as the limits are meant to be tested here.
    t = await startTestApp({ overrides: { appRole: 'api' }, clock: new FixedClock(testClock().now()) });
  });
  afterAll(() => t.close());

  const statuses = (answers: { status: number }[]) =>
    answers.reduce<Record<number, number>>((n, a) => ({ ...n, [a.status]: (n[a.status] ?? 0) + 1 }), {});

  it('answers at most the free failures (and the one that starts the wait) with 401 when 25 wrong sign-ins to one account arrive at once', async () => {
    const { user } = await makeUser(t);
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        t
          .http()
          .post('/api/v1/auth/login')
          .send({ email: user.email, password: `wrong guess ${i}` }),
      ),
    );
    const counts = statuses(answers);
    // Sequentially the (FREE_LOGIN_FAILURES + 1)-th failure starts the wait and the next try gets 429.
    expect(counts[401]).toBeLessThanOrEqual(FREE_LOGIN_FAILURES + 1);
    expect(counts[401] + counts[429]).toBe(25);
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.body).toMatchObject({ code: 'too_many_attempts' });
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('checks at most the limit of wrong current passwords when 20 arrive at once; the rest get 429', async () => {
    const { as, user } = await makeUser(t);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        as.patch('/api/v1/me').send({ currentPassword: `guess ${i}`, newPassword: 'a brand new password' }),
      ),
    );
    const counts = statuses(answers);
    expect(counts[400]).toBeLessThanOrEqual(CURRENT_PASSWORD_FAILURES);
    expect(counts[400] + counts[429]).toBe(20);
    // The right password is refused too while the limit holds: a guess that hits is not told so.
    await as
      .patch('/api/v1/me')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' })
      .expect(429);
    await t.http().post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
  });

  it('does not count a right current password against the limit', async () => {
    const { user } = await makeUser(t);
    // A session, not the API token: a new password revokes the tokens, and keeps the session that set it.
    const browser = await signIn(t, user.email);
    let password = TEST_PASSWORD;
    for (let i = 0; i < CURRENT_PASSWORD_FAILURES + 2; i++) {
      const next = `kampot pepper rain ${i}`;
      await browser.patch('/api/v1/me').send({ currentPassword: password, newPassword: next }).expect(200);
      password = next;
    }
  });

  it('accepts at most the limit of password-reset requests for one address when 10 arrive at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.http().post('/api/v1/auth/password-reset').send({ email: 'at-once@example.org' }),
      ),
    );
    const counts = statuses(answers);
    expect(counts[202]).toBe(RESET_REQUESTS_PER_EMAIL);
    expect(counts[429]).toBe(10 - RESET_REQUESTS_PER_EMAIL);
  });
});
