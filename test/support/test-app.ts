import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import type { Clock } from '../../src/common/clock.js';
import { type AppConfig, loadConfig } from '../../src/config/app-config.js';
import { createTestDatabase, databaseUrl, dropDatabase } from './databases.js';
import { testClock } from './test-clock.js';
import { Redis } from 'ioredis';

export interface TestApp {
  app: NestExpressApplication;
  /** The app's clock: the real one, or moved to TEST_CLOCK_START, unless the test gave its own. */
  clock: Clock;
  config: AppConfig;
  db: DataSource;
  http: () => ReturnType<typeof request>;
  server: ReturnType<NestExpressApplication['getHttpServer']>;
  close: () => Promise<void>;
}

/**
 * Boots the real app (same factory as main.ts) on a database of its own and a
 * BullMQ prefix of its own, so test files run in parallel without seeing each other.
 */
export async function startTestApp(options: { overrides?: Partial<AppConfig>; clock?: Clock } = {}): Promise<TestApp> {
  const dbName = await createTestDatabase();
  const config = loadConfig(
    {},
    {
      databaseUrl: databaseUrl(dbName),
      queuePrefix: `test-${randomBytes(4).toString('hex')}`,
      logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
      nodeEnv: 'test',
      ...options.overrides,
    },
  );
  const clock = options.clock ?? testClock();
  const app = await createApp(config, { clock });
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    clock,
    config,
    server,
    db: app.get(DataSource),
    http: () => request(server),
    close: async () => {
      await app.close();
      await dropDatabase(dbName);
      await deleteKeys(config.redisUrl, `${config.queuePrefix}*`);
    },
  };
}

export async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Redis may be the thing a test took down; nothing to clean then.
  } finally {
    redis.disconnect();
  }
}
