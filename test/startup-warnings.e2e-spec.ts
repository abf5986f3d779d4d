import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '../src/app.factory.js';
import { DEMO_PASSWORD, loadConfig } from '../src/config/app-config.js';
import { PublishedPasswords } from '../src/users/published-passwords.service.js';
import { UsersService } from '../src/users/users.service.js';
import { type Actor, makeUser } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** What the app finds once at start-up, shown to admins on /health (the log lines: process.e2e-spec.ts). */
describe('warnings found at start-up, on the admin’s health view', () => {
  let t: TestApp;
  let admin: Actor;
  let restarted: NestExpressApplication | undefined;
  beforeAll(async () => {
    t = await startTestApp({ overrides: { appRole: 'api' } });
    admin = await makeUser(t, { role: 'admin', email: 'the-admin@example.org' });
  });
  afterAll(async () => {
    await restarted?.close();
    await t.close();
  });

  /** The same database and Redis prefix, as after a restart: the start-up checks run again. */
  async function restart(env: { adminEmail?: string; adminPassword?: string } = {}) {
    await restarted?.close();
    const config = loadConfig(
      {},
      {
        databaseUrl: t.config.databaseUrl,
        queuePrefix: t.config.queuePrefix,
        logLevel: 'silent',
        nodeEnv: 'test',
        appRole: 'api',
        ...env,
      },
    );
    restarted = await createApp(config, { clock: t.clock });
    await restarted.init();
    await restarted.get(PublishedPasswords).checked();
    return restarted;
  }
  const health = async (app: NestExpressApplication) =>
    (await request(app.getHttpServer()).get('/health').set('Authorization', `Bearer ${admin.token}`).expect(200))
      .body as { warnings: { code: string; message: string; params: Record<string, unknown> }[] };

  it('has nothing to say when no account has a published password and ADMIN_EMAIL is unset', async () => {
    await t.app.get(PublishedPasswords).checked();
    expect((await health(t.app)).warnings).toEqual([]);
    const member = await makeUser(t);
    expect((await member.as.get('/health').expect(200)).body).toEqual({ status: 'ok' });
  });

  it('names the accounts whose password is the demo seed’s until each has a new one', async () => {
    const users = t.app.get(UsersService);
    for (const email of ['demo-one@example.org', 'demo-two@example.org'])
      await users.create(null, { email, name: 'Demo person', role: 'member', password: DEMO_PASSWORD });
    await users.create(null, {
      email: 'own@example.org',
      name: 'Own',
      role: 'member',
      password: 'my own long password',
    });

    const app = await restart();
    const [warning] = (await health(app)).warnings;
    expect(warning).toMatchObject({
      code: 'published_password',
      params: { accounts: ['demo-one@example.org', 'demo-two@example.org'] },
    });
    expect(warning.message).toMatch(/2 account\(s\) still have a password published in this repository/);

    const [{ id }] = await t.db.query<{ id: string }[]>(`SELECT id FROM users WHERE email = 'demo-one@example.org'`);
    await request(app.getHttpServer())
      .patch(`/api/v1/users/${id}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ password: 'a brand new password' })
      .expect(200);
    expect((await health(app)).warnings).toEqual([
      expect.objectContaining({ code: 'published_password', params: { accounts: ['demo-two@example.org'] } }),
    ]);
  });

  it('says ADMIN_EMAIL was ignored because an admin already existed, and that its password changed nothing', async () => {
    const app = await restart({ adminEmail: 'the-admin@example.org', adminPassword: 'a different admin password' });
    const ignored = (await health(app)).warnings.find((w) => w.code === 'admin_email_ignored');
    expect(ignored).toMatchObject({
      params: { adminEmail: 'the-admin@example.org', reason: 'admin_exists', admins: 1 },
    });
    expect(ignored!.message).toMatch(
      /ADMIN_EMAIL \(the-admin@example\.org\) was ignored: the database already has 1 admin/,
    );
    expect(ignored!.message).toMatch(/ADMIN_PASSWORD changed no account's password/);
    await request(app.getHttpServer())
      .post('/api/v1/auth/login')
      .send({ email: 'the-admin@example.org', password: 'a different admin password' })
      .expect(401);
  });
});
