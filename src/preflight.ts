import { Redis } from 'ioredis';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source.js';
import { ensureDatabase } from './database/ensure-database.js';
import { redisOptions } from './redis/redis-options.js';

const MIGRATION_LOCK = 7_310_2021;

/**
 * Redis checks the timeouts of blocked commands `hz` times a second, and a delayed BullMQ job waits in
 * such a command: at the default 10 a reminder fired 0–100 ms late (bench/reminders: idle p50 42 ms), at
 * 100 about 8 ms.
 */
const MIN_REDIS_HZ = 100;

export class PreflightError extends Error {}

function where(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? 6379 : 5432)}`;
}

/**
 * Before the app starts: PostgreSQL reachable, database present (created if we may),
 * migrations applied, Redis reachable. Each failure says what to do about it.
 */
export async function preflight(config: AppConfig, log: (line: string) => void): Promise<void> {
  try {
    if ((await ensureDatabase(config.databaseUrl)) === 'created')
      log(`Created database ${new URL(config.databaseUrl).pathname.slice(1)}`);
  } catch (error) {
    throw new PreflightError(
      `PostgreSQL at ${where(config.databaseUrl)} cannot be reached or the database cannot be created (${(error as Error).message}).\n` +
        `Start PostgreSQL (e.g. \`pg_ctlcluster 15 main start\`, \`sudo systemctl start postgresql\` or \`docker compose up -d postgres\`) ` +
        `or set DATABASE_URL.`,
    );
  }

  // Several replicas may start at once: one applies the migrations while the others wait.
  const lock = new pg.Client({ connectionString: config.databaseUrl });
  await lock.connect();
  const db = new DataSource(dataSourceOptions(config.databaseUrl));
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await db.initialize();
    const applied = await db.runMigrations({ transaction: 'each' });
    for (const m of applied) log(`Applied migration ${m.name}`);
  } finally {
    if (db.isInitialized) await db.destroy();
    await lock.end();
  }

  const redis = new Redis({
    ...redisOptions(config.redisUrl),
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const [, policy] = (await redis.config('GET', 'maxmemory-policy').catch(() => [])) as string[];
    if (policy && policy !== 'noeviction') {
      log(`WARNING: Redis maxmemory-policy is ${policy}; set it to noeviction or queued jobs may be evicted.`);
    }
    const [, hz] = (await redis.config('GET', 'hz').catch(() => [])) as string[];
    if (hz && Number(hz) < MIN_REDIS_HZ) {
      log(
        `WARNING: Redis hz is ${hz}; reminders then fire up to ${Math.round(1000 / Number(hz))} ms late. ` +
          `Run redis-server with --hz ${MIN_REDIS_HZ} (as docker-compose.yml does).`,
      );
    }
  } catch (error) {
    throw new PreflightError(
      `Redis at ${where(config.redisUrl)} cannot be reached (${(error as Error).message}).\n` +
        `Start Redis (e.g. \`redis-server --daemonize yes\`, \`sudo systemctl start redis-server\` or \`docker compose up -d redis\`) or set REDIS_URL.`,
    );
  } finally {
    redis.disconnect();
  }
}
