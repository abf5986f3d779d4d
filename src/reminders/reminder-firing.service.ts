import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ActivityService } from '../activity/activity.service.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { Deadline } from '../deadlines/deadline.entity.js';
import { DELIVERY_JOB_OPTIONS, QUEUES } from '../queue/queues.js';
import { planDeliveries } from './delivery-plan.js';
import { Delivery, Reminder } from './reminder.entity.js';
import { RecipientsService } from './recipients.service.js';

/** A job that wakes up earlier than this before its reminder's time goes back to sleep. */
const EARLY_TOLERANCE_MS = 250;

export interface DeliveryJobData {
  deliveryId: string;
}

export function deliveryJobId(deliveryId: string, redrive?: number): string {
  return redrive === undefined ? `delivery-${deliveryId}` : `delivery-${deliveryId}-r${redrive}`;
}

/**
 * What happens when a reminder's time comes (DESIGN step 3): re-read the reminder and
 * its deadline (they may have moved or finished), resolve recipients and channels,
 * and record one delivery per recipient × channel — all in one transaction holding
 * the reminder's row lock, so a second worker or a retry finds it already done.
 */
@Injectable()
export class ReminderFiring {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.deliveries) private readonly deliveries: Queue<DeliveryJobData>,
    private readonly recipients: RecipientsService,
    private readonly activity: ActivityService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Returns what happened, or the time to wake up again when the job came early. */
  async fire(reminderId: string, version: number): Promise<string | { wakeAt: Date }> {
    const peek = await this.db.getRepository(Reminder).findOneBy({ id: reminderId });
    if (!peek || peek.status !== 'scheduled' || peek.version !== version) return 'stale: reminder moved, cancelled or already fired';
    const now = this.clock.now();
    if (peek.fireAt.getTime() - now.getTime() > EARLY_TOLERANCE_MS) return { wakeAt: peek.fireAt };
    const deadline = await this.db.getRepository(Deadline).findOneBy({ id: peek.deadlineId });
    const recipients = deadline ? await this.recipients.resolve(deadline) : null;
    const blocked = new Set<string>(
      (await this.db.query(`SELECT chat_id FROM telegram_blocked_chats`)).map((r: { chat_id: string }) => r.chat_id),
    );

    const outcome = await this.db.transaction(async (manager) => {
      const reminder = await manager.getRepository(Reminder).findOne({ where: { id: reminderId }, lock: { mode: 'pessimistic_write' } });
      if (!reminder || reminder.status !== 'scheduled' || reminder.version !== version) return 'stale';
      const d = await manager.getRepository(Deadline).findOne({ where: { id: reminder.deadlineId }, lock: { mode: 'pessimistic_write' } });
      const finish = async (status: Reminder['status'], why: string) => {
        await manager.getRepository(Reminder).update(reminder.id, { status, firedAt: now, lastError: status === 'sent' ? null : why });
        return why;
      };
      if (!d || !recipients) return finish('cancelled', 'deadline gone');
      if (reminder.kind === 'before') {
        if (d.status !== 'open') return finish('cancelled', `deadline is ${d.status}`);
        if (d.dueAt.getTime() <= now.getTime()) return finish('skipped', 'deadline already passed; not sent late');
      } else {
        if (d.status === 'done' || d.status === 'cancelled') return finish('cancelled', `deadline is ${d.status}`);
        if (d.dueAt.getTime() > now.getTime() + EARLY_TOLERANCE_MS) return finish('skipped', 'deadline not yet due');
        if (d.status === 'open') await this.markMissed(manager, d);
      }
      const planned = planDeliveries(recipients.users, recipients.groupChatId, { email: this.config.emailEnabled, telegram: this.config.telegramEnabled, blockedChats: blocked }, now);
      if (planned.length) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(Delivery)
          .values(planned.map((p) => ({ ...p, reminderId: reminder.id, status: 'pending' as const })))
          .orIgnore() // (reminder, recipient, channel) is unique: a second run adds nothing
          .execute();
      }
      return finish('sent', `${planned.length} deliveries`);
    });
    await this.enqueueDeliveries(reminderId);
    return outcome;
  }

  /** Adds a job for each pending delivery of the reminder; the job id makes a repeat a no-op. */
  async enqueueDeliveries(reminderId: string): Promise<void> {
    const pending = await this.db.getRepository(Delivery).findBy({ reminderId, status: 'pending' });
    const now = this.clock.now().getTime();
    await this.deliveries.addBulk(
      pending.map((p) => ({
        name: p.channel,
        data: { deliveryId: p.id },
        opts: { ...DELIVERY_JOB_OPTIONS, jobId: deliveryJobId(p.id), delay: Math.max(0, p.notBefore.getTime() - now) },
      })),
    );
  }

  async markMissed(manager: DataSource['manager'], d: Deadline): Promise<void> {
    await manager.getRepository(Deadline).update({ id: d.id, status: 'open' }, { status: 'missed', version: () => 'version + 1' });
    await this.activity.record(manager, {
      actorId: null,
      action: 'deadline.missed',
      subjectType: 'deadline',
      subjectId: d.id,
      summary: `Deadline "${d.title}" passed without being marked done`,
    });
  }
}
