// bench/rebuild: a copy of the large seed with all of its reminders owed, against a Redis that holds none of
// their jobs (a new Redis, as after FLUSHALL). It measures how long the reconciler takes to queue them all again, and the
// API's latency meanwhile (GET /health every 100 ms). The API and the worker run as separate processes, as
// docker-compose.yml runs them; both on this machine's two CPUs.
import { Redis } from 'ioredis';
import pg from 'pg';
import {
  databaseComment,
  dbUrl,
  freePort,
  percentile,
  printMachine,
  printTable,
  privateRedis,
  QUEUE_PREFIX,
  requireBuild,
  sleep,
  startApp,
} from './support.mjs';
import { BENCH_DB, seedLarge } from './seed-large.mjs';

const REBUILD_DB = process.env.BENCH_REBUILD_DB ?? `${BENCH_DB}_rebuild`;

/**
 * A copy of the seed in which every one of its reminder rows is owed (the seed's past ones moved a year
 * ahead, keeping their spread), so the rebuild measures 1,000,000 pending reminders at full scale, as the goal says.
 */
async function copyWithEveryReminderOwed() {
  const admin = new pg.Client({ connectionString: dbUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${REBUILD_DB}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${REBUILD_DB}" TEMPLATE "${BENCH_DB}"`);
  } finally {
    await admin.end();
  }
  const db = new pg.Client({ connectionString: dbUrl(REBUILD_DB) });
  await db.connect();
  try {
    await db.query(
      `UPDATE reminders SET status = 'scheduled', fired_at = NULL, last_error = NULL,
              fire_at = CASE WHEN fire_at < now() + interval '1 day' THEN fire_at + interval '1 year' ELSE fire_at END
        WHERE status <> 'scheduled' OR fire_at < now() + interval '1 day'`,
    );
    await db.query('VACUUM ANALYZE reminders');
  } finally {
    await db.end();
  }
}

export async function benchRebuild() {
  requireBuild();
  const comment = await databaseComment(BENCH_DB);
  if (!comment?.startsWith('cjn bench seed')) await seedLarge();
  console.log(`rebuild: copying ${BENCH_DB} to ${REBUILD_DB} with every reminder owed`);
  await copyWithEveryReminderOwed();
  const db = new pg.Client({ connectionString: dbUrl(REBUILD_DB) });
  await db.connect();
  const owedNow = async () =>
    Number((await db.query(`SELECT count(*) FROM reminders WHERE status = 'scheduled'`)).rows[0].count);
  const owedAtStart = await owedNow();
  const redis = await privateRedis();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const rows = [];
  const env = {
    DATABASE_URL: dbUrl(REBUILD_DB),
    REDIS_URL: redis.url,
    PUBLIC_URL: base,
    RECONCILE_INTERVAL_SECONDS: '1',
  };
  const api = await startApp({ ...env, PORT: String(port), APP_ROLE: 'api' });
  const worker = await startApp({ ...env, PORT: String(await freePort()), APP_ROLE: 'worker' });
  const client = new Redis(redis.url);
  const started = Date.now();
  const latencies = [];
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const t = performance.now();
      const res = await fetch(`${base}/health`);
      await res.text();
      latencies.push(performance.now() - t);
      await sleep(100);
    }
  })();
  const queued = async () =>
    (await client.zcard(`${QUEUE_PREFIX}:reminders:delayed`)) +
    (await client.llen(`${QUEUE_PREFIX}:reminders:wait`)) +
    (await client.llen(`${QUEUE_PREFIX}:reminders:active`));
  const limitMs = Number(process.env.BENCH_REBUILD_LIMIT_SECONDS ?? 600) * 1000;
  let count;
  let owed;
  let lastPrint = 0;
  try {
    for (;;) {
      // Reminders falling due meanwhile are fired and leave both counts.
      [count, owed] = [await queued(), await owedNow()];
      if (count >= owed || Date.now() - started > limitMs) break;
      if (Date.now() - lastPrint > 5000) {
        console.log(
          `rebuild: ${count} of ${owed} reminder jobs queued after ${Math.round((Date.now() - started) / 1000)} s`,
        );
        lastPrint = Date.now();
      }
      await sleep(250);
    }
  } finally {
    probing = false;
    await probe;
    client.disconnect();
    await db.end();
    await worker.stop();
    await api.stop();
    await redis.stop();
  }
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  rows.push({
    figure: `rebuild the jobs of ${owedAtStart.toLocaleString('en')} owed reminders on a Redis that has none`,
    measured: count >= owed ? `${seconds.toFixed(1)} s` : `${count} of ${owed} after ${seconds.toFixed(0)} s`,
    goal: '< 60 s',
    met: count >= owed && seconds < 60,
  });
  rows.push({
    figure: 'GET /health meanwhile: p50 / p99 / max',
    measured: `${Math.round(percentile(latencies, 50))} / ${Math.round(percentile(latencies, 99))} / ${Math.round(latencies.at(-1) ?? 0)} ms`,
    goal: 'the API is not blocked',
    met: null,
  });
  printMachine({
    seed: `${(await databaseComment(BENCH_DB)) ?? ''}, copied to ${REBUILD_DB} with every reminder owed`,
  });
  printTable('bench/rebuild (an API process and a worker process, reconciler every second)', rows);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchRebuild().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
