import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `UPDATE … RETURNING` and gives back the returned rows. TypeORM's postgres
 * `query()` answers UPDATE and DELETE with `[rows, rowCount]` (other statements with
 * the rows alone); claiming a row must look at the rows, never at that pair.
 */
export async function updateReturning<T>(db: DataSource | EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result: unknown = await db.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** Pauses between tries of recording that a message went out (about 3.5 s in all). */
const RECORD_RETRY_MS = [100, 400, 1000, 2000];

/**
 * Records that a message the provider has accepted was sent. Never throws: a failure here
 * must not hand the claim back (a retry would send the message again). Retries briefly and
 * answers false when Postgres would not take it, leaving the row as it was (`sending`).
 */
export async function recordAfterSend(db: DataSource | EntityManager, sql: string, params: unknown[]): Promise<boolean> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await db.query(sql, params);
      return true;
    } catch {
      if (attempt >= RECORD_RETRY_MS.length) return false;
      await new Promise((resolve) => setTimeout(resolve, RECORD_RETRY_MS[attempt]));
    }
  }
}
