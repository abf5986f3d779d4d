// bench/api: the endpoints people use most, at 50 connections, against the large seed — beside the
// same SQL through raw `pg` with the app's pool size (10), which is the ceiling.
//
// The server runs as `npm start` does (APP_ROLE=api here, so that no worker competes for the two
// CPUs while HTTP is measured). BENCH_DURATION (seconds per endpoint, default 15) and
// BENCH_CONNECTIONS (default 50) tune it. The deadline list is also measured at 10 connections, and
// its SQL alone: one connection, one query after another, as a prepared statement like the app's.
import autocannon from 'autocannon';
import pg from 'pg';
import {
  apiToken,
  databaseComment,
  dbUrl,
  freePort,
  mb,
  ms,
  percentile,
  printMachine,
  printTable,
  privateRedis,
  requireBuild,
  rssOf,
  sleep,
  startApp,
} from './support.mjs';
import { BENCH_DB, COORDINATOR_EMAIL, MEMBER_EMAIL, seedLarge } from './seed-large.mjs';

const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const POOL = 10; // dataSourceOptions: extra.max
const DAY = 86_400_000;

/** The member's visibility as SQL ($1 = their organisation): the rule of opportunity-access.ts and submission-access.ts. */
const OPPORTUNITY_VISIBLE = (o) =>
  `(${o}.visibility = 'network' OR EXISTS (SELECT 1 FROM opportunity_partners vp WHERE vp.opportunity_id = ${o}.id AND vp.organization_id = $1 AND vp.status <> 'declined'))`;
const SUBMISSION_VISIBLE = (s) =>
  `(${s}.visibility = 'network' OR ${s}.lead_organization_id = $1 OR EXISTS (SELECT 1 FROM submission_partners vp WHERE vp.submission_id = ${s}.id AND vp.organization_id = $1))`;

/** The member's visible deadlines due in the window ($2, $3); $1 is the member's organisation. */
const VISIBLE_IN_WINDOW = `
            FROM deadlines d
           WHERE d.due_at >= $2 AND d.due_at <= $3
             AND CASE d.subject_type
                   WHEN 'opportunity' THEN EXISTS (SELECT 1 FROM opportunities o WHERE o.id = d.subject_id AND ${OPPORTUNITY_VISIBLE('o')} OFFSET 0)
                   WHEN 'partner' THEN EXISTS (SELECT 1 FROM opportunity_partners p JOIN opportunities o ON o.id = p.opportunity_id WHERE p.id = d.subject_id AND ${OPPORTUNITY_VISIBLE('o')} OFFSET 0)
                   WHEN 'checklistItem' THEN EXISTS (SELECT 1 FROM checklist_items c JOIN opportunities o ON o.id = c.opportunity_id WHERE c.id = d.subject_id AND ${OPPORTUNITY_VISIBLE('o')} OFFSET 0)
                   WHEN 'submission' THEN EXISTS (SELECT 1 FROM submissions s WHERE s.id = d.subject_id AND ${SUBMISSION_VISIBLE('s')} OFFSET 0)
                   WHEN 'section' THEN EXISTS (SELECT 1 FROM submission_sections sec JOIN submissions s ON s.id = sec.submission_id WHERE sec.id = d.subject_id AND ${SUBMISSION_VISIBLE('s')} OFFSET 0)
                   ELSE false END`;

/**
 * Written by hand for the benchmark: visible deadlines in the window, a page of them (and one more, to
 * know whether another page follows) with assignees and subject title, as the web app asks (count=false).
 * `OFFSET 0` keeps Postgres from hashing whole opportunity, partner, checklist, submission and section
 * tables for their EXISTS: probing the rows the page reads one by one is faster.
 */
const RAW_DEADLINES = `
  SELECT page.*,
         (SELECT coalesce(array_agg(a.user_id ORDER BY a.user_id), '{}') FROM deadline_assignees a WHERE a.deadline_id = page.id) AS assignee_ids,
         CASE page.subject_type
           WHEN 'opportunity' THEN (SELECT o.title FROM opportunities o WHERE o.id = page.subject_id)
           WHEN 'partner' THEN (SELECT org.name || ' on ' || o.title FROM opportunity_partners p JOIN opportunities o ON o.id = p.opportunity_id JOIN organizations org ON org.id = p.organization_id WHERE p.id = page.subject_id)
           WHEN 'checklistItem' THEN (SELECT c.title || ' — ' || o.title FROM checklist_items c JOIN opportunities o ON o.id = c.opportunity_id WHERE c.id = page.subject_id)
           WHEN 'submission' THEN (SELECT s.title FROM submissions s WHERE s.id = page.subject_id)
           WHEN 'section' THEN (SELECT s.title || ': ' || sec.title FROM submission_sections sec JOIN submissions s ON s.id = sec.submission_id WHERE sec.id = page.subject_id)
         END AS subject_title
    FROM (SELECT d.*
            ${VISIBLE_IN_WINDOW}
           ORDER BY d.due_at, d.id LIMIT 51) page
   ORDER BY page.due_at, page.id`;

const RAW_OPPORTUNITIES = `
  SELECT page.*,
         (SELECT json_agg(json_build_object('name', coalesce(org.acronym, org.name), 'role', p.role, 'status', p.status))
            FROM opportunity_partners p JOIN organizations org ON org.id = p.organization_id WHERE p.opportunity_id = page.id) AS partners
    FROM (SELECT o.*, count(*) OVER () AS total FROM opportunities o
           WHERE ${OPPORTUNITY_VISIBLE('o')} AND o.archived_at IS NULL AND o.stage IN ($2)
           ORDER BY o.updated_at DESC NULLS LAST, o.id LIMIT 25) page
   ORDER BY page.updated_at DESC NULLS LAST, page.id`;

async function http(url, token, headersOnly = false) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return headersOnly ? null : res.json();
}

/** autocannon against `paths` (cycled per connection), sampling the server's memory meanwhile. */
async function load(base, token, paths, pid, connections = CONNECTIONS) {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 250);
  const result = await autocannon({
    url: base,
    connections,
    duration: DURATION,
    headers: { authorization: `Bearer ${token}` },
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  clearInterval(sampler);
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
    peakRss: peak,
    after: rssOf(pid),
  };
}

/** The same SQL through raw pg, CONNECTIONS callers sharing a pool of POOL, prepared as the app prepares it. */
async function raw(sql, params, connections = CONNECTIONS) {
  const pool = new pg.Pool({ connectionString: dbUrl(BENCH_DB), max: POOL });
  const query = { name: 'bench', text: sql, values: params };
  await pool.query(query); // warm
  const latencies = [];
  const until = Date.now() + DURATION * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        const t = performance.now();
        await pool.query(query);
        latencies.push(performance.now() - t);
      }
    }),
  );
  await pool.end();
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / DURATION, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** The SQL alone: one connection, `times` runs one after another, prepared; and its plan's own figures. */
async function alone(sql, params, times = 300) {
  const client = new pg.Client({ connectionString: dbUrl(BENCH_DB) });
  await client.connect();
  const query = { name: 'alone', text: sql, values: params };
  for (let i = 0; i < 20; i += 1) await client.query(query); // past the custom plans, as a busy server is
  const latencies = [];
  for (let i = 0; i < times; i += 1) {
    const t = performance.now();
    await client.query(query);
    latencies.push(performance.now() - t);
  }
  const plan = (await client.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values: params })).rows.map(
    (r) => r['QUERY PLAN'],
  );
  await client.end();
  latencies.sort((a, b) => a - b);
  const figure = (label) => plan.find((line) => line.trim().startsWith(label))?.trim() ?? `${label} ?`;
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    plan: `${figure('Buffers:')}; ${figure('Planning Time:')}; ${figure('Execution Time:')}`,
  };
}

export async function benchApi() {
  requireBuild();
  const comment = await databaseComment(BENCH_DB);
  if (!comment?.startsWith('cjn bench seed')) await seedLarge();
  else console.log(`api: using the existing seed in ${BENCH_DB} (${comment}); \`npm run bench:seed\` makes a new one`);

  const db = new pg.Client({ connectionString: dbUrl(BENCH_DB) });
  await db.connect();
  const who = async (email) =>
    (await db.query(`SELECT id, organization_id FROM users WHERE email = $1`, [email])).rows[0] ??
    Promise.reject(new Error(`${email} is not in the seed`));
  const member = await who(MEMBER_EMAIL);
  const coordinator = await who(COORDINATOR_EMAIL);
  const memberToken = await apiToken(db, member.id);
  const coordinatorToken = await apiToken(db, coordinator.id);

  const from = new Date(Date.now()).toISOString();
  const to = new Date(Date.now() + 30 * DAY).toISOString();
  const visibleInWindow = (
    await db.query(`SELECT count(*)::int AS n ${VISIBLE_IN_WINDOW}`, [member.organization_id, from, to])
  ).rows[0].n;
  const allInWindow = (await db.query(`SELECT count(*) FROM deadlines WHERE due_at BETWEEN $1 AND $2`, [from, to]))
    .rows[0].count;
  console.log(`api: the member sees ${visibleInWindow} of ${allInWindow} deadlines in the 30-day window`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const redis = await privateRedis();
  const t0 = Date.now();
  const app = await startApp({
    APP_ROLE: 'api',
    REDIS_URL: redis.url,
    DATABASE_URL: dbUrl(BENCH_DB),
    PORT: String(port),
    PUBLIC_URL: base,
    RECONCILE_INTERVAL_SECONDS: '3600',
  }).catch(async (error) => {
    await redis.stop();
    await db.end();
    throw error;
  });
  let healthy = false;
  while (!healthy) {
    healthy = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (!healthy) await sleep(20);
  }
  const coldStart = Date.now() - t0;
  const rows = [];
  try {
    await sleep(2000);
    const idleRss = rssOf(app.pid);
    const q = (params) => new URLSearchParams(params).toString();
    // As the web app lists deadlines: pages followed by nextCursor, no total counted.
    const deadlinesPath = `/api/v1/deadlines?${q({ from, to, limit: '50', count: 'false' })}`;
    const first = await http(base + `/api/v1/deadlines?${q({ from, to, limit: '50' })}`, memberToken);
    if (first.total !== Number(visibleInWindow))
      throw new Error(`the endpoint lists ${first.total} deadlines, the raw SQL ${visibleInWindow}`);
    const stage = 'preparing';
    const opportunitiesPath = `/api/v1/opportunities?${q({ stage })}`;
    await http(base + opportunitiesPath, memberToken);
    const dashboard = [
      '/api/v1/me',
      `/api/v1/deadlines?${q({ status: 'missed', limit: '100', count: 'false' })}`,
      `/api/v1/deadlines?${q({ status: 'open', from, to, limit: '100', count: 'false' })}`,
      `/api/v1/deadlines?${q({ status: 'open', mine: 'true', limit: '10', count: 'false' })}`,
      `/api/v1/notifications?${q({ limit: '50' })}`,
    ];
    const coordinatorDashboard = [...dashboard, `/api/v1/activity/recent?${q({ limit: '10', count: 'false' })}`];
    for (const path of coordinatorDashboard) await http(base + path, coordinatorToken);

    console.log(`api: ${CONNECTIONS} connections, ${DURATION} s each…`);
    const listParams = [member.organization_id, from, to];
    const deadlinesAlone = await alone(RAW_DEADLINES, listParams);
    const deadlines10 = await load(base, memberToken, [deadlinesPath], app.pid, 10);
    const deadlinesRaw10 = await raw(RAW_DEADLINES, listParams, 10);
    const deadlines = await load(base, memberToken, [deadlinesPath], app.pid);
    const deadlinesRaw = await raw(RAW_DEADLINES, listParams);
    const opportunities = await load(base, memberToken, [opportunitiesPath], app.pid);
    const opportunitiesRaw = await raw(RAW_OPPORTUNITIES, [member.organization_id, stage]);
    const memberDash = await load(base, memberToken, dashboard, app.pid);
    const coordDash = await load(base, coordinatorToken, coordinatorDashboard, app.pid);
    const peak = Math.max(deadlines.peakRss, opportunities.peakRss, memberDash.peakRss, coordDash.peakRss);

    const perf = (name, m, r, p99Goal) => {
      const ratio = r ? m.rps / r.rps : null;
      rows.push({
        figure: `${name}: req/s`,
        measured: `${m.rps.toFixed(0)}${r ? ` (raw pg ${r.rps.toFixed(0)}, ${(ratio * 100).toFixed(0)} %)` : ''}`,
        goal: p99Goal ? '≥ 60 % of raw pg' : null,
        met: p99Goal ? ratio >= 0.6 : null,
      });
      rows.push({
        figure: `${name}: p50 / p99`,
        measured: `${ms(m.p50)} / ${ms(m.p99)}${r ? ` (raw pg ${ms(r.p50)} / ${ms(r.p99)})` : ''}`,
        goal: p99Goal ? `p99 < ${p99Goal} ms` : null,
        met: p99Goal ? m.rps > 0 && m.p99 < p99Goal : null,
      });
      if (m.errors)
        rows.push({ figure: `${name}: errors and timeouts (10 s)`, measured: m.errors, goal: '0', met: false });
    };
    rows.push({
      figure: 'deadline list SQL alone, one connection: p50 / p99',
      measured: `${deadlinesAlone.p50.toFixed(1)} ms / ${deadlinesAlone.p99.toFixed(1)} ms (${deadlinesAlone.plan})`,
      goal: '< 5 ms',
      met: deadlinesAlone.p50 < 5,
    });
    perf('GET /deadlines 30-day window (member), 10 connections', deadlines10, deadlinesRaw10, 50);
    perf(`GET /deadlines 30-day window (member), ${CONNECTIONS} connections`, deadlines, deadlinesRaw, 250);
    perf('GET /opportunities?stage (member)', opportunities, opportunitiesRaw, null);
    perf('dashboard calls (member)', memberDash, null, null);
    perf('dashboard calls (coordinator)', coordDash, null, null);
    rows.push({
      figure: 'cold start to healthy (migrated db)',
      measured: ms(coldStart),
      goal: '< 3 s',
      met: coldStart < 3000,
    });
    rows.push({ figure: 'idle RSS (API)', measured: mb(idleRss), goal: '< 200 MB', met: idleRss < 200 * 2 ** 20 });
    rows.push({
      figure: `peak RSS under ${CONNECTIONS}-connection load`,
      measured: `${mb(peak)} (after: ${mb(rssOf(app.pid))})`,
      goal: '< 400 MB',
      met: peak < 400 * 2 ** 20,
    });
  } finally {
    await app.stop();
    await redis.stop();
    await db.query(`DELETE FROM api_tokens WHERE name = 'bench'`);
    await db.end();
  }
  printMachine({ seed: (await databaseComment(BENCH_DB)) ?? '' });
  printTable(`bench/api (${CONNECTIONS} connections, ${DURATION} s per endpoint)`, rows);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchApi().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
