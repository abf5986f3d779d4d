import 'reflect-metadata';
import { cp, lchown, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { openBackupArchive, restoreDump, uploadsIn } from './backup-archive.js';
import { knowsMigration } from './backup-runs.js';
import { runCommand, say } from './cli-support.js';

/**
 * `npm run restore -- FILE [--force]`: brings DATABASE_URL and UPLOAD_DIR back to the archive's state.
 * Stop the tracker first. Without --force it only restores into an empty database and upload folder.
 */
runCommand(async (config) => {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('name the archive: npm run restore -- backups/cjn-backup-….tar.gz [--force]');
  const force = args.includes('--force');
  const uploadDir = resolve(config.uploadDir);

  const { dir, manifest } = await openBackupArchive(resolve(file));
  try {
    if (!knowsMigration(manifest.migrationHead)) {
      throw new Error(
        `this archive was made by a newer CJN Tracker (schema ${manifest.migrationHead}, version ${manifest.appVersion}); ` +
          'install that version (or newer) and restore again',
      );
    }
    const database = new URL(config.databaseUrl);
    const name = decodeURIComponent(database.pathname.slice(1));
    const server = new URL(config.databaseUrl);
    server.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: server.toString() });
    await admin.connect();
    try {
      const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
      if (exists && !force && (await hasTables(config.databaseUrl))) {
        throw new Error(`database ${name} already holds data; stop the tracker and add --force to replace it`);
      }
      if ((await readdir(uploadDir).catch(() => [])).length && !force) {
        throw new Error(`${uploadDir} is not empty; add --force to replace its files`);
      }
      const quoted = `"${name.replace(/"/g, '""')}"`;
      await admin.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${quoted}`);
    } finally {
      await admin.end();
    }
    await restoreDump(dir, config.databaseUrl);
    // Empty the folder rather than remove it: in a container it is a mounted volume.
    await mkdir(uploadDir, { recursive: true });
    for (const entry of await readdir(uploadDir)) await rm(join(uploadDir, entry), { recursive: true, force: true });
    await cp(uploadsIn(dir), uploadDir, { recursive: true });
    await giveToFolderOwner(uploadDir);
    say(
      `restored ${file}: database ${name} at schema ${manifest.migrationHead}, ${manifest.uploads.files} files into ${uploadDir}`,
    );
    say('start the tracker: it applies any migrations newer than the backup');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** Run as root (the compose `restore` tool), the copied files would be root's: hand them to the folder's owner (the app). */
async function giveToFolderOwner(folder: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const { uid, gid } = await stat(folder);
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    await lchown(join(entry.parentPath, entry.name), uid, gid);
  }
}

async function hasTables(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public' LIMIT 1`);
    return !!rowCount;
  } finally {
    await client.end();
  }
}
