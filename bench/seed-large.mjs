// bench/seed-large: a large network in its own database (cjn_bench), for the API benchmark.
//
// The database is created and migrated by the app's own start path (`node dist/src/main.js`), then
// filled with bulk SQL (INSERT … SELECT over generate_series) that writes exactly the rows the app's
// services would: organisations, users, opportunities with partners and checklists, submissions with
// partners and sections, deadlines with assignees and one reminder row per offset (fire time =
// due − offset, past offsets skipped as the scheduler does), notifications and activity. Creating
// 200,000 deadlines one by one through DeadlinesService runs at about 100 a second here (over half an
// hour), so the bulk path is used; BullMQ jobs are not written (the API benchmark runs APP_ROLE=api).
//
// Full scale: 2,000 organisations, 20,000 opportunities, 200,000 deadlines, 1,000,000 reminders.
// BENCH_SCALE=0.1 gives a tenth of everything.
import argon2 from 'argon2';
import pg from 'pg';
import { dbUrl, freePort, printMachine, recreateDatabase, requireBuild, scale, startApp } from './support.mjs';

export const BENCH_DB = process.env.BENCH_DB ?? 'cjn_bench';
export const BENCH_PASSWORD = 'bench-password-not-secret';
export const OFFSETS = ['P14D', 'P7D', 'P3D', 'P1D', 'PT2H'];

export function sizes(s = scale()) {
  const orgs = Math.max(20, Math.round(2000 * s));
  return {
    scale: s,
    orgs,
    users: orgs * 3,
    coordinators: 10,
    opportunities: Math.max(100, Math.round(20_000 * s)),
    submissions: Math.max(20, Math.round(2_000 * s)),
    deadlines: Math.max(1000, Math.round(200_000 * s)),
  };
}

/** The seeded people the benchmarks act as. */
export const MEMBER_EMAIL = 'member4@bench.cjn.test';
export const COORDINATOR_EMAIL = 'coordinator1@bench.cjn.test';

export async function seedLarge({ log = console.log } = {}) {
  requireBuild();
  const n = sizes();
  const started = Date.now();
  const step = async (what, work) => {
    const t = Date.now();
    const result = await work();
    const rows = typeof result === 'number' ? `${result.toLocaleString('en')} rows, ` : '';
    log(`  ${what}: ${rows}${((Date.now() - t) / 1000).toFixed(1)} s`);
    return result;
  };
  log(
    `seed-large: scale ${n.scale} → ${n.orgs} organisations, ${n.opportunities} opportunities, ` +
      `${n.deadlines} deadlines, ${n.deadlines * OFFSETS.length} reminders into ${BENCH_DB}`,
  );
  await step('drop the old bench database', () => recreateDatabase(BENCH_DB));
  await step('create and migrate it through the app’s start path', async () => {
    const app = await startApp({ APP_ROLE: 'api', DATABASE_URL: dbUrl(BENCH_DB), PORT: String(await freePort()) });
    await app.stop();
  });
  const db = new pg.Client({ connectionString: dbUrl(BENCH_DB) });
  await db.connect();
  const q = async (sql, params = []) => (await db.query(sql, params)).rowCount ?? 0;
  try {
    await db.query(`SET synchronous_commit = off`);
    const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2 });
    const prefs = JSON.stringify({ channels: ['email', 'inApp'], quietHours: null, digest: 'off' });
    // Deterministic ids spread like random UUIDs: md5(kind || number).
    await step('organisations', () =>
      q(
        `INSERT INTO organizations (id, name, acronym, kind, country, is_member, member_since, membership_status)
         SELECT md5('org' || i)::uuid, 'Bench organisation ' || i, 'BO' || i,
                CASE WHEN i = 1 THEN 'network' WHEN i % 10 = 0 THEN 'funder' WHEN i % 10 = 1 THEN 'un_agency' ELSE 'cso' END,
                (ARRAY['KH','CH','US','FR','TH'])[1 + i % 5], i % 10 > 1, CASE WHEN i % 10 > 1 THEN date '2021-07-01' END,
                CASE WHEN i % 10 > 1 THEN 'active' END
           FROM generate_series(1, $1) i`,
        [n.orgs],
      ),
    );
    await step('users (three per organisation, ten coordinators, an admin)', async () => {
      let rows = await q(
        `INSERT INTO users (id, email, name, role, organization_id, time_zone, notification_preferences, password_hash)
         SELECT md5('user' || i)::uuid,
                CASE WHEN i % 3 = 2 THEN 'viewer' ELSE 'member' END || i || '@bench.cjn.test', 'Bench person ' || i,
                CASE WHEN i % 3 = 2 THEN 'viewer' ELSE 'member' END, md5('org' || (1 + (i - 1) / 3))::uuid,
                (ARRAY['Asia/Phnom_Penh','Europe/Geneva','America/New_York'])[1 + i % 3], $2::jsonb, $3
           FROM generate_series(1, $1) i`,
        [n.users, prefs, hash],
      );
      rows += await q(
        `INSERT INTO users (id, email, name, role, organization_id, notification_preferences, password_hash)
         SELECT md5('coordinator' || i)::uuid, 'coordinator' || i || '@bench.cjn.test', 'Bench coordinator ' || i,
                'coordinator', md5('org1')::uuid, $2::jsonb, $3
           FROM generate_series(1, $1) i
         UNION ALL SELECT md5('admin')::uuid, 'admin@bench.cjn.test', 'Bench admin', 'admin', md5('org1')::uuid, $2::jsonb, $3`,
        [n.coordinators, prefs, hash],
      );
      return rows;
    });
    await step('opportunities', () =>
      q(
        `INSERT INTO opportunities (id, title, funder_id, call_reference, tags, amount_min, amount_max, currency,
                                    closes_at, owner_id, visibility, stage, created_by)
         SELECT md5('opp' || i)::uuid, 'Bench call ' || i, md5('org' || (10 * (1 + i % ($2 / 10))))::uuid, 'REF-' || i,
                ARRAY[(ARRAY['child-justice','education','health','legal-aid'])[1 + i % 4]], 10000, 50000 + i % 100 * 1000, 'USD',
                now() + ((i % 400) - 60) * interval '1 day', md5('coordinator' || (1 + i % $3))::uuid,
                CASE WHEN i % 2 = 0 THEN 'network' ELSE 'participants' END,
                (ARRAY['identified','screening','preparing','submitted','awarded','reporting','closed'])[1 + i % 7],
                md5('coordinator' || (1 + i % $3))::uuid
           FROM generate_series(1, $1) i`,
        [n.opportunities, n.orgs, n.coordinators],
      ),
    );
    await step('consortium partners (three per opportunity)', () =>
      q(
        `INSERT INTO opportunity_partners (id, opportunity_id, organization_id, role, status, budget_amount, budget_currency)
         SELECT md5('partner' || i || '-' || k)::uuid, md5('opp' || i)::uuid, md5('org' || (1 + (i * 3 + k) % $2))::uuid,
                (ARRAY['lead','co_applicant','associate'])[k + 1],
                CASE WHEN k = 2 AND i % 5 = 0 THEN 'declined' WHEN k = 2 THEN 'invited' ELSE 'confirmed' END,
                5000 * (k + 1), 'USD'
           FROM generate_series(1, $1) i, generate_series(0, 2) k`,
        [n.opportunities, n.orgs],
      ),
    );
    await step('checklist items (two per opportunity)', () =>
      q(
        `INSERT INTO checklist_items (id, opportunity_id, partner_id, title, required, status, position)
         SELECT md5('check' || i || '-' || k)::uuid, md5('opp' || i)::uuid, md5('partner' || i || '-' || k)::uuid,
                (ARRAY['Registration papers','Budget'])[k + 1], true, CASE WHEN i % 3 = 0 THEN 'done' ELSE 'todo' END, k
           FROM generate_series(1, $1) i, generate_series(0, 1) k`,
        [n.opportunities],
      ),
    );
    await step('submissions, their partners and sections', async () => {
      let rows = await q(
        `INSERT INTO submissions (id, title, target_body, kind, lead_organization_id, owner_id, visibility, status)
         SELECT md5('sub' || j)::uuid, 'Bench submission ' || j, 'UN CRC Committee',
                (ARRAY['alternative_report','general_comment','consultation_response','list_of_issues'])[1 + j % 4],
                md5('org' || (1 + (j * 5) % $2))::uuid, md5('coordinator' || (1 + j % $3))::uuid,
                CASE WHEN j % 2 = 0 THEN 'network' ELSE 'participants' END,
                (ARRAY['planned','drafting','review','sign_off'])[1 + j % 4]
           FROM generate_series(1, $1) j`,
        [n.submissions, n.orgs, n.coordinators],
      );
      rows += await q(
        `INSERT INTO submission_partners (submission_id, organization_id)
         SELECT md5('sub' || j)::uuid, md5('org' || (1 + (j * 5 + k) % $2))::uuid
           FROM generate_series(1, $1) j, generate_series(1, 2) k`,
        [n.submissions, n.orgs],
      );
      rows += await q(
        `INSERT INTO submission_sections (id, submission_id, position, title, assignee_id, body)
         SELECT md5('section' || j || '-' || k)::uuid, md5('sub' || j)::uuid, k,
                (ARRAY['Introduction','Findings','Recommendations'])[k + 1],
                md5('user' || (3 * ((j * 5) % $2) + 1))::uuid, 'Draft text of section ' || k
           FROM generate_series(1, $1) j, generate_series(0, 2) k`,
        [n.submissions, n.orgs],
      );
      return rows;
    });
    // Subjects: half on opportunities, a fifth on partners, 15 % on checklist items, 10 % on
    // submissions, 5 % on sections; due times spread over 180 days back and 365 ahead.
    await step('deadlines', () =>
      q(
        `INSERT INTO deadlines (id, subject_type, subject_id, title, kind, due_at, time_zone, status, reminder_offsets,
                                overdue_reminder, created_by, completed_at)
         SELECT md5('deadline' || d)::uuid, s.type, s.id, 'Bench deadline ' || d,
                CASE WHEN s.type IN ('opportunity','submission') AND d % 3 = 0 THEN 'external' ELSE 'internal' END,
                t.due, (ARRAY['Asia/Phnom_Penh','Europe/Geneva','America/New_York','Europe/Paris'])[1 + d % 4],
                CASE WHEN t.due < now() THEN (CASE WHEN d % 4 = 0 THEN 'missed' ELSE 'done' END)
                     WHEN d % 20 = 0 THEN 'done' ELSE 'open' END,
                $4::text[], d % 10 = 0, md5('coordinator' || (1 + d % 10))::uuid,
                CASE WHEN t.due < now() AND d % 4 <> 0 OR t.due >= now() AND d % 20 = 0 THEN t.due - interval '1 day' END
           FROM generate_series(1, $1) d,
                LATERAL (SELECT now() + ((abs(hashtext('due' || d)) % (545 * 24 * 60)) - 180 * 24 * 60) * interval '1 minute' AS due) t,
                LATERAL (SELECT CASE WHEN d % 20 < 10 THEN 'opportunity' WHEN d % 20 < 14 THEN 'partner'
                                     WHEN d % 20 < 17 THEN 'checklistItem' WHEN d % 20 < 19 THEN 'submission' ELSE 'section' END AS type,
                                abs(hashtext('subject' || d)) AS h) pick,
                LATERAL (SELECT pick.type,
                                CASE pick.type
                                  WHEN 'opportunity' THEN md5('opp' || (1 + pick.h % $2))
                                  WHEN 'partner' THEN md5('partner' || (1 + pick.h % $2) || '-' || (pick.h % 3))
                                  WHEN 'checklistItem' THEN md5('check' || (1 + pick.h % $2) || '-' || (pick.h % 2))
                                  WHEN 'submission' THEN md5('sub' || (1 + pick.h % $3))
                                  ELSE md5('section' || (1 + pick.h % $3) || '-' || (pick.h % 3)) END::uuid AS id) s`,
        [n.deadlines, n.opportunities, n.submissions, OFFSETS],
      ),
    );
    await step('deadline assignees (one, a quarter of them two)', () =>
      q(
        `INSERT INTO deadline_assignees (deadline_id, user_id)
         SELECT md5('deadline' || d)::uuid, md5('user' || (1 + (abs(hashtext('assignee' || d || k)) % $2)))::uuid
           FROM generate_series(1, $1) d, generate_series(1, 2) k
          WHERE k = 1 OR d % 4 = 0
         ON CONFLICT DO NOTHING`,
        [n.deadlines, n.users],
      ),
    );
    await step('reminders (one per deadline × offset)', () =>
      q(
        `INSERT INTO reminders (deadline_id, kind, "offset", fire_at, status, fired_at)
         SELECT d.id, 'before', o.off, d.due_at - o.off::interval,
                CASE WHEN d.due_at - o.off::interval < now() THEN (CASE WHEN d.status = 'open' THEN 'skipped' ELSE 'sent' END)
                     WHEN d.status = 'open' THEN 'scheduled' ELSE 'cancelled' END,
                CASE WHEN d.due_at - o.off::interval < now() AND d.status <> 'open' THEN d.due_at - o.off::interval END
           FROM deadlines d, unnest(d.reminder_offsets) AS o(off)`,
      ),
    );
    await step('in-app notices (ten per person of the first 200 organisations)', () =>
      q(
        `INSERT INTO notifications (user_id, kind, title, body, subject_type, subject_id, url, read_at, created_at)
         SELECT u.id, 'reminder', 'Reminder: Bench deadline ' || k, 'Due soon', 'opportunity', md5('opp' || (1 + k))::uuid,
                '/opportunities/' || md5('opp' || (1 + k))::uuid, CASE WHEN k % 2 = 0 THEN now() END, now() - k * interval '1 hour'
           FROM generate_series(1, least($1, 600)) i JOIN users u ON u.id = md5('user' || i)::uuid, generate_series(1, 10) k`,
        [n.users],
      ),
    );
    await step('activity (one record per deadline and opportunity)', () =>
      q(
        `INSERT INTO activity (actor_id, action, subject_type, subject_id, summary, created_at)
         SELECT created_by, 'deadline.created', 'deadline', id, 'Set deadline "' || title || '"', created_at - (random() * interval '200 days')
           FROM deadlines
         UNION ALL
         SELECT created_by, 'opportunity.created', 'opportunity', id, 'Created "' || title || '"', created_at - (random() * interval '300 days')
           FROM opportunities`,
      ),
    );
    await step('VACUUM ANALYZE', async () => {
      await db.query('VACUUM ANALYZE');
    });
    await db.query(`COMMENT ON DATABASE "${BENCH_DB}" IS 'cjn bench seed, scale ${n.scale}'`);
  } finally {
    await db.end();
  }
  log(`seed-large: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printMachine();
  seedLarge().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
