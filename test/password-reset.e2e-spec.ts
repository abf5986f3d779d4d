import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { RESET_REQUESTS_PER_EMAIL } from '../src/auth/password-reset-limiter.js';
import { FixedClock } from '../src/common/clock.js';
import { UsersService } from '../src/users/users.service.js';
import { makeUser, signIn, TEST_PASSWORD } from './support/factories.js';
import { readMail, SmtpSink } from './support/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const NEW_PASSWORD = 'a river in Kampot at dusk';

describe('forgotten password: reset by an e-mailed link', () => {
  let t: TestApp;
  let sink: SmtpSink;
  const clock = new FixedClock(new Date());
  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp({
      clock,
      overrides: {
        smtpUrl: sink.url,
        mailFrom: 'CJN Tracker <tracker@cjn.example>',
        publicUrl: 'http://tracker.example.org',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  const requestReset = (email: string) => t.http().post('/api/v1/auth/password-reset').send({ email });
  const confirm = (token: string | undefined, password = NEW_PASSWORD) =>
    t.http().post('/api/v1/auth/password-reset/confirm').send({ token, password });

  /** The token in the reset e-mail to `email`, and the message as read. */
  async function resetMail(email: string) {
    const mail = readMail((await sink.waitFor(email)).raw);
    const url = /http:\/\/tracker\.example\.org\/reset-password\?token=([A-Za-z0-9_.%-]+)/.exec(mail.text);
    expect(url).not.toBeNull();
    return { mail, token: decodeURIComponent(url![1]) };
  }

  it('e-mails a link that sets a new password once, ends every session and revokes every API token', async () => {
    const { user, token: apiToken } = await makeUser(t, { email: 'Sophea.Reset@example.org', name: 'Sophea Kim' });
    const browser = await signIn(t, user.email);
    const phone = await signIn(t, user.email);
    await browser.get('/api/v1/me').expect(200);

    const asked = await requestReset('sophea.reset@example.org').expect(202);
    expect(asked.body).toEqual({ emailConfigured: true });
    const { mail, token } = await resetMail('Sophea.Reset@example.org');
    expect(mail.subject).toBe('Set a new password for CJN Tracker');
    expect(mail.text).toMatch(/Hello Sophea Kim/);
    expect(mail.text).toMatch(/works once, for 1 hour/);
    expect(mail.html).toMatch(/href="http:\/\/tracker\.example\.org\/reset-password\?token=/);

    const done = await confirm(token).expect(200);
    expect(done.body).toMatchObject({ id: user.id, email: 'Sophea.Reset@example.org' });
    expect(done.body).not.toHaveProperty('passwordHash');

    await browser.get('/api/v1/me').expect(401);
    await phone.get('/api/v1/me').expect(401);
    await t.http().get('/api/v1/me').set('Authorization', `Bearer ${apiToken}`).expect(401);
    await t.http().post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
    await signIn(t, user.email, NEW_PASSWORD);

    const again = await confirm(token, 'yet another long phrase').expect(410);
    expect(again.body).toMatchObject({
      statusCode: 410,
      error: 'Gone',
      message: 'This password-reset link has already been used; sign in, or ask for a new link',
      details: { code: 'passwordReset.used' },
    });
    await signIn(t, user.email, NEW_PASSWORD);

    const [activity] = await t.db.query<{ actor_id: string; summary: string }[]>(
      `SELECT actor_id, summary FROM activity WHERE action = 'user.password_reset' AND subject_id = $1`,
      [user.id],
    );
    expect(activity).toEqual({ actor_id: user.id, summary: 'Sophea Kim set a new password through a reset link' });
  });

  it('answers an unknown or disabled address exactly as a known one, and e-mails nobody', async () => {
    const { user: known } = await makeUser(t);
    const { user: disabled } = await makeUser(t);
    await t.app.get(UsersService).update({ id: null } as never, disabled.id, { status: 'disabled' });

    const answers = await Promise.all(
      [known.email, 'nobody-here@example.org', disabled.email].map((email) => requestReset(email)),
    );
    const same = [202, '{"emailConfigured":true}', answers[0].headers['content-length']];
    expect(answers.map((a) => [a.status, a.text, a.headers['content-length']])).toEqual([same, same, same]);
    await sink.waitFor(known.email);
    await new Promise((r) => setTimeout(r, 1000));
    const to = sink.messages.flatMap((m) => m.to);
    expect(to).not.toContain('nobody-here@example.org');
    expect(to).not.toContain(disabled.email);
  });

  it('refuses a forged link (400) and an expired one (410), each with a code the web app translates', async () => {
    const { user } = await makeUser(t);
    await requestReset(user.email).expect(202);
    const { token } = await resetMail(user.email);

    const forged = await confirm(`${token.split('.')[0]}.AAAA`).expect(400);
    expect(forged.body).toMatchObject({ details: { code: 'passwordReset.invalid' } });
    await confirm('not-a-token').expect(400);

    clock.advance(61 * 60 * 1000);
    try {
      const expired = await confirm(token).expect(410);
      expect(expired.body).toMatchObject({
        message: 'This password-reset link has expired; ask for a new one',
        details: { code: 'passwordReset.expired' },
      });
    } finally {
      clock.set(new Date());
    }
    await signIn(t, user.email);
  });

  it('holds the new password to the same rules as a password change, and the link stays usable', async () => {
    const { user } = await makeUser(t);
    await requestReset(user.email).expect(202);
    const { token } = await resetMail(user.email);
    const weak = await confirm(token, 'password1').expect(400);
    expect(weak.body.details).toEqual([
      {
        field: 'password',
        code: 'common_password',
        params: {},
        problems: ['password is one of the most common passwords; choose another'],
      },
    ]);
    await confirm(token, 'short').expect(400);
    await confirm(token).expect(200);
  });

  it('does nothing for an invited address: only an admin re-issues an invitation, so the link sent stays good', async () => {
    const admin = await makeUser(t, { role: 'admin' });
    await admin.as
      .post('/api/v1/users')
      .send({ email: 'invited-forgot@example.org', name: 'Invited Person', role: 'member' })
      .expect(201);
    await sink.waitFor('invited-forgot@example.org');
    const invitations = () => sink.messages.filter((m) => m.to.includes('invited-forgot@example.org'));
    clock.advance(1000); // the invitation job's id carries the time; the test clock otherwise stands still
    await requestReset('invited-forgot@example.org').expect(202);
    // A reset asked for after it reaches its reader: the queue has moved past the invited address's request.
    const { user } = await makeUser(t);
    await requestReset(user.email).expect(202);
    await resetMail(user.email);
    expect(invitations()).toHaveLength(1);
    const link = /\/invitation\?token=([A-Za-z0-9_.%-]+)/.exec(readMail(invitations()[0].raw).text);
    await t
      .http()
      .post('/api/v1/auth/invitations/accept')
      .send({ token: decodeURIComponent(link![1]), password: 'chosen by the invited person' })
      .expect(200);
  });

  it('writes to a Khmer reader in Khmer', async () => {
    const { user } = await makeUser(t, { language: 'km' });
    await requestReset(user.email).expect(202);
    const { mail } = await resetMail(user.email);
    expect(mail.subject).toBe('កំណត់ពាក្យសម្ងាត់ថ្មីសម្រាប់ CJN Tracker');
    expect(mail.text).toMatch(/ប្រើបានតែម្ដង/);
  });

  it('limits requests per e-mail address, known or not, with the same 429', async () => {
    for (const email of ['limited@example.org', 'LIMITED@example.org', 'limited@example.org'].slice(
      0,
      RESET_REQUESTS_PER_EMAIL,
    ))
      await requestReset(email).expect(202);
    const limited = await requestReset('limited@example.org').expect(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.body.message).toMatch(/^Too many password-reset requests; try again in/);
  });

  it('checks the request: an address is required and nothing else is accepted', async () => {
    await t.http().post('/api/v1/auth/password-reset').send({}).expect(400);
    await t.http().post('/api/v1/auth/password-reset').send({ email: 'a@example.org', admin: true }).expect(400);
    await request(t.server).post('/api/v1/auth/password-reset/confirm').send({ password: NEW_PASSWORD }).expect(400);
  });
});

describe('forgotten password on a server without e-mail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ overrides: { smtpUrl: undefined } });
  });
  afterAll(() => t.close());

  it('says that no e-mail can be sent, in the same words for a known and an unknown address', async () => {
    const { user } = await makeUser(t);
    const known = await t.http().post('/api/v1/auth/password-reset').send({ email: user.email }).expect(202);
    const unknown = await t
      .http()
      .post('/api/v1/auth/password-reset')
      .send({ email: 'nobody-here@example.org' })
      .expect(202);
    expect(known.body).toEqual({ emailConfigured: false });
    expect(unknown.text).toBe(known.text);
  });
});
