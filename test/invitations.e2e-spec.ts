import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeUser, type Actor } from './support/factories.js';
import { decodeQuotedPrintable, SmtpSink } from './support/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('invitations by e-mail', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let admin: Actor;
  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp({ overrides: { smtpUrl: sink.url, mailFrom: 'CJN Tracker <tracker@cjn.example>' } });
    admin = await makeUser(t, { role: 'admin' });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('e-mails an invitation whose link lets the new user choose a password and sign in', async () => {
    const res = await admin.as
      .post('/api/v1/users')
      .send({ email: 'sreymom@example.org', name: 'Sreymom Ly', role: 'member' })
      .expect(201);
    expect(res.body.invitation).toEqual({ delivery: 'email' });
    expect(JSON.stringify(res.body)).not.toMatch(/token/);

    const mail = await sink.waitFor('sreymom@example.org');
    expect(mail.from).toBe('tracker@cjn.example');
    const body = decodeQuotedPrintable(mail.raw);
    expect(body).toMatch(/Subject: You are invited to CJN Tracker/);
    const token = /invitation\?token=([A-Za-z0-9_-]+)/.exec(body)?.[1];
    expect(token).toBeDefined();

    await t.http().post('/api/v1/auth/invitations/accept').send({ token, password: 'chosen by sreymom' }).expect(200);
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'sreymom@example.org', password: 'chosen by sreymom' })
      .expect(200);
  });

  it('retries when the mail server refuses at first, and delivers once', async () => {
    sink.refuseNext(1);
    await admin.as
      .post('/api/v1/users')
      .send({ email: 'retry@example.org', name: 'Retry Person', role: 'viewer' })
      .expect(201);
    await sink.waitFor('retry@example.org', 20_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.messages.filter((m) => m.to.includes('retry@example.org'))).toHaveLength(1);
  });
});
