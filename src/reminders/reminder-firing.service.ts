import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { DeadlineMissed } from '../deadlines/deadline-missed.service.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { ReminderScheduler } from '../deadlines/reminder-scheduler.service.js';
import type { Reminder } from '../deadlines/reminder.entity.js';
import { TelegramBlockedChats } from '../notifications/telegram-blocked-chats.service.js';
import { DELIVERY_JOB_OPTIONS, QUEUES } from '../queue/queues.js';
import { planDeliveries, type PlannedDelivery } from './delivery-plan.js';
import type { ReminderContent } from '../notifications/reminder-message.js';
import { DeliveryRepository } from './delivery.repository.js';
import { RecipientsService } from './recipients.service.js';
import { ReminderContentService } from './reminder-content.service.js';
import { InAppChannel } from '../notifications/channels/in-app.channel.js';

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
    @InjectQueue(QUEUES.deliveries) private readonly deliveries: Queue<DeliveryJobData>,
    private readonly reminders: ReminderScheduler,
    private readonly deadlines: DeadlinesService,
    private readonly missed: DeadlineMissed,
    private readonly ledger: DeliveryRepository,
    private readonly blockedChats: TelegramBlockedChats,
    private readonly recipients: RecipientsService,
    private readonly content: ReminderContentService,
    private readonly inApp: InAppChannel,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Returns what happened, or the time to wake up again when the job came early. */
  async fire(reminderId: string, version: number): Promise<string | { wakeAt: Date }> {
    const peek = await this.reminders.find(reminderId);
    if (!peek || peek.status !== 'scheduled' || peek.version !== version)
      return 'stale: reminder moved, cancelled or already fired';
    const now = this.clock.now();
    if (peek.fireAt.getTime() - now.getTime() > EARLY_TOLERANCE_MS) return { wakeAt: peek.fireAt };
    const deadline = await this.deadlines.findById(peek.deadlineId);
    const recipients = deadline ? await this.recipients.resolve(deadline) : null;
    const blocked = await this.blockedChats.all();
    const planned = recipients
      ? planDeliveries(
          recipients.users,
          recipients.groupChatId,
          { email: this.config.emailEnabled, telegram: this.config.telegramEnabled, blockedChats: blocked },
          now,
        )
      : [];
    // In-app notices are rows in this database: written in the firing's own transaction, they exist
    // exactly once with the reminder marked sent, and need no delivery job. Their text is composed
    // first, outside the transaction (composing reads with other connections).
    const notices = new Map<PlannedDelivery, ReminderContent>();
    if (deadline && recipients?.subject) {
      for (const p of planned) {
        const user = p.channel === 'inApp' ? recipients.users.find((u) => u.id === p.userId) : undefined;
        if (user) notices.set(p, await this.content.compose(peek, deadline, recipients.subject, user, now));
      }
    }

    // Jobs are added for the pending deliveries this firing wrote, or, when the reminder had already fired
    // (`queued` stays null), for any a crash between that commit and its jobs left without one.
    let queued: number | null = null;
    const outcome = await this.deadlines.transaction(async (manager) => {
      const reminder = await this.reminders.lockForFiring(manager, reminderId);
      if (!reminder || reminder.status !== 'scheduled' || reminder.version !== version) return 'stale';
      const d = await this.deadlines.lock(manager, reminder.deadlineId);
      // The notices were composed from the deadline as read before the lock: if it changed since, they go
      // the way of other deliveries (a job composes them at send time).
      const composed = d && d.version === deadline?.version ? notices : new Map<PlannedDelivery, ReminderContent>();
      queued = 0;
      const finish = async (status: Reminder['status'], why: string) => {
        await this.reminders.recordFired(manager, reminder.id, status, now, status === 'sent' ? null : why);
        return why;
      };
      if (!d || !recipients) return finish('cancelled', 'deadline gone');
      if (reminder.kind === 'before') {
        if (d.status !== 'open') return finish('cancelled', `deadline is ${d.status}`);
        if (d.dueAt.getTime() <= now.getTime()) return finish('skipped', 'deadline already passed; not sent late');
      } else {
        if (d.status === 'done' || d.status === 'cancelled') return finish('cancelled', `deadline is ${d.status}`);
        if (d.dueAt.getTime() > now.getTime() + EARLY_TOLERANCE_MS) return finish('skipped', 'deadline not yet due');
        if (d.status === 'open') await this.missed.markMissed(manager, d);
      }
      const pending = planned.filter((p) => !composed.has(p));
      await this.ledger.insertPlanned(manager, reminder, pending);
      queued = pending.length;
      for (const [p, content] of composed) {
        const noticeId = await this.inApp.record(manager, p.userId!, content);
        await this.ledger.insertSent(manager, reminder, p, now, noticeId);
      }
      return finish('sent', `${planned.length} deliveries`);
    });
    if (queued !== 0) await this.enqueueDeliveries(reminderId);
    return outcome;
  }

  /** Adds a job for each pending delivery of the reminder; the job id makes a repeat a no-op. */
  async enqueueDeliveries(reminderId: string): Promise<void> {
    const pending = await this.ledger.pendingOf(reminderId);
    const now = this.clock.now().getTime();
    await this.deliveries.addBulk(
      pending.map((p) => ({
        name: p.channel,
        data: { deliveryId: p.id },
        opts: { ...DELIVERY_JOB_OPTIONS, jobId: deliveryJobId(p.id), delay: Math.max(0, p.notBefore.getTime() - now) },
      })),
    );
  }
}
