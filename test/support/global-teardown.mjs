// Drops this run's template database and any copy a crashed test file left behind.
import { dropDatabase, onServer, TEMPLATE_ENV } from '../../dist/test/support/databases.js';

export default async function globalTeardown() {
  const template = process.env[TEMPLATE_ENV];
  if (!template) return;
  const leftovers = await onServer((c) =>
    c.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${template}%`]),
  );
  for (const { datname } of leftovers.rows) await dropDatabase(datname);
}
