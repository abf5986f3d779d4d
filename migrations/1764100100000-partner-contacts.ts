import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The people a consortium partner names to hear about the call's deadlines (empty: whoever confirmed for it). */
export class PartnerContacts1764100100000 implements MigrationInterface {
  name = 'PartnerContacts1764100100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE opportunity_partners ADD COLUMN contact_user_ids uuid[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE opportunity_partners DROP COLUMN contact_user_ids`);
  }
}
