import pg from 'pg';

/** Creates the database named in the URL when it is missing and the user has the right to. */
export async function ensureDatabase(databaseUrl: string): Promise<'exists' | 'created'> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return 'exists';
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return 'created';
  } finally {
    await client.end();
  }
}
