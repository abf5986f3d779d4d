import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Submissions1763900200000 implements MigrationInterface {
  name = 'Submissions1763900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar NOT NULL,
        target_body varchar NOT NULL,
        kind varchar NOT NULL CHECK (kind IN ('alternative_report','general_comment','consultation_response','list_of_issues','other')),
        call_url varchar,
        language varchar NOT NULL DEFAULT 'en',
        word_limit integer CHECK (word_limit > 0),
        page_limit integer CHECK (page_limit > 0),
        session_reference varchar,
        confidentiality varchar NOT NULL DEFAULT 'publish' CHECK (confidentiality IN ('publish','confidential')),
        channel varchar CHECK (channel IN ('upload_link','email','portal')),
        channel_address varchar,
        lead_organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE RESTRICT,
        owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
        visibility varchar NOT NULL DEFAULT 'participants' CHECK (visibility IN ('network','participants')),
        status varchar NOT NULL DEFAULT 'planned'
          CHECK (status IN ('planned','drafting','review','sign_off','submitted','published','withdrawn')),
        submitted_at timestamptz,
        acknowledged_at date,
        acknowledgement_note text,
        acknowledgement_url varchar,
        published_url varchar,
        telegram_chat_id varchar,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX submissions_status_idx ON submissions (status)`);
    await q.query(`CREATE INDEX submissions_kind_idx ON submissions (kind)`);
    await q.query(`CREATE INDEX submissions_lead_idx ON submissions (lead_organization_id)`);
    await q.query(`CREATE INDEX submissions_created_idx ON submissions (created_at DESC, id)`);

    await q.query(`
      CREATE TABLE submission_partners (
        submission_id uuid NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE RESTRICT,
        required_signer boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (submission_id, organization_id)
      )`);
    await q.query(`CREATE INDEX submission_partners_org_idx ON submission_partners (organization_id)`);

    await q.query(`
      CREATE TABLE submission_sections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        title varchar NOT NULL,
        assignee_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text NOT NULL DEFAULT '',
        status varchar NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','drafting','ready','approved')),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        updated_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT submission_sections_position_key UNIQUE (submission_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(`CREATE INDEX submission_sections_assignee_idx ON submission_sections (assignee_id)`);

    await q.query(`
      CREATE TABLE section_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        section_id uuid NOT NULL REFERENCES submission_sections(id) ON DELETE CASCADE,
        version integer NOT NULL,
        title varchar NOT NULL,
        body text NOT NULL,
        status varchar NOT NULL,
        assignee_id uuid REFERENCES users(id) ON DELETE SET NULL,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (section_id, version)
      )`);

    await q.query(`
      CREATE TABLE submission_snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
        name varchar NOT NULL,
        kind varchar NOT NULL CHECK (kind IN ('named','final')),
        content jsonb NOT NULL,
        markdown text NOT NULL,
        word_count integer NOT NULL,
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX submission_snapshots_submission_idx ON submission_snapshots (submission_id, created_at DESC)`,
    );
    // One frozen final text per submission.
    await q.query(
      `CREATE UNIQUE INDEX submission_snapshots_final_key ON submission_snapshots (submission_id) WHERE kind = 'final'`,
    );

    await q.query(`
      CREATE TABLE section_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        section_id uuid NOT NULL REFERENCES submission_sections(id) ON DELETE CASCADE,
        parent_id uuid REFERENCES section_comments(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text NOT NULL,
        mentioned_user_ids uuid[] NOT NULL DEFAULT '{}',
        resolved_at timestamptz,
        resolved_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX section_comments_section_idx ON section_comments (section_id, created_at)`);
    await q.query(`CREATE INDEX section_comments_parent_idx ON section_comments (parent_id)`);

    await q.query(`
      CREATE TABLE submission_endorsements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE RESTRICT,
        display_name varchar NOT NULL,
        endorsed_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        endorsed_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        withdrawn_by_id uuid REFERENCES users(id) ON DELETE SET NULL
      )`);
    // An organisation signs on at most once at a time; a withdrawn endorsement stays as history.
    await q.query(`
      CREATE UNIQUE INDEX submission_endorsements_active_key
      ON submission_endorsements (submission_id, organization_id) WHERE withdrawn_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE submission_endorsements`);
    await q.query(`DROP TABLE section_comments`);
    await q.query(`DROP TABLE submission_snapshots`);
    await q.query(`DROP TABLE section_revisions`);
    await q.query(`DROP TABLE submission_sections`);
    await q.query(`DROP TABLE submission_partners`);
    await q.query(`DROP TABLE submissions`);
  }
}
