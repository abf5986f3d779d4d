import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { chunks } from '../common/chunks.js';
import { ROWS_PER_STATEMENT } from '../deadlines/reminder-scheduler.service.js';
import { DELIVERIES_OUTBOX } from '../common/outbox.js';
import { SENDING_TIMEOUT_MS } from '../queue/queues.js';
import { Delivery } from './delivery.entity.js';
import type { PlannedDelivery } from './delivery-plan.js';

/** A delivery row a firing wrote (a row already there is not returned). */
export type InsertedDelivery = Pick<Delivery, 'id' | 'reminderId' | 'recipient' | 'channel'>;

/** A planned delivery of one version of a reminder; `claimedAt` writes it claimed by the firing (`sending`). */
export interface FiredDelivery {
  reminder: { id: string; version: number };
  delivery: PlannedDelivery;
  claimedAt?: Date;
}

/** The queries on `deliveries`, the ledger of what was sent to whom. */
@Injectable()
export class DeliveryRepository {
  constructor(@InjectRepository(Delivery) private readonly deliveries: Repository<Delivery>) {}

  /** Claims the delivery for sending if it is due and nobody holds it (see Outbox). */
  claim(id: string, now: Date): Promise<string | null> {
    return DELIVERIES_OUTBOX.claim(this.deliveries.manager, { id }, now, 'not_before');
  }

  release(id: string, error: string, attemptsDelta: number): Promise<void> {
    return DELIVERIES_OUTBOX.release(this.deliveries.manager, id, error, attemptsDelta);
  }

  finish(id: string, status: 'skipped' | 'failed', why: string): Promise<void> {
    return DELIVERIES_OUTBOX.finish(this.deliveries.manager, id, status, { last_error: why.slice(0, 1000) });
  }

  /** After the provider accepted it; never throws (see Outbox.recordSent). */
  recordSent(id: string, sentAt: Date, providerMessageId: string | null): Promise<boolean> {
    return DELIVERIES_OUTBOX.recordSent(this.deliveries.manager, id, sentAt, {
      provider_message_id: providerMessageId,
      last_error: null,
    });
  }

  find(id: string): Promise<Delivery | null> {
    return this.deliveries.findOneBy({ id });
  }

  /**
   * Records planned deliveries, each of one version of a reminder; (reminder, version, recipient, channel)
   * is unique, so a second run adds nothing. Returns the rows it wrote.
   */
  async insertPlanned(manager: EntityManager, planned: FiredDelivery[]): Promise<InsertedDelivery[]> {
    const inserted: InsertedDelivery[] = [];
    for (const part of chunks(planned, ROWS_PER_STATEMENT)) {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(Delivery)
        .values(
          part.map((p) =>
            p.claimedAt
              ? { ...this.row(p), status: 'sending' as const, claimedAt: p.claimedAt, attempts: 1 }
              : { ...this.row(p), status: 'pending' as const },
          ),
        )
        .orIgnore()
        .returning('id, reminder_id, recipient, channel')
        .execute();
      const rows = result.raw as { id: string; reminder_id: string; recipient: string; channel: Delivery['channel'] }[];
      inserted.push(
        ...rows.map((r) => ({ id: r.id, reminderId: r.reminder_id, recipient: r.recipient, channel: r.channel })),
      );
    }
    return inserted;
  }

  /**
   * Records deliveries made inside the firing transaction itself (in-app notices, `providerMessageId` the
   * notice's id): written `sent`, so no job ever handles them. A row already there is a conflict that rolls
   * the firing back (it cannot happen: the firing holds the reminders' row locks and fires each version once).
   */
  async insertSent(manager: EntityManager, sent: (FiredDelivery & { providerMessageId: string })[], sentAt: Date) {
    for (const part of chunks(sent, ROWS_PER_STATEMENT)) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Delivery)
        .values(
          part.map((p) => ({
            ...this.row(p),
            status: 'sent' as const,
            attempts: 1,
            sentAt,
            providerMessageId: p.providerMessageId,
          })),
        )
        .execute();
    }
  }

  private row({ reminder, delivery }: Pick<FiredDelivery, 'reminder' | 'delivery'>) {
    return { ...delivery, reminderId: reminder.id, reminderVersion: reminder.version };
  }

  /** The reminders' deliveries not yet sent: pending, or claimed by someone sending them now. */
  unsentOf(reminderIds: string[]): Promise<Delivery[]> {
    if (!reminderIds.length) return Promise.resolve([]);
    return this.deliveries.findBy({ reminderId: In(reminderIds), status: In(['pending', 'sending']) });
  }

  /** Deliveries not yet sent: pending ones, and `sending` ones whose claim has expired (a worker died mid-send). */
  unsent(now: Date, limit: number): Promise<Pick<Delivery, 'id' | 'channel' | 'status' | 'attempts' | 'notBefore'>[]> {
    return this.deliveries
      .createQueryBuilder('d')
      .select(['d.id', 'd.channel', 'd.status', 'd.attempts', 'd.notBefore'])
      .where("d.status = 'pending' OR (d.status = 'sending' AND d.claimed_at < :expired)", {
        expired: new Date(now.getTime() - SENDING_TIMEOUT_MS),
      })
      .orderBy('d.not_before')
      .take(limit)
      .getMany();
  }

  /** Per reminder: how many deliveries per `<channel>.<status>`. */
  async countsByReminder(reminderIds: string[]): Promise<Map<string, Record<string, number>>> {
    const counts = new Map<string, Record<string, number>>();
    if (!reminderIds.length) return counts;
    const rows = await this.deliveries
      .createQueryBuilder('d')
      .select('d.reminder_id', 'reminderId')
      .addSelect('d.channel', 'channel')
      .addSelect('d.status', 'status')
      .addSelect('count(*)', 'n')
      .where('d.reminder_id = ANY(:ids)', { ids: reminderIds })
      .groupBy('d.reminder_id, d.channel, d.status')
      .getRawMany<{ reminderId: string; channel: string; status: string; n: string }>();
    for (const r of rows)
      counts.set(r.reminderId, { ...counts.get(r.reminderId), [`${r.channel}.${r.status}`]: Number(r.n) });
    return counts;
  }
}
