// Runs in Jest's parent process, outside its TypeScript transform, so it uses the
// compiled app (`npm test` builds first). Migrates one template database per run;
// each test file copies it with CREATE DATABASE … TEMPLATE.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../dist/src/database/data-source.js';
import { databaseUrl, onServer, TEMPLATE_ENV } from '../../dist/test/support/databases.js';

export default async function globalSetup() {
  // The e2e and browser projects share one template per run.
  if (process.env[TEMPLATE_ENV]) return;
  const template = `cjn_test_${process.pid}_${Date.now().toString(36)}`;
  await onServer((c) => c.query(`CREATE DATABASE "${template}"`));
  const db = new DataSource(dataSourceOptions(databaseUrl(template)));
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  await db.destroy();
  process.env[TEMPLATE_ENV] = template;
}
