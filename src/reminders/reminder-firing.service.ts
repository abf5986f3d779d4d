import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { Batcher } from '../common/batcher.js';
import { Clock } from '../common/clock.js';
import type { Deadline } from '../deadlines/deadline.entity.js';
import { DeadlineMissed } from '../deadlines/deadline-missed.service.js';
import type { Reminder } from '../deadlines/reminder.entity.js';
import { type FiredOutcome, RemindersRepository } from '../deadlines/reminders.repository.js';
import { InAppChannel } from '../notifications/channels/in-app.channel.js';
import type { ReminderContent } from '../notifications/reminder-message.js';
import { DELIVERY_JOB_OPTIONS, QUEUES, REMINDER_PREWAKE_MS } from '../queue/queues.js';
import type { PlannedDelivery } from './delivery-plan.js';
import { DeliveryRepository, type FiredDelivery } from './delivery.repository.js';
import { DeliverySender, type Sendable } from './delivery-sender.service.js';
import { type DueReminder, FiringPreparation } from './firing-preparation.service.js';

/** A job that wakes up earlier than this before its reminder's time goes back to sleep (see REMINDER_PREWAKE_MS). */
const EARLY_TOLERANCE_MS = 250;

/** Reminders fired together at most, and sets in flight at once (each holds one connection while it writes). */
const SET_SIZE = 200;
const SETS_IN_FLIGHT = 2;

const STALE = 'stale: reminder moved, cancelled or already fired';

/**
 * A firing that leaves at most this many e-mail and Telegram messages due now sends them itself, right
 * after its commit, with the text it composed; their jobs wait this long, to retry any that did not go.
 * A larger set leaves them to the deliveries queue, which spreads them over its workers.
 */
const SENT_AT_ONCE = 10;
const SENT_AT_ONCE_RETRY_MS = 30_000;
const FIRST_RETRY_MS = (DELIVERY_JOB_OPTIONS.backoff as { delay: number }).delay;

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

/** A delivery the firing wrote with its text, to send at once. */
interface DueNow {
  delivery: Sendable;
  content: ReminderContent;
}

/**
 * What happens when a reminder's time comes (DESIGN step 3): re-read the reminder and its deadline (they
 * may have moved or finished), resolve recipients and channels, and record one delivery per recipient ×
 * channel — in one transaction holding the reminder's row lock, so a second worker or a retry finds it
 * already done. Reminders due together fire in sets: each step is one query for the whole set.
 */
@Injectable()
export class ReminderFiring {
  private readonly logger = new Logger(ReminderFiring.name);
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
    private readonly preparation: FiringPreparation,
    private readonly inApp: InAppChannel,
    private readonly sender: DeliverySender,
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
    const woke = this.clock.now();
    const peeked = await this.reminders.findMany([...new Set(requests.map((r) => r.reminderId))]);
    const outcomes: FiringOutcome[] = requests.map(() => STALE);
    const due = new Map<string, number>();
    requests.forEach((r, i) => {
      const reminder = peeked.get(r.reminderId);
      if (!reminder || reminder.status !== 'scheduled' || reminder.version !== r.version || due.has(reminder.id))
        return;
      if (reminder.fireAt.getTime() - woke.getTime() > EARLY_TOLERANCE_MS)
        outcomes[i] = { wakeAt: new Date(reminder.fireAt.getTime() - REMINDER_PREWAKE_MS) };
      else due.set(reminder.id, i);
    });
    if (!due.size) return outcomes;

    // The job woke a little before the reminder's time (REMINDER_PREWAKE_MS): what can be read is read and
    // planned as of that time, then the firing waits for the instant itself.
    const reminders = [...due.keys()].map((id) => peeked.get(id)!);
    const at = new Date(Math.max(woke.getTime(), ...reminders.map((r) => r.fireAt.getTime())));
    const prepared = await this.preparation.prepare(reminders, at);
    const wait = at.getTime() - this.clock.now().getTime();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const now = this.clock.now();
    // Jobs are added for the pending deliveries this firing wrote, or, for a reminder that had already fired,
    // for any that a crash between that commit and its jobs left without one.
    const { fired, enqueue, dueNow } = await this.reminders.transaction((manager) =>
      this.record(manager, prepared, now),
    );
    const queued = enqueue.length ? this.enqueueDeliveries(enqueue, new Set(dueNow.map((d) => d.delivery.id))) : null;
    await Promise.all([queued, ...dueNow.map((d) => this.sendAtOnce(d, queued))]);
    for (const [id, i] of due) outcomes[i] = fired.get(id) ?? 'stale';
    return outcomes;
  }

  /**
   * Sends a delivery right after the firing. One that did not go (refused for now, or paced) brings its
   * waiting job forward, to when its first retry (or the channel) allows.
   */
  private async sendAtOnce({ delivery, content }: DueNow, queued: Promise<void> | null): Promise<void> {
    let retryAt: number;
    try {
      const outcome = await this.sender.sendFired(delivery, content);
      if ('done' in outcome) return;
      retryAt = outcome.wakeAt.getTime();
    } catch (error) {
      this.logger.warn(`Delivery ${delivery.id} did not go at once (${(error as Error).message}); its job retries it`);
      retryAt = this.clock.now().getTime() + FIRST_RETRY_MS;
    }
    await queued;
    const job = await this.deliveries.getJob(deliveryJobId(delivery.id));
    await job?.changeDelay(Math.max(0, retryAt - this.clock.now().getTime())).catch(() => undefined);
  }

  /** The firing's transaction: decides each reminder under its lock and writes the set's rows together. */
  private async record(
    manager: EntityManager,
    due: DueReminder[],
    now: Date,
  ): Promise<{ fired: Map<string, string>; enqueue: string[]; dueNow: DueNow[] }> {
    const locked = await this.reminders.lockForFiring(
      manager,
      due.map((f) => f.reminder.id),
    );
    const fired = new Map<string, string>();
    const ended: FiredOutcome[] = [];
    const enqueue: string[] = [];
    const pending: FiredDelivery[] = [];
    const notices: (FiredDelivery & { content: ReminderContent })[] = [];
    const texts = new Map<string, { delivery: PlannedDelivery; content: ReminderContent }>();
    const textKey = (reminderId: string, recipient: string, channel: string) => `${reminderId} ${recipient} ${channel}`;
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
      const composed = d.version === f.deadline?.version ? f.composed : new Map<PlannedDelivery, ReminderContent>();
      const why = await this.refusal(manager, reminder, d, now);
      if (why) {
        finish(why.status, why.why);
        continue;
      }
      for (const delivery of f.planned) {
        const content = composed.get(delivery);
        if (content && delivery.channel === 'inApp') {
          notices.push({ reminder, delivery, content });
          continue;
        }
        pending.push({ reminder, delivery });
        if (content) texts.set(textKey(reminder.id, delivery.recipient, delivery.channel), { delivery, content });
      }
      if (f.planned.some((p) => p.channel !== 'inApp' || !composed.has(p))) enqueue.push(reminder.id);
      finish('sent', `${f.planned.length} deliveries`);
    }
    // A few messages due now are written already claimed (`sending`) by this firing, which sends them itself.
    const atOnce = texts.size <= SENT_AT_ONCE;
    const inserted = await this.ledger.insertPlanned(
      manager,
      pending.map((p) =>
        atOnce && texts.has(textKey(p.reminder.id, p.delivery.recipient, p.delivery.channel))
          ? { ...p, claimedAt: now }
          : p,
      ),
    );
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
    const dueNow = inserted.flatMap((row): DueNow[] => {
      const due = atOnce ? texts.get(textKey(row.reminderId, row.recipient, row.channel)) : undefined;
      if (!due) return [];
      const { userId, address } = due.delivery;
      return [
        {
          delivery: { id: row.id, reminderId: row.reminderId, channel: row.channel, userId, address },
          content: due.content,
        },
      ];
    });
    return { fired, enqueue, dueNow };
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

  /**
   * Adds a job for each unsent delivery of the reminders; the job id makes a repeat a no-op. The jobs of
   * those being sent at once wait to retry them, should they not go.
   */
  async enqueueDeliveries(reminderIds: string[], sentAtOnce = new Set<string>()): Promise<void> {
    const pending = await this.ledger.unsentOf(reminderIds);
    const now = this.clock.now().getTime();
    await this.deliveries.addBulk(
      pending.map((p) => ({
        name: p.channel,
        data: { deliveryId: p.id },
        opts: {
          ...DELIVERY_JOB_OPTIONS,
          jobId: deliveryJobId(p.id),
          delay: sentAtOnce.has(p.id) ? SENT_AT_ONCE_RETRY_MS : Math.max(0, p.notBefore.getTime() - now),
        },
      })),
    );
  }
}
