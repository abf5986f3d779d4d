import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { type Actor, makeUser } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('Ready to accept') && resolve());
    child.on('error', reject);
  });
  return child;
}

describe('/health', () => {
  let t: TestApp;
  let redis: ChildProcess;
  let admin: Actor;
  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    t = await startTestApp({ overrides: { redisUrl: `redis://127.0.0.1:${port}`, appRole: 'api' } });
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
    expect(down.body).toMatchObject({ status: 'error', checks: { postgres: { status: 'up' }, redis: { status: 'down' } } });
    expect(await t.http().get('/health').expect(503)).toHaveProperty('body', { status: 'error' });
  });

  it('tells anyone else only up or down, never its internals', async () => {
    const member = await makeUser(t, { role: 'member' });
    const res = await member.as.get('/health');
    expect(res.body).toEqual({ status: expect.stringMatching(/^(ok|error)$/) });
  });
});
