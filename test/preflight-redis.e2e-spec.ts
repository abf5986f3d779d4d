import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { loadConfig } from '../src/config/app-config.js';
import { preflight } from '../src/preflight.js';
import { createTestDatabase, databaseUrl, dropDatabase } from './support/databases.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** A Redis of this test's own, started as given (its `hz` is what the test is about). */
async function redisServer(args: string[]): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...args], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    const up = await probe.connect().then(
      () => true,
      () => false,
    );
    probe.disconnect();
    if (up) return { url, process: child };
    if (tries > 100) throw new Error('redis-server did not start');
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe('the start-up checks of Redis', () => {
  let dbName: string;
  const servers: ChildProcess[] = [];

  beforeAll(async () => {
    dbName = await createTestDatabase();
  });
  afterAll(async () => {
    for (const server of servers) server.kill('SIGTERM');
    await dropDatabase(dbName);
  });

  const warningsWith = async (args: string[]): Promise<string[]> => {
    const redis = await redisServer(args);
    servers.push(redis.process);
    const lines: string[] = [];
    await preflight(
      loadConfig({}, { databaseUrl: databaseUrl(dbName), redisUrl: redis.url, nodeEnv: 'test' }),
      (line) => lines.push(line),
    );
    return lines.filter((line) => line.startsWith('WARNING'));
  };

  it('warns that reminders fire late on a Redis that wakes delayed jobs only 10 times a second', async () => {
    expect(await warningsWith(['--hz', '10', '--maxmemory-policy', 'noeviction'])).toEqual([
      'WARNING: Redis hz is 10; reminders then fire up to 100 ms late. Run redis-server with --hz 100 (as docker-compose.yml does).',
    ]);
  });

  it('says nothing of a Redis run as docker-compose.yml runs it', async () => {
    expect(await warningsWith(['--hz', '100', '--maxmemory-policy', 'noeviction'])).toEqual([]);
  });
});
