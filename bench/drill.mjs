// bench/drill: the fault drill as a script. 1,000 e-mail reminders fall due over a few minutes, each to
// its own person, through a loopback SMTP sink that refuses 30 % of attempts; meanwhile a worker is
// killed with SIGKILL twice and Redis is flushed once (a Redis of the drill's own). It prints due,
// delivered once, duplicated and lost, and names the cause of any duplicate.
//
// One API process and two worker processes (APP_ROLE=worker) of the built app, on a database of their own.
// BENCH_DRILL_PG_RESTART=1 also restarts PostgreSQL once (`pg_ctlcluster 15 main restart`): every other
// program using this PostgreSQL (other test runs) loses its connections then, so it is off by default.
// BENCH_DRILL_REMINDERS (default 1000 × BENCH_SCALE), BENCH_DRILL_MINUTES (default 3).
import { execFileSync } from 'node:child_process';
import { Redis } from 'ioredis';
import pg from 'pg';
import {
  apiToken,
  dbUrl,
  freePort,
  printMachine,
  printTable,
  privateRedis,
  recreateDatabase,
  requireBuild,
  scale,
  sleep,
  startApp,
} from './support.mjs';
import { SmtpSink } from './sinks.mjs';
import { api, concurrently } from './reminders.mjs';
import { concurrentEdits, mixedTraffic } from './editing.mjs';

const DB = process.env.BENCH_DRILL_DB ?? 'cjn_bench_drill';
const OFFSET_MS = 30 * 60_000;

export async function benchDrill() {
  requireBuild();
  const n = Number(process.env.BENCH_DRILL_REMINDERS ?? Math.max(50, Math.round(1000 * scale())));
  const windowMs = Number(process.env.BENCH_DRILL_MINUTES ?? 3) * 60_000;
  const waitMs = Number(process.env.BENCH_DRILL_WAIT_SECONDS ?? 900) * 1000;
  const restartPg = process.env.BENCH_DRILL_PG_RESTART === '1';
  const redis = await privateRedis();
  const smtp = await new SmtpSink({ refuseShare: 0.3 }).start();
  await recreateDatabase(DB);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: dbUrl(DB),
    REDIS_URL: redis.url,
    PUBLIC_URL: base,
    SMTP_URL: smtp.url,
    RECONCILE_INTERVAL_SECONDS: '5',
  };
  const apiApp = await startApp({ ...env, APP_ROLE: 'api', PORT: String(port) });
  const workers = [await startApp({ ...env, APP_ROLE: 'worker' }), await startApp({ ...env, APP_ROLE: 'worker' })];
  const events = [];
  const note = (what) => {
    events.push({ at: Date.now(), what });
    console.log(`drill: ${new Date().toISOString()} ${what}`);
  };
  let db = new pg.Client({ connectionString: dbUrl(DB) });
  await db.connect();
  const rows = [];
  try {
    // People (one per reminder, e-mail only), an opportunity nobody owns, a coordinator's token.
    const org = (
      await db.query(`INSERT INTO organizations (name, kind) VALUES ('Drill network', 'network') RETURNING id`)
    ).rows[0].id;
    const prefs = JSON.stringify({ channels: ['email'], quietHours: null, digest: 'off' });
    const people = (
      await db.query(
        `INSERT INTO users (email, name, role, organization_id, notification_preferences)
         SELECT 'drill-' || i || '@bench.cjn.test', 'Drill person ' || i, 'member', $2, $3::jsonb FROM generate_series(1, $1) i
         RETURNING id, email`,
        [n, org, prefs],
      )
    ).rows;
    const coordinator = (
      await db.query(
        `INSERT INTO users (email, name, role, organization_id, notification_preferences)
         VALUES ('drill-coordinator@bench.cjn.test', 'Drill coordinator', 'coordinator', $1, $2) RETURNING id`,
        [org, prefs],
      )
    ).rows[0].id;
    const opportunity = (
      await db.query(
        `INSERT INTO opportunities (title, visibility, stage) VALUES ('Drill call', 'network', 'preparing') RETURNING id`,
      )
    ).rows[0].id;
    const call = api(base, await apiToken(db, coordinator));

    const start = Date.now() + 20_000 + n * 15;
    console.log(`drill: ${n} e-mail reminders due from ${new Date(start).toISOString()} over ${windowMs / 60_000} min`);
    await concurrently(n, 8, async (i) => {
      await call('POST', '/api/v1/deadlines', {
        subjectType: 'opportunity',
        subjectId: opportunity,
        title: `Drill ${i}`,
        kind: 'internal',
        dueAt: new Date(start + Math.floor((i * windowMs) / n) + OFFSET_MS).toISOString(),
        timeZone: 'Asia/Phnom_Penh',
        assigneeIds: [people[i].id],
        reminderOffsets: ['PT30M'],
      });
    });

    const kill = async (index) => {
      note(`SIGKILL worker ${index + 1} (pid ${workers[index].pid})`);
      workers[index].child.kill('SIGKILL');
      await workers[index].exited;
      await sleep(2000);
      workers[index] = await startApp({ ...env, APP_ROLE: 'worker' });
      note(`worker ${index + 1} restarted (pid ${workers[index].pid})`);
    };
    const faults = [
      [0.2, () => kill(0)],
      [
        0.4,
        async () => {
          const client = new Redis(redis.url);
          await client.flushall();
          client.disconnect();
          note('FLUSHALL on the drill’s Redis');
        },
      ],
      [0.6, () => kill(1)],
    ];
    if (restartPg) {
      faults.push([
        0.8,
        async () => {
          note('restarting PostgreSQL (pg_ctlcluster 15 main restart)');
          await db.end().catch(() => {});
          execFileSync('pg_ctlcluster', ['15', 'main', 'restart'], { stdio: 'inherit' });
          db = new pg.Client({ connectionString: dbUrl(DB) });
          await db.connect();
          note('PostgreSQL is back');
        },
      ]);
    }
    for (const [share, fault] of faults) {
      await sleep(Math.max(0, start + share * windowMs - Date.now()));
      await fault();
    }
    await sleep(Math.max(0, start + windowMs - Date.now()));
    note('last reminder due; waiting for retries to finish');
    const until = Date.now() + waitMs;
    const open = async () =>
      Number(
        (
          await db.query(
            `SELECT (SELECT count(*) FROM reminders WHERE status = 'scheduled')
                  + (SELECT count(*) FROM deliveries WHERE status IN ('pending', 'sending')) AS open`,
          )
        ).rows[0].open,
      );
    let last = -1;
    for (;;) {
      const left = await open();
      if (left === 0 || Date.now() > until) break;
      if (left !== last) console.log(`drill: ${left} reminders or deliveries still open`);
      last = left;
      await sleep(2000);
    }
    note('counting');

    const accepted = new Map();
    for (const m of smtp.accepted) for (const to of m.to) accepted.set(to, [...(accepted.get(to) ?? []), m.at]);
    const counts = { once: 0, duplicated: [], lost: [] };
    for (const p of people) {
      const times = accepted.get(p.email) ?? [];
      if (times.length === 1) counts.once += 1;
      else if (times.length > 1) counts.duplicated.push({ ...p, times });
      else counts.lost.push(p);
    }
    const statuses = (
      await db.query(`SELECT status, count(*)::int AS n FROM deliveries GROUP BY status ORDER BY status`)
    ).rows.map((r) => `${r.status} ${r.n}`);
    const reminderStatuses = (
      await db.query(`SELECT status, count(*)::int AS n FROM reminders GROUP BY status ORDER BY status`)
    ).rows.map((r) => `${r.status} ${r.n}`);
    const kills = events.filter((e) => e.what.startsWith('SIGKILL'));
    const causes = counts.duplicated.map((d) => {
      const killed = kills.find((k) => k.at >= d.times[0] - 1000 && k.at <= d.times[0] + 5000);
      return killed
        ? `${d.email}: ${d.times.length} copies; first accepted ${killed.at - d.times[0]} ms before "${killed.what}" — a crash between the SMTP server's accept and the commit`
        : `${d.email}: ${d.times.length} copies; no crash near it — unexplained`;
    });
    rows.push({ figure: 'e-mail reminders due', measured: n, goal: null, met: null });
    rows.push({ figure: 'delivered once', measured: counts.once, goal: String(n), met: counts.once === n });
    rows.push({
      figure: 'duplicated',
      measured: counts.duplicated.length,
      goal: '0 unexplained',
      met: causes.every((c) => !c.endsWith('unexplained')),
    });
    rows.push({ figure: 'lost', measured: counts.lost.length, goal: '0', met: counts.lost.length === 0 });
    rows.push({
      figure: 'SMTP attempts refused (30 % asked)',
      measured: `${smtp.refused} of ${smtp.refused + smtp.accepted.length}`,
      goal: null,
      met: null,
    });
    rows.push({ figure: 'delivery rows', measured: statuses.join(', '), goal: null, met: null });
    rows.push({ figure: 'reminder rows', measured: reminderStatuses.join(', '), goal: null, met: null });
    rows.push({
      figure: 'faults',
      measured: `${kills.length} × SIGKILL worker, 1 × FLUSHALL${restartPg ? ', 1 × PostgreSQL restart' : ' (PostgreSQL restart off; BENCH_DRILL_PG_RESTART=1)'}`,
      goal: null,
      met: null,
    });
    for (const c of causes) console.log(`drill: duplicate ${c}`);
    for (const p of counts.lost.slice(0, 20)) console.log(`drill: lost ${p.email}`);

    const token = await apiToken(db, coordinator);
    note('20 concurrent edits of one section');
    const edits = await concurrentEdits(base, token, org);
    rows.push({
      figure: `concurrent edits of one section: lost updates (${edits.writers} writers, ${edits.conflicts} × 409 retried)`,
      measured: edits.lost,
      goal: '0',
      met: edits.lost === 0 && edits.linear,
    });
    rows.push({
      figure: 'revision history after the concurrent edits',
      measured: edits.linear ? `linear, versions 1–${edits.version}` : 'NOT linear',
      goal: 'linear',
      met: edits.linear,
    });
    const users = Number(process.env.BENCH_MIXED_USERS ?? 100);
    const seconds = Number(process.env.BENCH_MIXED_SECONDS ?? 60);
    note(`${users} simulated users for ${seconds} s`);
    const mixed = await mixedTraffic(base, token, org, users, seconds);
    rows.push({
      figure: `${users} simulated users, ${seconds} s of mixed traffic: errors (of ${mixed.requests}, ${Math.round(mixed.perSecond)} req/s)`,
      measured: `${mixed.errors}${mixed.errors ? ` ${JSON.stringify(mixed.errorsByStatus)}` : ''}`,
      goal: '0',
      met: mixed.errors === 0,
    });
    rows.push({
      figure: 'mixed traffic latency p50 / p99',
      measured: `${Math.round(mixed.p50)} ms / ${Math.round(mixed.p99)} ms`,
      goal: null,
      met: null,
    });
  } finally {
    await db.end().catch(() => {});
    for (const w of workers) await w.stop();
    await apiApp.stop();
    await redis.stop();
    await smtp.stop();
  }
  printMachine();
  printTable(`bench/drill (${n} e-mail reminders over ${windowMs / 60_000} min; 1 API + 2 workers)`, rows);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchDrill().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
