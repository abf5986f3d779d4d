import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { loadConfig } from '../src/config/app-config.js';
import { preflight } from '../src/preflight.js';
import { createTestDatabase, databaseUrl, dropDatabase } from './support/databases.js';
import { startRedisServer } from './support/redis-server.js';

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
    const redis = await startRedisServer(args);
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
