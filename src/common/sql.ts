import type { DataSource, EntityManager } from 'typeorm';

/** Escapes `%`, `_` and `\` so user text matches literally inside an ILIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Runs `UPDATE … RETURNING` and gives back the returned rows. TypeORM's postgres
 * `query()` answers UPDATE and DELETE with `[rows, rowCount]` (other statements with
 * the rows alone); claiming a row must look at the rows, never at that pair.
 */
export async function updateReturning<T>(db: DataSource | EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result: unknown = await db.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return result as T[];
}
