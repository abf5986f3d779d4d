import type { DataSource, EntityManager } from 'typeorm';

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
