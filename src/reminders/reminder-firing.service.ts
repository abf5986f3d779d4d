import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { Batcher } from '../common/batcher.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import type { Deadline } from '../deadlines/deadline.entity.js';
import { DeadlineMissed } from '../deadlines/deadline-missed.service.js';
import type { Reminder } from '../deadlines/reminder.entity.js';
import { type FiredOutcome, RemindersRepository } from '../deadlines/reminders.repository.js';
import { InAppChannel } from '../notifications/channels/in-app.channel.js';
import type { ReminderContent } from '../notifications/reminder-message.js';
import { TelegramBlockedChats } from '../notifications/telegram-blocked-chats.service.js';
import { DELIVERY_JOB_OPTIONS, QUEUES } from '../queue/queues.js';
import { planDeliveries, type PlannedDelivery } from './delivery-plan.js';
import { DeliveryRepository, type FiredDelivery } from './delivery.repository.js';
import { NO_RECIPIENTS, type Recipients, RecipientsService } from './recipients.service.js';
import { ReminderContentService } from './reminder-content.service.js';

/** A job that wakes up earlier than this before its reminder's time goes back to sleep. */
const EARLY_TOLERANCE_MS = 250;

/** Reminders fired together at most, and sets in flight at once (each holds one connection). */
const SET_SIZE = 100;
const SETS_IN_FLIGHT = 2;

const STALE = 'stale: reminder moved, cancelled or already fired';

export interface DeliveryJobData {
  deliveryId: string;
}

export interface FiringRequest {
  reminderId: string;
  version: number;
}

/** What happened, or the time to wake up again when the job came early. */
export type FiringOutcome = string | { wakeAt: Date };

export function deliveryJobId(deliveryId: string, redrive?: number): string {
  return redrive === undefined ? `delivery-${deliveryId}` : `delivery-${deliveryId}-r${redrive}`;
}

/** A reminder due now, with what was read of it before the firing's transaction. */
interface DueReminder {
  reminder: Reminder;
  deadline: Deadline | null;
  recipients: Recipients | null;
  planned: PlannedDelivery[];
  notices: Map<PlannedDelivery, ReminderContent>;
}

/**
 * What happens when a reminder's time comes (DESIGN step 3): re-read the reminder and its deadline (they
 * may have moved or finished), resolve recipients and channels, and record one delivery per recipient ×
 * channel — in one transaction holding the reminder's row lock, so a second worker or a retry finds it
 * already done. Reminders due together fire in sets: each step is one query for the whole set.
 */
@Injectable()
export class ReminderFiring {
  private readonly sets = new Batcher<FiringRequest, FiringOutcome>(
    (requests) => this.fireSet(requests),
    SET_SIZE,
    SETS_IN_FLIGHT,
  );

  constructor(
    @InjectQueue(QUEUES.deliveries) private readonly deliveries: Queue<DeliveryJobData>,
    private readonly reminders: RemindersRepository,
    private readonly missed: DeadlineMissed,
    private readonly ledger: DeliveryRepository,
    private readonly blockedChats: TelegramBlockedChats,
    private readonly recipients: RecipientsService,
    private readonly content: ReminderContentService,
    private readonly inApp: InAppChannel,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Fires the reminder together with others due at the same time (a reminder job's work). */
  fireInSet(reminderId: string, version: number): Promise<FiringOutcome> {
    return this.sets.add({ reminderId, version });
  }

  async fire(reminderId: string, version: number): Promise<FiringOutcome> {
    return (await this.fireMany([{ reminderId, version }]))[0];
  }

  /** Fires a set; when the set fails as a whole, each of its reminders is tried alone, so one cannot hold back the others. */
  private async fireSet(requests: readonly FiringRequest[]): Promise<(FiringOutcome | Error)[]> {
    try {
      return await this.fireMany(requests);
    } catch (error) {
      if (requests.length === 1) return [error as Error];
      const outcomes: (FiringOutcome | Error)[] = [];
      for (const r of requests) outcomes.push(await this.fire(r.reminderId, r.version).catch((e: Error) => e));
      return outcomes;
    }
  }

  async fireMany(requests: readonly FiringRequest[]): Promise<FiringOutcome[]> {
    const now = this.clock.now();
    const peeked = await this.reminders.findMany([...new Set(requests.map((r) => r.reminderId))]);
    const outcomes: FiringOutcome[] = requests.map(() => STALE);
    const due = new Map<string, number>();
    requests.forEach((r, i) => {
      const reminder = peeked.get(r.reminderId);
      if (!reminder || reminder.status !== 'scheduled' || reminder.version !== r.version || due.has(reminder.id))
        return;
      if (reminder.fireAt.getTime() - now.getTime() > EARLY_TOLERANCE_MS) outcomes[i] = { wakeAt: reminder.fireAt };
      else due.set(reminder.id, i);
    });
    if (!due.size) return outcomes;

    const prepared = await this.prepare(
      [...due.keys()].map((id) => peeked.get(id)!),
      now,
    );
    // Jobs are added for the pending deliveries this firing wrote, or, for a reminder that had already fired,
    // for any that a crash between that commit and its jobs left without one.
    const { fired, enqueue } = await this.reminders.transaction((manager) => this.record(manager, prepared, now));
    if (enqueue.length) await this.enqueueDeliveries(enqueue);
    for (const [id, i] of due) outcomes[i] = fired.get(id) ?? 'stale';
    return outcomes;
  }

  /**
   * Reads, before the transaction, what the firing needs: deadlines, recipients and channels, and the text
   * of in-app notices (composing reads with other connections).
   */
  private async prepare(reminders: Reminder[], now: Date): Promise<DueReminder[]> {
    const deadlines = await this.reminders.findDeadlines(reminders.map((r) => r.deadlineId));
    const recipients = await this.recipients.resolveMany([...deadlines.values()]);
    const available = {
      email: this.config.emailEnabled,
      telegram: this.config.telegramEnabled,
      blockedChats: await this.blockedChats.all(),
    };
    const due = reminders.map((reminder): DueReminder => {
      const deadline = deadlines.get(reminder.deadlineId) ?? null;
      const r = deadline ? (recipients.get(deadline.id) ?? NO_RECIPIENTS) : null;
      const planned = r ? planDeliveries(r.users, r.groupChatId, available, now) : [];
      return { reminder, deadline, recipients: r, planned, notices: new Map() };
    });
    // In-app notices are rows in this database: written in the firing's own transaction, they exist exactly
    // once with the reminder marked sent, and need no delivery job.
    const notices = due.flatMap((f) =>
      f.deadline && f.recipients?.subject
        ? f.planned.flatMap((delivery) => {
            const user =
              delivery.channel === 'inApp' ? f.recipients!.users.find((u) => u.id === delivery.userId) : null;
            return user ? [{ f, delivery, user, deadline: f.deadline!, subject: f.recipients!.subject! }] : [];
          })
        : [],
    );
    const texts = await this.content.composeMany(
      notices.map((n) => ({ reminder: n.f.reminder, deadline: n.deadline, subject: n.subject, user: n.user })),
      now,
    );
    notices.forEach((n, i) => n.f.notices.set(n.delivery, texts[i]));
    return due;
  }

  /** The firing's transaction: decides each reminder under its lock and writes the set's rows together. */
  private async record(
    manager: EntityManager,
    due: DueReminder[],
    now: Date,
  ): Promise<{ fired: Map<string, string>; enqueue: string[] }> {
    const locked = await this.reminders.lockForFiring(
      manager,
      due.map((f) => f.reminder.id),
    );
    const fired = new Map<string, string>();
    const ended: FiredOutcome[] = [];
    const enqueue: string[] = [];
    const pending: FiredDelivery[] = [];
    const notices: (FiredDelivery & { content: ReminderContent })[] = [];
    for (const f of due) {
      const reminder = locked.reminders.get(f.reminder.id);
      if (!reminder || reminder.status !== 'scheduled' || reminder.version !== f.reminder.version) {
        fired.set(f.reminder.id, 'stale');
        enqueue.push(f.reminder.id);
        continue;
      }
      const finish = (status: Reminder['status'], why: string) => {
        ended.push({ id: reminder.id, status, lastError: status === 'sent' ? null : why });
        fired.set(reminder.id, why);
      };
      const d = locked.deadlines.get(reminder.deadlineId);
      if (!d || !f.recipients) {
        finish('cancelled', 'deadline gone');
        continue;
      }
      // The notices were composed from the deadline as read before the lock: if it changed since, they go
      // the way of other deliveries (a job composes them at send time).
      const composed = d.version === f.deadline?.version ? f.notices : new Map<PlannedDelivery, ReminderContent>();
      const why = await this.refusal(manager, reminder, d, now);
      if (why) {
        finish(why.status, why.why);
        continue;
      }
      for (const delivery of f.planned) {
        const content = composed.get(delivery);
        if (content) notices.push({ reminder, delivery, content });
        else pending.push({ reminder, delivery });
      }
      if (f.planned.length > composed.size) enqueue.push(reminder.id);
      finish('sent', `${f.planned.length} deliveries`);
    }
    await this.ledger.insertPlanned(manager, pending);
    const noticeIds = await this.inApp.record(
      manager,
      notices.map((n) => ({ userId: n.delivery.userId!, content: n.content })),
    );
    await this.ledger.insertSent(
      manager,
      notices.map((n, i) => ({ reminder: n.reminder, delivery: n.delivery, providerMessageId: noticeIds[i] })),
      now,
    );
    await this.reminders.recordFired(manager, ended, now);
    return { fired, enqueue };
  }

  /**
   * Why the reminder is not sent (cancelled or skipped), or null to send it. An overdue reminder marks its
   * open deadline missed.
   */
  private async refusal(
    manager: EntityManager,
    reminder: Reminder,
    d: Deadline,
    now: Date,
  ): Promise<{ status: Reminder['status']; why: string } | null> {
    if (reminder.kind === 'before') {
      if (d.status !== 'open') return { status: 'cancelled', why: `deadline is ${d.status}` };
      if (d.dueAt.getTime() <= now.getTime())
        return { status: 'skipped', why: 'deadline already passed; not sent late' };
      return null;
    }
    if (d.status === 'done' || d.status === 'cancelled') return { status: 'cancelled', why: `deadline is ${d.status}` };
    if (d.dueAt.getTime() > now.getTime() + EARLY_TOLERANCE_MS)
      return { status: 'skipped', why: 'deadline not yet due' };
    if (d.status === 'open') {
      await this.missed.markMissed(manager, d);
      d.status = 'missed';
    }
    return null;
  }

  /** Adds a job for each pending delivery of the reminders; the job id makes a repeat a no-op. */
  async enqueueDeliveries(reminderIds: string[]): Promise<void> {
    const pending = await this.ledger.pendingOf(reminderIds);
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
