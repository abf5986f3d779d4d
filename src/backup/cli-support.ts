import { readFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { type AppConfig, loadConfig } from '../config/app-config.js';
import { readEnvironment } from '../config/env-file.js';
import { dataSourceOptions } from '../database/data-source.js';

export const say = (line: string) => console.log(`[backup] ${line}`);

/** Runs a backup command: configuration from the environment and .env, one clear line on failure, exit code 1. */
export function runCommand(work: (config: AppConfig) => Promise<void>): void {
  let config: AppConfig;
  try {
    config = loadConfig(readEnvironment());
  } catch (error) {
    console.error(`[backup] ${(error as Error).message}`);
    process.exit(1);
  }
  work(config).then(
    () => process.exit(0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[backup] failed: ${message}`);
      process.exit(1);
    },
  );
}

export async function withDatabase<T>(databaseUrl: string, work: (db: DataSource) => Promise<T>): Promise<T> {
  const db = new DataSource(dataSourceOptions(databaseUrl));
  await db.initialize();
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

export async function appVersion(): Promise<string> {
  for (const path of [
    new URL('../../../package.json', import.meta.url),
    new URL(`file://${process.cwd()}/package.json`),
  ]) {
    const text = await readFile(path, 'utf8').catch(() => null);
    if (text) return (JSON.parse(text) as { version: string }).version;
  }
  return 'unknown';
}
