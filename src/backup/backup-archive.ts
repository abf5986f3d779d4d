import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import * as tar from 'tar';

const run = promisify(execFile);

export const ARCHIVE_FORMAT = 'cjn-tracker-backup';
const DUMP = 'database.dump';
const MANIFEST = 'manifest.json';
const UPLOADS = 'uploads';

export const ARCHIVE_NAME = /^cjn-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.tar\.gz$/;

/** Archive names sort by time: cjn-backup-2026-11-24T03-00-00-000Z.tar.gz */
export function archiveName(at: Date): string {
  return `cjn-backup-${at.toISOString().slice(0, 23).replace(/[:.]/g, '-')}Z.tar.gz`;
}

/** What an archive holds besides the data, read first when restoring. */
export interface BackupManifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: 1;
  appVersion: string;
  /** The newest migration applied to the database when it was dumped. */
  migrationHead: string | null;
  createdAt: string;
  uploads: { files: number; bytes: number };
}

/** Dumps the database (pg_dump, custom format) and packs it with the uploads folder and a manifest into one .tar.gz. */
export async function writeBackupArchive(options: {
  databaseUrl: string;
  uploadDir: string;
  file: string;
  appVersion: string;
  createdAt: Date;
  migrationHead: string | null;
}): Promise<BackupManifest> {
  const staging = await mkdtemp(join(tmpdir(), 'cjn-backup-'));
  try {
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${join(staging, DUMP)}`,
      `--dbname=${options.databaseUrl}`,
    ]);
    await mkdir(options.uploadDir, { recursive: true });
    const uploads = await folderStats(options.uploadDir);
    const manifest: BackupManifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: 1,
      appVersion: options.appVersion,
      migrationHead: options.migrationHead,
      createdAt: options.createdAt.toISOString(),
      uploads,
    };
    await writeFile(join(staging, MANIFEST), JSON.stringify(manifest, null, 2));
    await symlink(options.uploadDir, join(staging, UPLOADS));
    await tar.create({ gzip: true, cwd: staging, file: options.file, follow: true, portable: true }, [
      MANIFEST,
      DUMP,
      UPLOADS,
    ]);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Unpacks an archive into a new temporary folder and reads its manifest; the caller removes the folder. */
export async function openBackupArchive(file: string): Promise<{ dir: string; manifest: BackupManifest }> {
  const dir = await mkdtemp(join(tmpdir(), 'cjn-restore-'));
  try {
    await tar.extract({ file, cwd: dir, strict: true });
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as BackupManifest;
    if (manifest.format !== ARCHIVE_FORMAT)
      throw new Error(`${file} is not a CJN Tracker backup (no ${ARCHIVE_FORMAT} manifest)`);
    return { dir, manifest };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

export async function restoreDump(dir: string, databaseUrl: string): Promise<void> {
  await run('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--single-transaction',
    `--dbname=${databaseUrl}`,
    join(dir, DUMP),
  ]);
}

export function uploadsIn(dir: string): string {
  return join(dir, UPLOADS);
}

/** Every file under a folder, by path relative to it, with its SHA-256. */
export async function fileHashes(root: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const path of await filesUnder(root)) {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    hashes[relative(root, path)] = hash.digest('hex');
  }
  return hashes;
}

async function folderStats(root: string): Promise<{ files: number; bytes: number }> {
  const paths = await filesUnder(root);
  let bytes = 0;
  for (const path of paths) bytes += (await stat(path)).size;
  return { files: paths.length, bytes };
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
