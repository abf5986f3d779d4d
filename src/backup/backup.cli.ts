import 'reflect-metadata';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { ARCHIVE_NAME, archiveName, writeBackupArchive } from './backup-archive.js';
import { BackupRuns } from './backup-runs.js';
import { appVersion, runCommand, say, withDatabase } from './cli-support.js';

/** `npm run backup`: one dated archive of the database and the uploads in BACKUP_DIR, keeping the newest BACKUP_KEEP. */
runCommand(async (config) => {
  const createdAt = new Date();
  const dir = resolve(config.backupDir);
  await mkdir(dir, { recursive: true });
  const file = join(dir, archiveName(createdAt));
  const partial = `${file}.partial`;

  await withDatabase(config.databaseUrl, async (db) => {
    const runs = new BackupRuns(db);
    const migrationHead = await runs.migrationHead();
    try {
      const manifest = await writeBackupArchive({
        databaseUrl: config.databaseUrl,
        uploadDir: resolve(config.uploadDir),
        file: partial,
        appVersion: await appVersion(),
        createdAt,
        migrationHead,
      });
      await rename(partial, file);
      const { size } = await stat(file);
      if (!(await runs.record({ fileName: basename(file), sizeBytes: size, migrationHead, createdAt }))) {
        say('not recorded for /health: this database predates that record; start the tracker once to update it');
      }
      say(
        `wrote ${file} (${(size / 1024 / 1024).toFixed(1)} MiB; ${manifest.uploads.files} uploaded files; schema ${migrationHead})`,
      );
    } finally {
      await rm(partial, { force: true });
    }
  });

  const archives = (await readdir(dir))
    .filter((name) => ARCHIVE_NAME.test(name))
    .sort()
    .reverse();
  for (const old of archives.slice(config.backupKeep)) {
    await rm(join(dir, old));
    say(`removed ${old} (keeping the newest ${config.backupKeep})`);
  }
});
