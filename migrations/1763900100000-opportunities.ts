import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Opportunities1763900100000 implements MigrationInterface {
  name = 'Opportunities1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stored_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        storage_key varchar NOT NULL UNIQUE,
        original_name varchar NOT NULL,
        content_type varchar NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes >= 0),
        sha256 char(64) NOT NULL,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE organization_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        kind varchar NOT NULL CHECK (kind IN ('registration_certificate','audited_accounts','safeguarding_policy','annual_report','budget','cv','other')),
        title varchar NOT NULL,
        url varchar,
        file_id uuid REFERENCES stored_files(id) ON DELETE SET NULL,
        expires_on date,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX organization_documents_org_idx ON organization_documents (organization_id, kind)`);

    await q.query(`
      CREATE TABLE opportunities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar NOT NULL,
        funder_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        call_reference varchar,
        url varchar,
        description text,
        tags text[] NOT NULL DEFAULT '{}',
        amount_min numeric(14,2) CHECK (amount_min >= 0),
        amount_max numeric(14,2) CHECK (amount_max >= 0),
        currency char(3) CHECK (currency ~ '^[A-Z]{3}$'),
        closes_at timestamptz,
        owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
        visibility varchar NOT NULL DEFAULT 'network' CHECK (visibility IN ('network','participants')),
        stage varchar NOT NULL DEFAULT 'identified'
          CHECK (stage IN ('identified','screening','preparing','submitted','awarded','reporting','closed','no_go','declined','withdrawn')),
        stage_changed_at timestamptz NOT NULL DEFAULT now(),
        awarded_amount numeric(14,2) CHECK (awarded_amount >= 0),
        awarded_currency char(3) CHECK (awarded_currency ~ '^[A-Z]{3}$'),
        telegram_chat_id varchar,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (amount_min IS NULL OR amount_max IS NULL OR amount_min <= amount_max)
      )`);
    await q.query(`CREATE INDEX opportunities_stage_idx ON opportunities (stage) WHERE archived_at IS NULL`);
    await q.query(`CREATE INDEX opportunities_funder_idx ON opportunities (funder_id)`);
    await q.query(`CREATE INDEX opportunities_owner_idx ON opportunities (owner_id)`);
    await q.query(`CREATE INDEX opportunities_closes_idx ON opportunities (closes_at)`);
    await q.query(`CREATE INDEX opportunities_tags_idx ON opportunities USING gin (tags)`);

    await q.query(`
      CREATE TABLE opportunity_partners (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        opportunity_id uuid NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE RESTRICT,
        role varchar NOT NULL CHECK (role IN ('lead','co_applicant','associate','subgrantee')),
        status varchar NOT NULL DEFAULT 'invited' CHECK (status IN ('invited','confirmed','declined')),
        budget_amount numeric(14,2) CHECK (budget_amount >= 0),
        budget_currency char(3) CHECK (budget_currency ~ '^[A-Z]{3}$'),
        confirmed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        confirmed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (opportunity_id, organization_id),
        CHECK (budget_amount IS NULL OR budget_currency IS NOT NULL)
      )`);
    // At most one lead per opportunity; the submit guard asks for exactly one.
    await q.query(
      `CREATE UNIQUE INDEX opportunity_partners_one_lead ON opportunity_partners (opportunity_id) WHERE role = 'lead'`,
    );
    await q.query(
      `CREATE INDEX opportunity_partners_org_idx ON opportunity_partners (organization_id, opportunity_id)`,
    );

    await q.query(`
      CREATE TABLE checklist_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        opportunity_id uuid NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
        partner_id uuid REFERENCES opportunity_partners(id) ON DELETE CASCADE,
        title varchar NOT NULL,
        required boolean NOT NULL DEFAULT true,
        status varchar NOT NULL DEFAULT 'todo' CHECK (status IN ('todo','done','waived')),
        url varchar,
        file_id uuid REFERENCES stored_files(id) ON DELETE SET NULL,
        document_id uuid REFERENCES organization_documents(id) ON DELETE SET NULL,
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX checklist_items_opportunity_idx ON checklist_items (opportunity_id, position)`);
    await q.query(`CREATE INDEX checklist_items_partner_idx ON checklist_items (partner_id)`);

    // Activity on partners and checklist items names its opportunity, for the opportunity's history.
    await q.query(`CREATE INDEX activity_opportunity_idx ON activity ((changes->>'opportunityId'))`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind varchar NOT NULL,
        title varchar NOT NULL,
        body text NOT NULL DEFAULT '',
        subject_type varchar,
        subject_id uuid,
        url varchar,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX notifications_inbox_idx ON notifications (user_id, (read_at IS NULL) DESC, created_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP INDEX activity_opportunity_idx`);
    await q.query(`DROP TABLE checklist_items`);
    await q.query(`DROP TABLE opportunity_partners`);
    await q.query(`DROP TABLE opportunities`);
    await q.query(`DROP TABLE organization_documents`);
    await q.query(`DROP TABLE stored_files`);
  }
}
