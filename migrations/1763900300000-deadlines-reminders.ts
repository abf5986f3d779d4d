import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeadlinesReminders1763900300000 implements MigrationInterface {
  name = 'DeadlinesReminders1763900300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deadlines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_type varchar NOT NULL CHECK (subject_type ~ '^[a-zA-Z]{1,40}$'),
        subject_id uuid NOT NULL,
        title varchar NOT NULL,
        description text,
        kind varchar NOT NULL CHECK (kind IN ('external','internal')),
        due_at timestamptz NOT NULL,
        due_date date,
        time_zone varchar NOT NULL,
        status varchar NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','missed','cancelled')),
        reminder_offsets text[] NOT NULL DEFAULT '{}',
        overdue_reminder boolean NOT NULL DEFAULT false,
        parent_id uuid REFERENCES deadlines(id) ON DELETE SET NULL,
        template_id varchar,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        completed_at timestamptz,
        completed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX deadlines_subject_idx ON deadlines (subject_type, subject_id, due_at)`);
    await q.query(`CREATE INDEX deadlines_due_idx ON deadlines (due_at, id)`);
    await q.query(`CREATE INDEX deadlines_open_due_idx ON deadlines (due_at) WHERE status = 'open'`);
    await q.query(`CREATE INDEX deadlines_parent_idx ON deadlines (parent_id)`);

    await q.query(`
      CREATE TABLE deadline_assignees (
        deadline_id uuid NOT NULL REFERENCES deadlines(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        acknowledged_at timestamptz,
        PRIMARY KEY (deadline_id, user_id)
      )`);
    await q.query(`CREATE INDEX deadline_assignees_user_idx ON deadline_assignees (user_id)`);

    await q.query(`
      CREATE TABLE reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        deadline_id uuid NOT NULL REFERENCES deadlines(id) ON DELETE CASCADE,
        kind varchar NOT NULL CHECK (kind IN ('before','overdue')),
        "offset" varchar,
        fire_at timestamptz NOT NULL,
        status varchar NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','sent','skipped','cancelled','failed')),
        version integer NOT NULL DEFAULT 1,
        fired_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'before') = ("offset" IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX reminders_deadline_offset_key ON reminders (deadline_id, kind, coalesce("offset", ''))`,
    );
    await q.query(`CREATE INDEX reminders_scheduled_idx ON reminders (fire_at) WHERE status = 'scheduled'`);

    await q.query(`
      CREATE TABLE deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reminder_id uuid NOT NULL REFERENCES reminders(id) ON DELETE CASCADE,
        recipient varchar NOT NULL,
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        channel varchar NOT NULL CHECK (channel IN ('email','telegram','inApp')),
        address varchar,
        status varchar NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','failed','skipped')),
        not_before timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        claimed_at timestamptz,
        sent_at timestamptz,
        provider_message_id varchar,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deliveries_once_key UNIQUE (reminder_id, recipient, channel)
      )`);
    await q.query(
      `CREATE INDEX deliveries_open_idx ON deliveries (status, not_before) WHERE status IN ('pending','sending')`,
    );
    await q.query(`CREATE INDEX deliveries_user_idx ON deliveries (user_id)`);

    await q.query(`
      CREATE TABLE digests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        period varchar NOT NULL,
        status varchar NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','failed','skipped')),
        attempts integer NOT NULL DEFAULT 0,
        claimed_at timestamptz,
        sent_at timestamptz,
        item_count integer NOT NULL DEFAULT 0,
        provider_message_id varchar,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT digests_once_key UNIQUE (user_id, period)
      )`);

    await q.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        scope_type varchar NOT NULL DEFAULT 'all',
        scope_id uuid,
        generation integer NOT NULL DEFAULT 1,
        last_fetched_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX calendar_feeds_scope_key ON calendar_feeds (user_id, scope_type, coalesce(scope_id, '00000000-0000-0000-0000-000000000000'))`,
    );

    await q.query(`
      CREATE TABLE telegram_links (
        token_hash varchar PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX telegram_links_user_idx ON telegram_links (user_id)`);

    await q.query(`
      CREATE TABLE telegram_blocked_chats (
        chat_id varchar PRIMARY KEY,
        reason varchar NOT NULL,
        blocked_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE telegram_blocked_chats`);
    await q.query(`DROP TABLE telegram_links`);
    await q.query(`DROP TABLE calendar_feeds`);
    await q.query(`DROP TABLE digests`);
    await q.query(`DROP TABLE deliveries`);
    await q.query(`DROP TABLE reminders`);
    await q.query(`DROP TABLE deadline_assignees`);
    await q.query(`DROP TABLE deadlines`);
  }
}
