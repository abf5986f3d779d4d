import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DELIVERIES_OUTBOX } from '../common/outbox.js';
import { SENDING_TIMEOUT_MS } from '../queue/queues.js';
import { Delivery } from './delivery.entity.js';
import type { PlannedDelivery } from './delivery-plan.js';

/** The queries on `deliveries`, the ledger of what was sent to whom. */
@Injectable()
export class DeliveryRepository {
  readonly outbox = DELIVERIES_OUTBOX;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  find(id: string): Promise<Delivery | null> {
    return this.db.getRepository(Delivery).findOneBy({ id });
  }

  /** Records the planned deliveries of a reminder; (reminder, recipient, channel) is unique, so a second run adds nothing. */
  async insertPlanned(manager: EntityManager, reminderId: string, planned: PlannedDelivery[]): Promise<void> {
    if (!planned.length) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(Delivery)
      .values(planned.map((p) => ({ ...p, reminderId, status: 'pending' as const })))
      .orIgnore()
      .execute();
  }

  pendingOf(reminderId: string): Promise<Delivery[]> {
    return this.db.getRepository(Delivery).findBy({ reminderId, status: 'pending' });
  }

  /** Deliveries not yet sent: pending ones, and `sending` ones whose claim has expired (a worker died mid-send). */
  unsent(now: Date, limit: number): Promise<Pick<Delivery, 'id' | 'channel' | 'status' | 'attempts' | 'notBefore'>[]> {
    return this.db
      .getRepository(Delivery)
      .createQueryBuilder('d')
      .select(['d.id', 'd.channel', 'd.status', 'd.attempts', 'd.notBefore'])
      .where("d.status = 'pending' OR (d.status = 'sending' AND d.claimed_at < :expired)", { expired: new Date(now.getTime() - SENDING_TIMEOUT_MS) })
      .orderBy('d.not_before')
      .take(limit)
      .getMany();
  }

  /** Per reminder: how many deliveries per `<channel>.<status>`. */
  async countsByReminder(reminderIds: string[]): Promise<Map<string, Record<string, number>>> {
    const counts = new Map<string, Record<string, number>>();
    if (!reminderIds.length) return counts;
    const rows = await this.db
      .getRepository(Delivery)
      .createQueryBuilder('d')
      .select('d.reminder_id', 'reminderId')
      .addSelect('d.channel', 'channel')
      .addSelect('d.status', 'status')
      .addSelect('count(*)', 'n')
      .where('d.reminder_id = ANY(:ids)', { ids: reminderIds })
      .groupBy('d.reminder_id, d.channel, d.status')
      .getRawMany<{ reminderId: string; channel: string; status: string; n: string }>();
    for (const r of rows) counts.set(r.reminderId, { ...counts.get(r.reminderId), [`${r.channel}.${r.status}`]: Number(r.n) });
    return counts;
  }
}
