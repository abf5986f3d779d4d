import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BackupRuns1764000000000 implements MigrationInterface {
  name = 'BackupRuns1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE backup_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        file_name varchar NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
        migration_head varchar,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX backup_runs_created_idx ON backup_runs (created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE backup_runs`);
  }
}
