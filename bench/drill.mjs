// bench/drill: the fault drill as a script. 1,000 e-mail reminders fall due over a few minutes, each to
// its own person, through a loopback SMTP sink that takes 1 s per message and refuses 30 %; meanwhile a worker is
// killed with SIGKILL twice, Redis is flushed once and PostgreSQL is stopped for 10 s and started again
// (a Redis and a PostgreSQL cluster of the drill's own). It prints due, delivered once, duplicated and
// lost, and names the cause of any duplicate with its row in the ledger.
//
// One API process and two worker processes (APP_ROLE=worker) of the built app, on a database of their own.
// BENCH_DRILL_REMINDERS (default 1000 × BENCH_SCALE), BENCH_DRILL_MINUTES (default 3),
// BENCH_DRILL_PG_DOWN_SECONDS (default 10; 0 leaves PostgreSQL alone), BENCH_DRILL_SMTP_MS (default 1000:
// the SMTP sink's answer to MAIL FROM, so that messages are in flight when PostgreSQL stops).
import { Redis } from 'ioredis';
import pg from 'pg';
import {
  apiToken,
  freePort,
  printMachine,
  printTable,
  privatePostgres,
  privateRedis,
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
  const pgDownMs = Number(process.env.BENCH_DRILL_PG_DOWN_SECONDS ?? 10) * 1000;
  const smtpMs = Number(process.env.BENCH_DRILL_SMTP_MS ?? 1000);
  const started = [];
  const own = (thing) => (started.push(thing), thing);
  const postgres = own(await privatePostgres());
  const dbUrl = postgres.url;
  const events = [];
  const note = (what) => {
    events.push({ at: Date.now(), what });
    console.log(`drill: ${new Date().toISOString()} ${what}`);
  };
  let db = null;
  const rows = [];
  try {
    const redis = own(await privateRedis());
    const smtp = own(await new SmtpSink({ refuseShare: 0.3, envelopeMs: smtpMs }).start());
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      DATABASE_URL: dbUrl(DB),
      REDIS_URL: redis.url,
      PUBLIC_URL: base,
      SMTP_URL: smtp.url,
      RECONCILE_INTERVAL_SECONDS: '5',
    };
    own(await startApp({ ...env, APP_ROLE: 'api', PORT: String(port) }));
    const workers = [];
    const startWorker = async (index) => {
      workers[index] = await startApp({ ...env, APP_ROLE: 'worker' });
      return workers[index];
    };
    own({
      stop: async () => {
        for (const w of workers) await w?.stop();
      },
    });
    await startWorker(0);
    await startWorker(1);
    db = new pg.Client({ connectionString: dbUrl(DB) });
    await db.connect();
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
      await startWorker(index);
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
    if (pgDownMs) {
      faults.push([
        0.8,
        async () => {
          note(`stopping the drill’s PostgreSQL for ${pgDownMs / 1000} s`);
          await db.end().catch(() => {});
          await postgres.restart(pgDownMs);
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
    const outage = pgOutage(events);
    const ledger = await ledgerOf(
      db,
      counts.duplicated.map((d) => d.email),
    );
    const causes = counts.duplicated.map((d) => {
      const killed = kills.find((k) => k.at >= d.times[0] - 1000 && k.at <= d.times[0] + 5000);
      const row = ledger.get(d.email);
      const copies = `${d.email}: ${d.times.length} copies at ${d.times.map((t) => new Date(t).toISOString()).join(', ')}; ledger: ${row ? JSON.stringify(row) : 'no row'}`;
      if (killed)
        return `${copies}; first accepted ${killed.at - d.times[0]} ms before "${killed.what}" — a crash between the SMTP server's accept and the commit`;
      if (outage && d.times[0] >= outage.from - 5000 && d.times[0] <= outage.to)
        return `${copies}; first accepted while PostgreSQL was down — sent, not recorded, and sent again: unexplained`;
      return `${copies}; no crash near it — unexplained`;
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
    const unrecorded = workers
      .map((w) => w.output().match(/was sent but could not be recorded/g)?.length ?? 0)
      .reduce((a, b) => a + b, 0);
    rows.push({
      figure: 'sent while PostgreSQL was down, not recorded at once (in the running workers’ logs)',
      measured: unrecorded,
      goal: null,
      met: null,
    });
    rows.push({
      figure: 'faults',
      measured: `${kills.length} × SIGKILL worker, 1 × FLUSHALL, ${outage ? `PostgreSQL down ${Math.round((outage.to - outage.from) / 1000)} s` : 'PostgreSQL left alone (BENCH_DRILL_PG_DOWN_SECONDS=0)'}`,
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
    await db?.end().catch(() => {});
    // Workers and API first, then Redis, the SMTP sink and PostgreSQL (stopped and its directory removed).
    for (const thing of started.reverse()) await thing.stop();
  }
  printMachine();
  printTable(`bench/drill (${n} e-mail reminders over ${windowMs / 60_000} min; 1 API + 2 workers)`, rows);
  return rows;
}

/** When the drill's PostgreSQL was stopped and when it was back, from the drill's notes. */
function pgOutage(events) {
  const from = events.find((e) => e.what.startsWith('stopping the drill’s PostgreSQL'))?.at;
  const to = events.find((e) => e.what === 'PostgreSQL is back')?.at;
  return from && to ? { from, to } : null;
}

/** The delivery row of each address, as the ledger has it. */
async function ledgerOf(db, emails) {
  const { rows } = await db.query(
    `SELECT address, status, attempts, claimed_at, sent_at, last_error, provider_message_id FROM deliveries WHERE address = ANY($1)`,
    [emails],
  );
  return new Map(rows.map(({ address, ...row }) => [address, row]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchDrill().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
