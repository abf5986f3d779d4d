import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-up of recommendations (issue 23): a review (one mechanism's review of a State) with the dates of
 * its next cycle, its recommendations paragraph by paragraph, and their assessments over time
 * (append-only: the latest is the current status).
 */
export class Reviews1764600000000 implements MigrationInterface {
  name = 'Reviews1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mechanism varchar NOT NULL CHECK (mechanism IN ('crc','upr','cedaw','crpd','cat','ccpr','cescr','other')),
        mechanism_name varchar,
        name varchar NOT NULL,
        symbol varchar,
        adopted_on date,
        source_language varchar NOT NULL DEFAULT 'en',
        visibility varchar NOT NULL DEFAULT 'network' CHECK (visibility IN ('network','participants')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (mechanism <> 'other' OR mechanism_name IS NOT NULL)
      )`);
    await q.query(`
      CREATE TABLE review_dates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        kind varchar NOT NULL CHECK (kind IN ('follow_up_report','state_report','list_of_issues','pre_session','session','other')),
        date date NOT NULL,
        label varchar,
        position integer NOT NULL DEFAULT 0,
        CHECK (kind <> 'other' OR label IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX review_dates_review_idx ON review_dates (review_id, position)`);
    await q.query(`
      CREATE TABLE recommendations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        paragraph varchar(40) NOT NULL,
        parent_paragraph varchar(40),
        position integer NOT NULL DEFAULT 0,
        cluster varchar,
        subheading varchar,
        text text NOT NULL,
        text_km text,
        urgent boolean NOT NULL DEFAULT false,
        recommending_state varchar,
        response varchar CHECK (response IN ('supported','noted')),
        tags text[] NOT NULL DEFAULT '{}',
        in_scope boolean NOT NULL DEFAULT true,
        responsible_organization_ids uuid[] NOT NULL DEFAULT '{}',
        following_organization_ids uuid[] NOT NULL DEFAULT '{}',
        submission_links jsonb NOT NULL DEFAULT '[]',
        opportunity_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (review_id, paragraph)
      )`);
    await q.query(`CREATE INDEX recommendations_review_idx ON recommendations (review_id, position)`);
    await q.query(
      `CREATE INDEX recommendations_following_idx ON recommendations USING gin (following_organization_ids)`,
    );
    await q.query(`
      CREATE TABLE recommendation_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recommendation_id uuid NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
        status varchar NOT NULL CHECK (status IN ('no_information','not_started','in_progress','partially_implemented','implemented','regressed')),
        summary text NOT NULL DEFAULT '',
        evidence jsonb NOT NULL DEFAULT '[]',
        assessed_on date NOT NULL,
        organization_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        assessed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX recommendation_assessments_latest_idx ON recommendation_assessments (recommendation_id, assessed_on DESC, created_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recommendation_assessments`);
    await q.query(`DROP TABLE recommendations`);
    await q.query(`DROP TABLE review_dates`);
    await q.query(`DROP TABLE reviews`);
  }
}
