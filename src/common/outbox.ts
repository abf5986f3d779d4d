import type { DataSource, EntityManager } from 'typeorm';
import { SENDING_TIMEOUT_MS } from '../queue/queues.js';
import { updateReturning } from './sql.js';

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

type Db = DataSource | EntityManager;
type Fields = Record<string, unknown>;

/** Pauses between tries of recording that a message went out (about 3.5 s in all). */
const RECORD_RETRY_MS = [100, 400, 1000, 2000];

/**
 * The at-most-once protocol of an outbox table (deliveries, digests), see docs/reminders.md:
 * a row is claimed with a conditional UPDATE (pending → sending, or a `sending` whose claim
 * is older than SENDING_TIMEOUT_MS) before anything goes out; a failure before the provider
 * accepted hands the claim back; once accepted, the claim is never handed back, and the outcome is kept
 * in Redis (SentMarkers) until recordSent lands.
 */
export class Outbox {
  constructor(
    readonly table: 'deliveries' | 'digests',
    /** Whether the table has an `updated_at` column to touch. */
    private readonly touch: boolean,
  ) {}

  /** Claims the row matching `match` (column = value); `dueColumn`, when given, must be <= now. Returns its id or null. */
  async claim(db: Db, match: Fields, now: Date, dueColumn?: string): Promise<string | null> {
    const params: unknown[] = [now, new Date(now.getTime() - SENDING_TIMEOUT_MS)];
    const where = Object.entries(match).map(([column, value]) => `${column} = $${params.push(value)}`);
    if (dueColumn) where.push(`${dueColumn} <= $1`);
    const rows = await updateReturning<{ id: string }>(
      db,
      `UPDATE ${this.table} SET status = 'sending', claimed_at = $1, attempts = attempts + 1${this.updatedAt()}
       WHERE ${where.join(' AND ')} AND (status = 'pending' OR (status = 'sending' AND claimed_at < $2)) RETURNING id`,
      params,
    );
    return rows[0]?.id ?? null;
  }

  /** Nothing went out: gives the claim back (attemptsDelta -1 when the try did not count). */
  async release(db: Db, id: string, error: string, attemptsDelta = 0): Promise<void> {
    await db.query(
      `UPDATE ${this.table} SET status = 'pending', claimed_at = NULL, attempts = attempts + $3, last_error = $2${this.updatedAt()}
       WHERE id = $1 AND status = 'sending'`,
      [id, error.slice(0, 1000), attemptsDelta],
    );
  }

  /** Ends a claimed row without sending (skipped) or after a permanent failure. */
  async finish(db: Db, id: string, status: 'skipped' | 'failed', fields: Fields = {}): Promise<void> {
    await this.update(db, id, { status, ...fields });
  }

  /**
   * Records that the provider accepted the message. Never throws: a failure here must not hand
   * the claim back (a retry would send it again). Retries briefly and answers false when Postgres
   * would not take it, leaving the row `sending`.
   */
  async recordSent(db: Db, id: string, sentAt: Date, fields: Fields): Promise<boolean> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.update(db, id, { status: 'sent', sent_at: sentAt, ...fields });
        return true;
      } catch {
        if (attempt >= RECORD_RETRY_MS.length) return false;
        await new Promise((resolve) => setTimeout(resolve, RECORD_RETRY_MS[attempt]));
      }
    }
  }

  private async update(db: Db, id: string, fields: Fields): Promise<void> {
    const params: unknown[] = [id];
    const set = Object.entries(fields).map(([column, value]) => `${column} = $${params.push(value)}`);
    await db.query(`UPDATE ${this.table} SET ${set.join(', ')}${this.updatedAt()} WHERE id = $1`, params);
  }

  private updatedAt(): string {
    return this.touch ? ', updated_at = now()' : '';
  }
}

export const DELIVERIES_OUTBOX = new Outbox('deliveries', true);
export const DIGESTS_OUTBOX = new Outbox('digests', false);
