import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';

/** What a provider's acceptance of a message left to record. */
export interface SentOutcome {
  sentAt: Date;
  providerMessageId: string | null;
  /** Digests: how many deadlines it listed. */
  itemCount?: number;
}

/** Far longer than any retry or reconciler pass takes; only a marker whose row is never recorded ages out. */
const MARKER_TTL_SECONDS = 14 * 24 * 3600;

/**
 * Retry the record, not the send (docs/reminders.md): once a provider has accepted a message, its
 * outcome is kept in Redis until Postgres has taken it. Whoever next takes the row (a retry of the job,
 * the reconciler's re-drive, the next digest run) records the kept outcome instead of sending again.
 */
@Injectable()
export class SentMarkers {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** Never throws: answers whether Redis kept it. */
  async keep(outbox: string, id: string, outcome: SentOutcome): Promise<boolean> {
    return this.redis.set(this.key(outbox, id), JSON.stringify(outcome), 'EX', MARKER_TTL_SECONDS).then(
      () => true,
      () => false,
    );
  }

  /** The outcome kept for this row, or null. Throws when Redis cannot answer (then nothing may be sent). */
  async recall(outbox: string, id: string): Promise<SentOutcome | null> {
    const raw = await this.redis.get(this.key(outbox, id));
    if (!raw) return null;
    const kept = JSON.parse(raw) as Omit<SentOutcome, 'sentAt'> & { sentAt: string };
    return { ...kept, sentAt: new Date(kept.sentAt) };
  }

  /** After Postgres recorded the row. A marker left behind costs only memory until its TTL: a sent row is never claimed again. */
  async forget(outbox: string, id: string): Promise<void> {
    await this.redis.del(this.key(outbox, id)).catch(() => undefined);
  }

  private key(outbox: string, id: string): string {
    return `${this.config.queuePrefix}:sent:${outbox}:${id}`;
  }
}
