// bench/reminders: scheduling and rescheduling deadlines, a burst of in-app reminders due at one
// instant, and the idle lateness of single reminders on each channel (e-mail to a loopback SMTP sink,
// Telegram to a loopback fake). One app process, APP_ROLE=all, on a database and a Redis of its own.
//
// BENCH_SCALE scales the 10,000 deadlines (and the burst); BENCH_LATENESS_SAMPLES (default 30) is the
// number of single reminders per channel; BENCH_BULK_SIZE (default 1000) the deadlines per bulk request and
// BENCH_BULK_CLIENTS (default 4) the bulk requests in flight.
import { Queue } from 'bullmq';
import pg from 'pg';
import {
  apiToken,
  dbUrl,
  freePort,
  ms,
  percentile,
  printMachine,
  printTable,
  privateRedis,
  QUEUE_PREFIX,
  recreateDatabase,
  requireBuild,
  scale,
  sleep,
  startApp,
  waitUntil,
} from './support.mjs';
import { SmtpSink, TelegramFake } from './sinks.mjs';

const DB = process.env.BENCH_REMINDERS_DB ?? 'cjn_bench_reminders';
const BULK_SIZE = Number(process.env.BENCH_BULK_SIZE ?? 1000);
const BULK_CLIENTS = Number(process.env.BENCH_BULK_CLIENTS ?? 4);
const SAMPLES = Number(process.env.BENCH_LATENESS_SAMPLES ?? 30);
const OFFSET_MS = 30 * 60_000; // every deadline here reminds once, 30 minutes (PT30M) before it is due

/**
 * A small network for reminder benchmarks: a coordinator who calls the API, one person per channel,
 * and an opportunity nobody owns (so its deadlines remind only their assignees).
 */
export async function smallNetwork(db) {
  const prefs = (channels) => JSON.stringify({ channels, quietHours: null, digest: 'off' });
  const org = (
    await db.query(
      `INSERT INTO organizations (name, kind, is_member) VALUES ('Bench network', 'network', true) RETURNING id`,
    )
  ).rows[0].id;
  const user = async (email, role, channels, chat = null) =>
    (
      await db.query(
        `INSERT INTO users (email, name, role, organization_id, notification_preferences, telegram_chat_id)
         VALUES ($1, $1, $2, $3, $4, $5) RETURNING id`,
        [email, role, org, prefs(channels), chat],
      )
    ).rows[0].id;
  const coordinator = await user('coordinator@bench.cjn.test', 'coordinator', ['inApp']);
  const people = {
    inApp: await user('inapp@bench.cjn.test', 'member', ['inApp']),
    email: await user('email@bench.cjn.test', 'member', ['email']),
    telegram: await user('telegram@bench.cjn.test', 'member', ['telegram'], '424242'),
  };
  const opportunity = (
    await db.query(
      `INSERT INTO opportunities (title, visibility, stage, owner_id) VALUES ('Bench call', 'network', 'preparing', NULL) RETURNING id`,
    )
  ).rows[0].id;
  return { coordinator, token: await apiToken(db, coordinator), people, opportunity };
}

/** Calls `work(i)` for i in [0, n) with `clients` at a time; returns the wall time in ms. */
export async function concurrently(n, clients, work) {
  const t = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < n) await work(next++);
    }),
  );
  return performance.now() - t;
}

export function api(base, token) {
  return async (method, path, body) => {
    const res = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

export async function benchReminders() {
  requireBuild();
  const n = Math.max(100, Math.round(10_000 * scale()));
  const redis = await privateRedis();
  const smtp = await new SmtpSink().start();
  const telegram = await new TelegramFake().start();
  await recreateDatabase(DB);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await startApp({
    APP_ROLE: 'all',
    DATABASE_URL: dbUrl(DB),
    REDIS_URL: redis.url,
    PORT: String(port),
    PUBLIC_URL: base,
    SMTP_URL: smtp.url,
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_BASE_URL: telegram.url,
  });
  const db = new pg.Client({ connectionString: dbUrl(DB) });
  await db.connect();
  const rows = [];
  try {
    const net = await smallNetwork(db);
    const call = api(base, net.token);
    const deadline = (dueAt, assignee, title) => ({
      subjectType: 'opportunity',
      subjectId: net.opportunity,
      title,
      kind: 'internal',
      dueAt: new Date(dueAt).toISOString(),
      timeZone: 'Asia/Phnom_Penh',
      assigneeIds: [assignee],
      reminderOffsets: ['PT30M'],
    });

    // 1. Schedule n deadlines (rows and jobs) through the bulk endpoint, then move every one of them.
    const pages = Math.ceil(n / BULK_SIZE);
    const page = (p) => Array.from({ length: Math.min(BULK_SIZE, n - p * BULK_SIZE) }, (_, k) => p * BULK_SIZE + k);
    console.log(`reminders: scheduling ${n} deadlines, ${BULK_SIZE} a request, ${BULK_CLIENTS} clients…`);
    const ids = new Array(n);
    const far = Date.now() + 7 * 86_400_000;
    const scheduleMs = await concurrently(pages, BULK_CLIENTS, async (p) => {
      const items = page(p).map((i) => deadline(far + i * 1000, net.people.inApp, `Burst ${i}`));
      const created = await call('POST', '/api/v1/deadlines/bulk', { items });
      page(p).forEach((i, k) => (ids[i] = created.items[k].id));
    });
    const jobs = async () => {
      const queue = new Queue('reminders', { connection: { url: redis.url }, prefix: QUEUE_PREFIX });
      const count = await queue.getDelayedCount();
      await queue.close();
      return count;
    };
    const delayedAfterSchedule = await jobs();
    // Move them so that every reminder falls due at one instant, a little after the moves end.
    const burstAt = Math.ceil((Date.now() + scheduleMs * 1.5 + 20_000) / 60_000) * 60_000;
    console.log(`reminders: moving them all so their reminders fall due at ${new Date(burstAt).toISOString()}…`);
    const rescheduleMs = await concurrently(pages, BULK_CLIENTS, async (p) => {
      const items = page(p).map((i) => ({ id: ids[i], dueAt: new Date(burstAt + OFFSET_MS).toISOString() }));
      await call('PATCH', '/api/v1/deadlines/bulk', { items });
    });
    const delayedAfterMove = await jobs();
    const onTime = Number(
      (
        await db.query(`SELECT count(*) FROM reminders WHERE status = 'scheduled' AND fire_at = $1`, [
          new Date(burstAt),
        ])
      ).rows[0].count,
    );
    rows.push({
      figure: `schedule ${n} deadlines over the API (POST /deadlines/bulk, ${BULK_SIZE} a request, ${BULK_CLIENTS} clients)`,
      measured: `${(scheduleMs / 1000).toFixed(1)} s (${Math.round((n / scheduleMs) * 1000)}/s; ${delayedAfterSchedule} jobs)`,
      goal: n === 10_000 ? '< 2 s' : `< ${ms((2000 * n) / 10_000)} (2 s scaled)`,
      met: scheduleMs < (2000 * n) / 10_000,
    });
    rows.push({
      figure: `reschedule ${n} deadlines over the API (PATCH /deadlines/bulk)`,
      measured: `${(rescheduleMs / 1000).toFixed(1)} s (${Math.round((n / rescheduleMs) * 1000)}/s; ${delayedAfterMove} jobs)`,
      goal: n === 10_000 ? '< 2 s' : `< ${ms((2000 * n) / 10_000)} (2 s scaled)`,
      met: rescheduleMs < (2000 * n) / 10_000,
    });

    // 2. The burst: every reminder due at burstAt, one in-app delivery each.
    console.log(`reminders: ${onTime} in-app reminders due at ${new Date(burstAt).toISOString()}; waiting…`);
    const delivered = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS sent, max(d.sent_at) AS last,
                  percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM d.sent_at - r.fire_at) * 1000) AS p
             FROM deliveries d JOIN reminders r ON r.id = d.reminder_id
            WHERE d.channel = 'inApp' AND d.status = 'sent' AND r.fire_at = $1`,
          [new Date(burstAt)],
        )
      ).rows[0];
    await sleep(Math.max(0, burstAt - Date.now()));
    const burstLimit = Number(process.env.BENCH_BURST_WAIT_SECONDS ?? 300) * 1000;
    let burst = await delivered();
    while (burst.sent < onTime && Date.now() - burstAt < burstLimit) {
      await sleep(500);
      burst = await delivered();
    }
    const notices = Number(
      (await db.query(`SELECT count(*) FROM notifications WHERE user_id = $1`, [net.people.inApp])).rows[0].count,
    );
    const allAfter = burst.last ? new Date(burst.last).getTime() - burstAt : NaN;
    rows.push({
      figure: `${onTime} in-app reminders due at one instant: all delivered`,
      measured:
        burst.sent < onTime
          ? `${burst.sent} of ${onTime} after ${burstLimit / 1000} s`
          : `${(allAfter / 1000).toFixed(1)} s after due (p50 ${ms(burst.p[0])}, p99 ${ms(burst.p[1])}; ${Math.round((burst.sent / allAfter) * 1000)}/s; ${notices} notices)`,
      goal: '< 15 s after due',
      met: burst.sent >= onTime && allAfter < 15_000,
    });

    // 3. Idle lateness: single reminders, one at a time, on each channel.
    await waitUntil(
      async () =>
        Number(
          (await db.query(`SELECT count(*) FROM deliveries WHERE status IN ('pending','sending')`)).rows[0].count,
        ) === 0,
      120_000,
      'the burst to drain',
    );
    console.log(`reminders: idle lateness, ${SAMPLES} single reminders per channel…`);
    const channels = ['inApp', 'email', 'telegram'];
    const start = Date.now() + 5_000;
    const spacing = 400;
    for (let i = 0; i < SAMPLES * channels.length; i++) {
      const channel = channels[i % channels.length];
      await call(
        'POST',
        '/api/v1/deadlines',
        deadline(start + i * spacing + OFFSET_MS, net.people[channel], `Idle ${channel} ${i}`),
      );
    }
    const idleEnd = start + SAMPLES * channels.length * spacing;
    await sleep(Math.max(0, idleEnd - Date.now()));
    const lateness = async (channel) =>
      (
        await db.query(
          `SELECT extract(epoch FROM d.sent_at - r.fire_at) * 1000 AS late
             FROM deliveries d JOIN reminders r ON r.id = d.reminder_id JOIN deadlines dl ON dl.id = r.deadline_id
            WHERE d.channel = $1 AND d.status = 'sent' AND dl.title LIKE 'Idle %'`,
          [channel],
        )
      ).rows.map((r) => Number(r.late));
    await waitUntil(
      async () => {
        for (const c of channels) if ((await lateness(c)).length < SAMPLES) return false;
        return true;
      },
      60_000,
      'the single reminders',
    ).catch((error) => console.log(`reminders: ${error.message}`));
    for (const channel of channels) {
      const late = (await lateness(channel)).sort((a, b) => a - b);
      const [p50, p99, max] = [percentile(late, 50), percentile(late, 99), late.at(-1)];
      const label = { inApp: 'in-app', email: 'e-mail (loopback SMTP)', telegram: 'Telegram (loopback fake)' }[channel];
      rows.push({
        figure: `idle lateness ${label}: p50 / p99 / max (${late.length})`,
        measured: `${ms(p50)} / ${ms(p99)} / ${ms(max)}`,
        goal: channel === 'telegram' ? '(same goal, not set)' : 'p50 < 20 ms, p99 < 250 ms, max < 2 s',
        met: channel === 'telegram' ? null : late.length >= SAMPLES && p50 < 20 && p99 < 250 && max < 2000,
      });
    }
    console.log(`reminders: SMTP sink accepted ${smtp.accepted.length}, Telegram fake ${telegram.sent.length}`);
  } finally {
    await db.end();
    await app.stop();
    await redis.stop();
    await smtp.stop();
    await telegram.stop();
  }
  printMachine();
  printTable(`bench/reminders (one app process, APP_ROLE=all; ${n} deadlines)`, rows);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchReminders().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
