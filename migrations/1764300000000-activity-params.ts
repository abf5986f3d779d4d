import type { MigrationInterface, QueryRunner } from 'typeorm';
import { paramsFromSummary } from './activity-summaries.js';

const BATCH = 5000;

/**
 * Activity rows keep their event's parameters in `params`, so each reader's language writes the sentence.
 * Older rows get theirs read back from their English summary; a row whose summary says them in no known
 * way keeps `params` null and is shown by its summary. The append-only trigger is lifted for this only.
 */
export class ActivityParams1764300000000 implements MigrationInterface {
  name = 'ActivityParams1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE activity ADD COLUMN params jsonb`);
    await q.query(`ALTER TABLE activity DISABLE TRIGGER activity_no_update`);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; action: string; summary: string; changes: Record<string, unknown> | null }[] =
        await q.query(`SELECT id, action, summary, changes FROM activity WHERE id > $1 ORDER BY id LIMIT ${BATCH}`, [
          after,
        ]);
      if (!rows.length) break;
      const found = rows
        .map((row) => ({ id: row.id, params: paramsFromSummary(row.action, row.summary, row.changes) }))
        .filter((row) => row.params);
      if (found.length)
        await q.query(
          `UPDATE activity a SET params = f.params
             FROM jsonb_to_recordset($1::jsonb) AS f(id uuid, params jsonb) WHERE a.id = f.id`,
          [JSON.stringify(found)],
        );
      after = rows[rows.length - 1].id;
    }
    await q.query(`ALTER TABLE activity ENABLE TRIGGER activity_no_update`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE activity DROP COLUMN params`);
  }
}
