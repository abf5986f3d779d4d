import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadline lists filtered by status (the dashboard's "overdue": status missed, any date) read the
 * matching rows in list order instead of every deadline's: on the bench's large seed (200,000
 * deadlines) `status = 'missed'` went from a 200,000-row index scan to a range of its ~17,000 rows.
 */
export class DeadlineListIndexes1764200000000 implements MigrationInterface {
  name = 'DeadlineListIndexes1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX deadlines_status_due_idx ON deadlines (status, due_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX deadlines_status_due_idx`);
  }
}
