import { afterAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrl, dropDatabase } from './support/databases.js';
import { freePort, startAppProcess } from './support/app-process.js';

describe('the app as a process (npm start)', () => {
  const dbName = `cjn_test_process_${randomBytes(4).toString('hex')}`;
  afterAll(() => dropDatabase(dbName));

  it('creates a missing database, applies migrations, serves, and exits cleanly on SIGTERM within 10 s', async () => {
    const port = await freePort();
    const app = startAppProcess({
      DATABASE_URL: databaseUrl(dbName),
      PORT: String(port),
      QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
      ADMIN_EMAIL: 'first-admin@cjn.example',
      ADMIN_PASSWORD: 'first admin password',
      LOG_LEVEL: 'info',
    });
    await app.waitFor(/API on /);
    expect(app.output()).toMatch(/Created database/);
    expect(app.output()).toMatch(/Applied migration Foundation/);

    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'first-admin@cjn.example', password: 'first admin password' }),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { role: string }).role).toBe('admin');

    // Secrets in URLs never reach the log: a calendar feed, a signed link, a reset and an invitation page.
    const secret = 'Zm9vYmFyc2VjcmV0dG9rZW4';
    for (const path of [
      `/api/v1/calendar/${secret}.ics`,
      `/api/v1/links/${secret}`,
      `/reset-password?token=${secret}`,
      `/invitations/${secret}`,
    ])
      await fetch(`http://127.0.0.1:${port}${path}`);
    await app.waitFor(/invitations\/\[redacted\]/);
    expect(app.output()).toContain('/api/v1/calendar/[redacted].ics');
    expect(app.output()).not.toContain(secret);

    const started = Date.now();
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('runs as a worker only with APP_ROLE=worker (no HTTP) and stops on SIGTERM', async () => {
    const port = await freePort();
    const worker = startAppProcess({
      DATABASE_URL: databaseUrl(dbName),
      APP_ROLE: 'worker',
      PORT: String(port),
      QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    });
    await worker.waitFor(/Worker started/);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  });

  it('says which service is unreachable and how to start it, and exits non-zero', async () => {
    const port = await freePort();
    const app = startAppProcess({
      DATABASE_URL: databaseUrl(dbName),
      REDIS_URL: `redis://127.0.0.1:${port}`,
      PORT: String(await freePort()),
    });
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/Redis at 127\.0\.0\.1:\d+ cannot be reached/);
    expect(app.output()).toMatch(/Start Redis/);

    const pg = startAppProcess({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/x` });
    expect(await pg.exited).toBe(1);
    expect(pg.output()).toMatch(/PostgreSQL at 127\.0\.0\.1:\d+ cannot be reached/);
  });

  it('refuses to start with invalid configuration, naming the variable', async () => {
    const app = startAppProcess({ APP_ROLE: 'everything', PORT: 'eighty' });
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/APP_ROLE: .*api, worker, all/);
    expect(app.output()).toMatch(/PORT: /);
    expect(app.output()).not.toMatch(/\n\s+at /);
  });

  it('says when its port is taken and how to choose another', async () => {
    const port = await freePort();
    const squatter = createServer().listen(port);
    await new Promise((r) => squatter.once('listening', r));
    try {
      const app = startAppProcess({
        DATABASE_URL: databaseUrl(dbName),
        PORT: String(port),
        QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
      });
      expect(await app.exited).toBe(1);
      expect(app.output()).toMatch(new RegExp(`Port ${port} is already in use`));
      expect(app.output()).toMatch(/set PORT/);
      expect(app.output()).not.toMatch(/\n\s+at /);
    } finally {
      squatter.close();
    }
  });

  it('reads .env from its working directory, with the environment winning over the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cjn-dotenv-'));
    const [filePort, envPort] = [await freePort(), await freePort()];
    writeFileSync(
      join(dir, '.env'),
      [
        `DATABASE_URL=${databaseUrl(dbName)}`,
        `PORT=${filePort}`,
        `PUBLIC_URL=http://cjn.lan:${filePort}`,
        `QUEUE_PREFIX=test-${randomBytes(4).toString('hex')}`,
      ].join('\n'),
    );
    const app = startAppProcess({ PORT: String(envPort) }, { cwd: dir });
    await app.waitFor(/API on /);
    expect(app.output()).toMatch(new RegExp(`API on http://cjn\\.lan:${filePort}/api/v1`));
    expect((await fetch(`http://127.0.0.1:${envPort}/health`)).status).toBe(200);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  });

  it('refuses the development session secret in production, naming the variable', async () => {
    const app = startAppProcess({ NODE_ENV: 'production', SESSION_SECRET: 'change-me-to-a-long-random-string' });
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/SESSION_SECRET: set a long random value/);
  });

  it('will not load the demo network in production unless forced', async () => {
    const seed = startAppProcess(
      { NODE_ENV: 'production', SESSION_SECRET: randomBytes(24).toString('hex'), DATABASE_URL: databaseUrl(dbName) },
      { script: 'dist/src/seed/seed.js' },
    );
    expect(await seed.exited).toBe(1);
    expect(seed.output()).toMatch(/refused: NODE_ENV is production/);
    expect(seed.output()).toMatch(/npm run seed -- --force/);
  });

  it('warns in its log at start-up of accounts with a published password, and of an ADMIN_EMAIL it ignored', async () => {
    const warnDb = `cjn_test_process_${randomBytes(4).toString('hex')}`;
    const started: ReturnType<typeof startAppProcess>[] = [];
    const start = async (adminEmail: string, adminPassword: string) => {
      const app = startAppProcess({
        DATABASE_URL: databaseUrl(warnDb),
        PORT: String(await freePort()),
        QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
        ADMIN_EMAIL: adminEmail,
        ADMIN_PASSWORD: adminPassword,
      });
      started.push(app);
      return app;
    };
    const stop = async (app: ReturnType<typeof startAppProcess>) => {
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    };
    try {
      // Outside production the demo password is accepted for ADMIN_PASSWORD, and then warned about.
      const first = await start('demo-admin@cjn.example', 'cjn-demo-password');
      await first.waitFor(/still have a password published in this repository/);
      expect(first.output()).toMatch(/1 account\(s\) still have a password published .*demo-admin@cjn\.example/);
      await stop(first);

      const second = await start('another-admin@cjn.example', 'another admin password');
      await second.waitFor(/ADMIN_EMAIL \(another-admin@cjn\.example\) was ignored/);
      expect(second.output()).toMatch(/the database already has 1 admin\(s\)/);
      await second.waitFor(/still have a password published/);
      await stop(second);
    } finally {
      for (const app of started) if (app.child.exitCode === null) app.child.kill('SIGKILL');
      await dropDatabase(warnDb);
    }
  });
});
