import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { FREE_LOGIN_FAILURES } from '../src/auth/login-limiter.js';
import { CURRENT_PASSWORD_FAILURES } from '../src/users/current-password-limiter.js';
import { makeUser, signIn, TEST_PASSWORD } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('sign-in, sessions and API tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs in with a case-insensitive e-mail and sets an httpOnly, SameSite=Lax session cookie', async () => {
    const { user } = await makeUser(t, { email: 'Sokha.Chan@Example.org' });
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'sokha.chan@example.org', password: TEST_PASSWORD })
      .expect(200);
    expect(res.body).toMatchObject({ id: user.id, email: 'Sokha.Chan@Example.org' });
    expect(res.body).not.toHaveProperty('passwordHash');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/cjn_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('keeps the session until logout, and logout ends it on the server', async () => {
    const { user } = await makeUser(t);
    const agent = await signIn(t, user.email);
    await agent.get('/api/v1/me').expect(200);
    const stolen = (await agent.get('/api/v1/me')).request.cookies;
    await agent.post('/api/v1/auth/logout').expect(204);
    await agent.get('/api/v1/me').expect(401);
    await request(t.server).get('/api/v1/me').set('Cookie', stolen).expect(401);
  });

  it('answers 401 to a wrong password and to an unknown e-mail, with the same message', async () => {
    const { user } = await makeUser(t);
    const wrong = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: 'not the password' })
      .expect(401);
    const unknown = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@example.org', password: 'whatever123' })
      .expect(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'wrong_credentials',
      params: {},
      message: 'Wrong e-mail or password',
    });
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('trusts no X-Forwarded-For unless TRUST_PROXY says so: the session keeps the real address', async () => {
    const { user } = await makeUser(t);
    await t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '203.0.113.9')
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(200);
    const [session] = await t.db.query('SELECT ip FROM sessions WHERE user_id = $1', [user.id]);
    expect(session.ip).toMatch(/127\.0\.0\.1|::1/);
  });

  it('rejects a login from another site (CSRF origin check)', async () => {
    const { user } = await makeUser(t);
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Origin', 'https://evil.example')
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(403);
    expect(res.body.message).toMatch(/Cross-site/);
  });

  it('refuses a cookie-authenticated change from another origin but accepts our own', async () => {
    const { user } = await makeUser(t);
    const agent = await signIn(t, user.email);
    await agent.patch('/api/v1/me').set('Origin', 'https://evil.example').send({ name: 'Hacked' }).expect(403);
    await agent.patch('/api/v1/me').set('Sec-Fetch-Site', 'cross-site').send({ name: 'Hacked' }).expect(403);
    const ok = await agent.patch('/api/v1/me').set('Origin', t.config.publicUrl).send({ name: 'Dara Sok' }).expect(200);
    expect(ok.body.name).toBe('Dara Sok');
  });

  it('creates a personal API token shown once, accepts it as Bearer, and stops accepting it when revoked', async () => {
    const { user } = await makeUser(t);
    const agent = await signIn(t, user.email);
    const created = await agent.post('/api/v1/me/tokens').send({ name: 'export script' }).expect(201);
    expect(created.body.token).toMatch(/^cjn_/);
    const bearer = `Bearer ${created.body.token}`;
    const me = await t.http().get('/api/v1/me').set('Authorization', bearer).expect(200);
    expect(me.body.id).toBe(user.id);
    const listed = await agent.get('/api/v1/me/tokens').expect(200);
    expect(listed.body.items.map((x: { name: string }) => x.name)).toContain('export script');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    await agent.delete(`/api/v1/me/tokens/${created.body.id}`).expect(204);
    await t.http().get('/api/v1/me').set('Authorization', bearer).expect(401);
  });

  it('will not let an API token create more tokens', async () => {
    const { user } = await makeUser(t);
    const agent = await signIn(t, user.email);
    const { token } = (await agent.post('/api/v1/me/tokens').send({ name: 'sync' }).expect(201)).body;
    const res = await t
      .http()
      .post('/api/v1/me/tokens')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'another' })
      .expect(403);
    expect(res.body.message).toMatch(/API tokens cannot do this/);
    const listed = await agent.get('/api/v1/me/tokens').expect(200);
    expect(listed.body.items.map((x: { name: string }) => x.name)).not.toContain('another');
  });

  it('takes a token expiry only as a real future date and time', async () => {
    const { user } = await makeUser(t);
    const agent = await signIn(t, user.email);
    for (const expiresAt of ['2027-02-30T10:00:00Z', 12345, true, '2027-01-01', 'next week']) {
      const res = await agent.post('/api/v1/me/tokens').send({ name: 'x', expiresAt }).expect(400);
      expect(res.body.message).toMatch(/expiresAt/);
    }
    const past = await agent
      .post('/api/v1/me/tokens')
      .send({ name: 'x', expiresAt: '2020-01-01T00:00:00Z' })
      .expect(400);
    expect(past.body.message).toBe('expiresAt must be in the future');
    const ok = await agent
      .post('/api/v1/me/tokens')
      .send({ name: 'x', expiresAt: '2099-06-30T17:00:00+07:00' })
      .expect(201);
    expect(ok.body.expiresAt).toBe('2099-06-30T10:00:00.000Z');
  });

  it('answers 401 to a made-up bearer token and to no credentials', async () => {
    await t.http().get('/api/v1/me').set('Authorization', 'Bearer cjn_madeup').expect(401);
    await t.http().get('/api/v1/me').set('Authorization', 'Basic abc').expect(401);
    await t.http().get('/api/v1/me').expect(401);
  });

  it('lets users change their own password only with the current one', async () => {
    const { user, as } = await makeUser(t);
    await as.patch('/api/v1/me').send({ newPassword: 'a brand new password' }).expect(400);
    await as
      .patch('/api/v1/me')
      .send({ currentPassword: 'wrong one', newPassword: 'a brand new password' })
      .expect(400);
    await as
      .patch('/api/v1/me')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' })
      .expect(200);
    await t.http().post('/api/v1/auth/login').send({ email: user.email, password: 'a brand new password' }).expect(200);
  });

  it('ends every other session and revokes API tokens when a password changes, keeping the session that changed it', async () => {
    const { user } = await makeUser(t);
    const here = await signIn(t, user.email);
    const laptop = await signIn(t, user.email);
    const { token } = (await here.post('/api/v1/me/tokens').send({ name: 'script' }).expect(201)).body;
    await here
      .patch('/api/v1/me')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'kampot pepper in the rain' })
      .expect(200);
    await here.get('/api/v1/me').expect(200);
    await laptop.get('/api/v1/me').expect(401);
    await t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('slows down guessing the current password from a stolen session', async () => {
    const { as } = await makeUser(t);
    for (let i = 0; i < CURRENT_PASSWORD_FAILURES; i++) {
      await as
        .patch('/api/v1/me')
        .send({ currentPassword: `guess ${i}`, newPassword: 'a brand new password' })
        .expect(400);
    }
    const res = await as
      .patch('/api/v1/me')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' })
      .expect(429);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('takes new passwords of 8 to 128 characters that are not among the most common', async () => {
    const { as } = await makeUser(t);
    const short = await as
      .patch('/api/v1/me')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'short' })
      .expect(400);
    expect(short.body.details[0].field).toBe('newPassword');
    await as
      .patch('/api/v1/me')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'x'.repeat(129) })
      .expect(400);
    const common = await as
      .patch('/api/v1/me')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'password12' })
      .expect(400);
    expect(common.body.message).toMatch(/newPassword is one of the most common passwords/);
  });
});

describe('sign-in rate limit per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses further attempts from one address after too many, whatever the account', async () => {
    const { LOGIN_ATTEMPTS_PER_IP } = await import('../src/auth/login-limiter.js');
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_IP; i++) {
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: `guess${i}@example.org`, password: 'guess-password' })
        .expect(401);
    }
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'another@example.org', password: 'guess-password' })
      .expect(429);
    expect(res.body.message).toMatch(/from this address/);
  });
});

describe('sign-in failures slow down a guesser without locking out the account owner', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ overrides: { trustProxy: 'loopback' } });
  });
  afterAll(() => t.close());

  const login = (from: string, email: string, password: string) =>
    t.http().post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ email, password });

  it('makes one address wait, with Retry-After, after repeated failures for one account', async () => {
    const { user } = await makeUser(t);
    for (let i = 0; i <= FREE_LOGIN_FAILURES; i++)
      await login('198.51.100.7', user.email, 'wrong password').expect(401);
    const res = await login('198.51.100.7', user.email, TEST_PASSWORD).expect(429);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body.message).toMatch(/Too many failed sign-ins for this account from this address/);

    const owner = await login('203.0.113.20', user.email, TEST_PASSWORD).expect(200);
    expect(owner.body.email).toBe(user.email);
    const [session] = await t.db.query('SELECT ip FROM sessions WHERE user_id = $1', [user.id]);
    expect(session.ip).toBe('203.0.113.20');
  });

  it('signs in to the queue dashboard as to the API (session cookie or bearer token), admins only', async () => {
    const admin = await makeUser(t, { role: 'admin' });
    const member = await makeUser(t);
    await (await signIn(t, admin.user.email)).get('/admin/queues').expect(200);
    await (await signIn(t, member.user.email)).get('/admin/queues').expect(403);
    await admin.as.get('/admin/queues/api/queues').expect(200);
    const badToken = await t.http().get('/admin/queues').set('Authorization', 'Bearer cjn_not-a-token').expect(401);
    expect(badToken.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it("refuses the queue dashboard's buttons (retry, clean) from another site", async () => {
    const admin = await makeUser(t, { role: 'admin' });
    const browser = await signIn(t, admin.user.email);
    const res = await browser
      .put('/admin/queues/api/queues/reminders/retry/failed')
      .set('Origin', 'https://evil.example')
      .expect(403);
    expect(res.body.message).toMatch(/Cross-site request refused/);
    await browser
      .put('/admin/queues/api/queues/reminders/retry/failed')
      .set('Origin', new URL(t.config.publicUrl).origin)
      .expect(200);
  });
});
