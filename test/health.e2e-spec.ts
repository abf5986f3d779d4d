import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { type Actor, makeUser } from './support/factories.js';
import { SmtpSink } from './support/smtp-sink.js';
import { TelegramFake } from './support/telegram-fake.js';
import { startRedisServer } from './support/redis-server.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('/health', () => {
  let t: TestApp;
  let redis: ChildProcess;
  let admin: Actor;
  beforeAll(async () => {
    const server = await startRedisServer();
    redis = server.process;
    t = await startTestApp({ overrides: { redisUrl: server.url, appRole: 'api' } });
    admin = await makeUser(t, { role: 'admin' });
  });
  afterAll(async () => {
    await t.close();
    redis.kill('SIGKILL');
  });

  it('reports PostgreSQL and Redis up to an admin, then 503 when Redis goes away', async () => {
    const up = await admin.as.get('/health').expect(200);
    expect(up.body).toMatchObject({ status: 'ok', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } });
    expect(await t.http().get('/health').expect(200)).toHaveProperty('body', { status: 'ok' });

    redis.kill('SIGKILL');
    await new Promise((resolve) => redis.once('exit', resolve));
    const down = await admin.as.get('/health').expect(503);
    expect(down.body).toMatchObject({
      status: 'error',
      checks: { postgres: { status: 'up' }, redis: { status: 'down' } },
    });
    expect(await t.http().get('/health').expect(503)).toHaveProperty('body', { status: 'error' });
  });

  it('tells anyone else only up or down, never its internals', async () => {
    const member = await makeUser(t, { role: 'member' });
    const res = await member.as.get('/health');
    expect(res.body).toEqual({ status: expect.stringMatching(/^(ok|error)$/) });
  });
});

describe('/health for an admin: mail, Telegram and the last backup', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let telegram: TelegramFake;
  let admin: Actor;
  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    telegram = await new TelegramFake().start();
    t = await startTestApp({
      overrides: {
        smtpUrl: smtp.url,
        telegramBotToken: telegram.token,
        telegramApiBaseUrl: telegram.url,
        appRole: 'api',
      },
    });
    admin = await makeUser(t, { role: 'admin' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
    await telegram.stop();
  });

  it('says e-mail and Telegram answer, and that no backup ran yet', async () => {
    const res = await admin.as.get('/health').expect(200);
    expect(res.body.checks).toMatchObject({ email: { status: 'up' }, telegram: { status: 'up' } });
    expect(res.body.lastBackup).toBeNull();
    expect(telegram.calls.map((c) => c.method)).toContain('getMe');
  });

  it('names the last backup once one ran', async () => {
    await t.db.query(
      `INSERT INTO backup_runs (file_name, size_bytes, migration_head, created_at) VALUES ('cjn-backup-a.tar.gz', 1000, NULL, now() - interval '2 days'), ('cjn-backup-b.tar.gz', 2048, NULL, now() - interval '1 hour')`,
    );
    const res = await admin.as.get('/health').expect(200);
    expect(res.body.lastBackup).toMatchObject({ file: 'cjn-backup-b.tar.gz', sizeBytes: 2048, at: expect.any(String) });
  });

  it('says when the mail server or Telegram cannot be reached, while the core still answers 200', async () => {
    await smtp.stop();
    await telegram.stop();
    const res = await admin.as.get('/health').expect(200);
    expect(res.body.checks.email).toMatchObject({ status: 'down', error: expect.any(String) });
    expect(res.body.checks.telegram).toMatchObject({ status: 'down', error: expect.any(String) });
  });
});
