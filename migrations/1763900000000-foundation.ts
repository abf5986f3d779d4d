import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar NOT NULL,
        acronym varchar,
        kind varchar NOT NULL CHECK (kind IN ('cso','un_agency','government','funder','network','other')),
        country char(2),
        website varchar,
        is_member boolean NOT NULL DEFAULT false,
        member_since date,
        membership_status varchar CHECK (membership_status IN ('active','observer','former')),
        contacts jsonb NOT NULL DEFAULT '[]',
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX organizations_name_key ON organizations (lower(name))`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar NOT NULL,
        name varchar NOT NULL,
        role varchar NOT NULL CHECK (role IN ('admin','coordinator','member','viewer')),
        organization_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        time_zone varchar NOT NULL DEFAULT 'Asia/Phnom_Penh',
        language varchar NOT NULL DEFAULT 'en',
        notification_preferences jsonb NOT NULL,
        telegram_chat_id varchar,
        status varchar NOT NULL DEFAULT 'active' CHECK (status IN ('active','invited','disabled')),
        password_hash varchar,
        invitation_token_hash varchar,
        invitation_expires_at timestamptz,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await q.query(`CREATE INDEX users_organization_idx ON users (organization_id)`);
    await q.query(`CREATE UNIQUE INDEX users_invitation_token_key ON users (invitation_token_hash)`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash varchar NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        ip varchar,
        user_agent varchar,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);

    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name varchar NOT NULL,
        prefix varchar NOT NULL,
        token_hash varchar NOT NULL UNIQUE,
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX api_tokens_user_idx ON api_tokens (user_id)`);

    await q.query(`
      CREATE TABLE activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action varchar NOT NULL,
        subject_type varchar NOT NULL,
        subject_id uuid NOT NULL,
        summary varchar NOT NULL,
        changes jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX activity_subject_idx ON activity (subject_type, subject_id, created_at DESC)`);
    await q.query(`CREATE INDEX activity_created_idx ON activity (created_at DESC, id DESC)`);
    // Append-only: the application role may insert and read, never rewrite history.
    await q.query(`
      CREATE FUNCTION activity_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'activity is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER activity_no_update BEFORE UPDATE ON activity
      FOR EACH ROW EXECUTE FUNCTION activity_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE activity`);
    await q.query(`DROP FUNCTION activity_is_append_only`);
    await q.query(`DROP TABLE api_tokens`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE organizations`);
  }
}
