import type { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { BackupRun } from './backup-run.entity.js';

/** The backup module's queries: its own table, and which migration the database is at. */
export class BackupRuns {
  constructor(private readonly db: DataSource) {}

  async migrationHead(): Promise<string | null> {
    const [row] = await this.db.query(`SELECT name FROM migrations ORDER BY timestamp DESC, id DESC LIMIT 1`);
    return (row?.name as string | undefined) ?? null;
  }

  /** False when the database predates the backup_runs table (the tracker was not started since an upgrade). */
  async record(run: Omit<BackupRun, 'id'>): Promise<boolean> {
    const [{ table }] = await this.db.query(`SELECT to_regclass('public.backup_runs') AS table`);
    if (!table) return false;
    await this.db.getRepository(BackupRun).insert(run);
    return true;
  }

  latest(): Promise<BackupRun | null> {
    return this.db.getRepository(BackupRun).findOne({ where: {}, order: { createdAt: 'DESC' } });
  }
}

/** Whether this build knows the schema a backup was made at (it cannot restore a newer one). */
export function knowsMigration(name: string | null): boolean {
  return name === null || MIGRATIONS.some((m) => m.name === name);
}
