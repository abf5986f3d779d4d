import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import * as tar from 'tar';
import { fileHashes } from '../src/backup/backup-archive.js';
import { seed } from '../src/seed/seed.js';
import { startAppProcess } from './support/app-process.js';
import { databaseUrl, dropDatabase } from './support/databases.js';
import { makeUser } from './support/factories.js';
import { addItem, makeOpportunity, PDF_BYTES } from './support/opportunity-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const counts: Record<string, number> = {};
    for (const { tablename } of tables.rows) {
      counts[tablename] = Number((await client.query(`SELECT count(*) AS n FROM "${tablename}"`)).rows[0].n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

describe('npm run backup and npm run restore', () => {
  let t: TestApp;
  const work = mkdtempSync(join(tmpdir(), 'cjn-backup-test-'));
  const uploads = join(work, 'uploads');
  const backups = join(work, 'backups');
  const restoredDb = `cjn_test_restored_${randomBytes(4).toString('hex')}`;
  const restoredUploads = join(work, 'restored-uploads');
  const backup = (env: Record<string, string> = {}) =>
    startAppProcess(
      { DATABASE_URL: t.config.databaseUrl, UPLOAD_DIR: uploads, BACKUP_DIR: backups, ...env },
      { script: 'dist/src/backup/backup.cli.js' },
    );
  const restore = (file: string, ...flags: string[]) =>
    startAppProcess(
      { DATABASE_URL: databaseUrl(restoredDb), UPLOAD_DIR: restoredUploads },
      { script: 'dist/src/backup/restore.cli.js', args: [file, ...flags] },
    );
  const archives = () =>
    readdirSync(backups)
      .filter((f) => f.endsWith('.tar.gz'))
      .sort();

  beforeAll(async () => {
    t = await startTestApp({ overrides: { uploadDir: uploads } });
    await seed(t.config.databaseUrl, () => undefined, t.clock);
    const coordinator = await makeUser(t, { role: 'coordinator' });
    const opp = await makeOpportunity(coordinator, { title: 'EU child justice call' });
    for (const [title, name] of [
      ['Registration certificate', 'registration.pdf'],
      ['ថវិកា', 'ថវិកា ២០២៦.pdf'],
    ]) {
      const item = await addItem(coordinator, opp.id, { title });
      await coordinator.as
        .post(`/api/v1/opportunities/${opp.id}/checklist/${item.id}/file`)
        .attach('file', PDF_BYTES, name)
        .expect(201);
    }
  });
  afterAll(async () => {
    await t.close();
    await dropDatabase(restoredDb);
  });

  it('backs up a seeded database with its uploads, and restores both exactly into a fresh install', async () => {
    const made = backup();
    expect(await made.exited).toBe(0);
    expect(made.output()).toMatch(/wrote .*cjn-backup-.*\.tar\.gz .*2 uploaded files/);
    const [archive] = archives();

    const restored = restore(join(backups, archive));
    expect(await restored.exited).toBe(0);
    expect(restored.output()).toMatch(/restored .* 2 files/);

    const [before, after] = [await rowCounts(t.config.databaseUrl), await rowCounts(databaseUrl(restoredDb))];
    expect(before.backup_runs).toBe(1); // recorded once the archive was written, so not inside it
    delete before.backup_runs;
    delete after.backup_runs;
    expect(after).toEqual(before);
    expect(after.organizations).toBeGreaterThan(5);
    expect(after.stored_files).toBe(2);
    const hashes = await fileHashes(uploads);
    expect(Object.keys(hashes)).toHaveLength(2);
    expect(await fileHashes(restoredUploads)).toEqual(hashes);
  });

  it('will not overwrite a database that holds data unless forced', async () => {
    const [archive] = archives();
    const again = restore(join(backups, archive));
    expect(await again.exited).toBe(1);
    expect(again.output()).toMatch(/already holds data; stop the tracker and add --force/);
    const forced = restore(join(backups, archive), '--force');
    expect(await forced.exited).toBe(0);
  });

  it('refuses an archive made by a newer version, changing nothing', async () => {
    const [archive] = archives();
    const unpacked = mkdtempSync(join(work, 'newer-'));
    await tar.extract({ file: join(backups, archive), cwd: unpacked });
    const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8'));
    writeFileSync(
      join(unpacked, 'manifest.json'),
      JSON.stringify({ ...manifest, migrationHead: 'FromTheFuture9999999999999', appVersion: '9.0.0' }),
    );
    const newer = join(work, 'newer.tar.gz');
    await tar.create({ gzip: true, cwd: unpacked, file: newer }, ['manifest.json', 'database.dump', 'uploads']);

    const counts = await rowCounts(databaseUrl(restoredDb));
    const refused = restore(newer, '--force');
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toMatch(
      /made by a newer CJN Tracker \(schema FromTheFuture9999999999999, version 9\.0\.0\)/,
    );
    expect(await rowCounts(databaseUrl(restoredDb))).toEqual(counts);
  });

  it('keeps only the newest BACKUP_KEEP archives', async () => {
    for (let i = 0; i < 2; i++) expect(await backup({ BACKUP_KEEP: '2' }).exited).toBe(0);
    const kept = archives();
    expect(kept).toHaveLength(2);
    const runs = await t.db.query(`SELECT file_name FROM backup_runs ORDER BY created_at`);
    expect(runs).toHaveLength(3);
    expect(kept).toEqual(runs.slice(1).map((r: { file_name: string }) => r.file_name));
  });
});
