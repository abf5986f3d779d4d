import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why a coordinator waived a checklist item (shown on the item; cleared when it is to do again). */
export class ChecklistWaiveReason1764010500000 implements MigrationInterface {
  name = 'ChecklistWaiveReason1764010500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE checklist_items ADD COLUMN waive_reason text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE checklist_items DROP COLUMN waive_reason`);
  }
}
