import { Inject, Injectable, Logger } from '@nestjs/common';
import { AccessService } from '../access/access.service.js';
import { Clock } from '../common/clock.js';
import { DELIVERIES_OUTBOX } from '../common/outbox.js';
import { SentMarkers } from '../common/sent-markers.js';
import { RemindersRepository } from '../deadlines/reminders.repository.js';
import {
  DELIVERY_CHANNELS,
  type DeliveryChannel,
  PermanentDeliveryError,
  RetryLaterError,
} from '../notifications/channels/channel.js';
import type { ReminderContent } from '../notifications/reminder-message.js';
import { UserDirectory } from '../users/user-directory.service.js';
import type { Delivery } from './delivery.entity.js';
import { DeliveryRepository } from './delivery.repository.js';
import { RecipientsService } from './recipients.service.js';
import { ReminderContentService } from './reminder-content.service.js';

export type DeliveryOutcome = { done: string } | { wakeAt: Date };

/** What sending needs of a delivery row. */
export type Sendable = Pick<Delivery, 'id' | 'channel' | 'userId' | 'address' | 'reminderId'>;

/** The provider accepted it but Postgres did not take the record: the job is retried to record it, not to send it. */
export class NotRecordedError extends Error {}

const OUTBOX = DELIVERIES_OUTBOX.table;

/**
 * Sends one delivery at most once: the row is claimed with a conditional UPDATE
 * (pending → sending, or a `sending` left behind by a dead worker) before anything
 * goes out, so a retry, a second worker or the reconciler that lose the claim send nothing.
 * Once sent, the outcome stays in Redis until Postgres has recorded it (SentMarkers).
 */
@Injectable()
export class DeliverySender {
  private readonly logger = new Logger(DeliverySender.name);
  private readonly channels: Map<string, DeliveryChannel>;

  constructor(
    @Inject(DELIVERY_CHANNELS) channels: DeliveryChannel[],
    private readonly ledger: DeliveryRepository,
    private readonly markers: SentMarkers,
    private readonly reminders: RemindersRepository,
    private readonly users: UserDirectory,
    private readonly recipients: RecipientsService,
    private readonly access: AccessService,
    private readonly composer: ReminderContentService,
    private readonly clock: Clock,
  ) {
    this.channels = new Map(channels.map((c) => [c.name, c]));
  }

  async deliver(deliveryId: string, finalAttempt: boolean): Promise<DeliveryOutcome> {
    const now = this.clock.now();
    const claimed = await this.ledger.claim(deliveryId, now);
    if (!claimed) {
      const row = await this.ledger.find(deliveryId);
      if (row?.status === 'pending' && row.notBefore > now) return { wakeAt: row.notBefore };
      // Left `sending` by a try whose record did not land: record what it sent, without waiting for the claim to expire.
      if (row?.status === 'sending') return (await this.recordKept(deliveryId)) ?? { done: 'not claimed (sending)' };
      return { done: `not claimed (${row?.status ?? 'gone'})` };
    }
    const delivery = (await this.ledger.find(deliveryId))!;
    return this.send(delivery, now, finalAttempt);
  }

  /**
   * Sends at once a delivery that a firing has just written claimed (`sending`), with the content it composed
   * under its locks (so nothing needs reading again); its job, later, finds it sent. Any failure is left to
   * that job.
   */
  sendFired(delivery: Sendable, content: ReminderContent): Promise<DeliveryOutcome> {
    return this.send(delivery, this.clock.now(), false, content);
  }

  private async send(
    delivery: Sendable,
    now: Date,
    finalAttempt: boolean,
    composed?: ReminderContent,
  ): Promise<DeliveryOutcome> {
    const deliveryId = delivery.id;
    let messageId: string | null;
    try {
      // A claim taken over from a try that sent it but could not record it: record, do not send.
      const kept = composed ? null : await this.recordKept(deliveryId);
      if (kept) return kept;
      const content = composed ?? (await this.content(delivery, now));
      if (!content)
        return { done: await this.finish(delivery, 'skipped', 'deadline finished, moved or no longer visible') };
      const channel = this.channels.get(delivery.channel);
      if (!channel?.available())
        return { done: await this.finish(delivery, 'skipped', `${delivery.channel} is not configured`) };
      messageId = await channel.send({ userId: delivery.userId, address: delivery.address, deliveryId }, content);
    } catch (error) {
      if (error instanceof NotRecordedError) throw error;
      return this.failed(delivery, error, finalAttempt);
    }
    // The provider has accepted it: from here on nothing may hand the claim back (that would send it
    // again). The outcome goes to Redis first; if Postgres will not take it, the row stays `sending`
    // and the job's retries (or, past SENDING_TIMEOUT_MS, the reconciler) record it from there.
    const outcome = { sentAt: this.clock.now(), providerMessageId: messageId };
    const kept = await this.markers.keep(OUTBOX, deliveryId, outcome);
    if (await this.ledger.recordSent(deliveryId, outcome.sentAt, messageId)) {
      await this.markers.forget(OUTBOX, deliveryId);
      return { done: 'sent' };
    }
    const where = kept ? 'kept in Redis to record later' : 'and Redis did not keep it either';
    this.logger.error(`Delivery ${deliveryId} was sent but could not be recorded; ${where}`);
    if (!kept) return { done: 'sent (not recorded)' };
    throw new NotRecordedError(`sent but not recorded (${where})`);
  }

  /** Records the outcome an earlier try kept in Redis, if any; null when there is none (nothing went out). */
  private async recordKept(deliveryId: string): Promise<DeliveryOutcome | null> {
    const kept = await this.markers.recall(OUTBOX, deliveryId);
    if (!kept) return null;
    if (!(await this.ledger.recordSent(deliveryId, kept.sentAt, kept.providerMessageId)))
      throw new NotRecordedError('sent earlier; recording it failed again');
    await this.markers.forget(OUTBOX, deliveryId);
    return { done: 'sent (recorded from Redis)' };
  }

  private async failed(delivery: Sendable, error: unknown, finalAttempt: boolean): Promise<DeliveryOutcome> {
    const message = (error as Error).message ?? String(error);
    if (error instanceof PermanentDeliveryError) return { done: await this.finish(delivery, 'failed', message) };
    if (error instanceof RetryLaterError) {
      // Not an attempt that failed: give the claim back and come back when allowed.
      await this.release(delivery, message, -1);
      return { wakeAt: new Date(this.clock.now().getTime() + error.waitMs) };
    }
    if (finalAttempt) {
      await this.finish(delivery, 'failed', message);
    } else {
      await this.release(delivery, message, 0);
    }
    throw error;
  }

  private async release(delivery: Sendable, error: string, attemptsDelta: number): Promise<void> {
    await this.ledger.release(delivery.id, error, attemptsDelta);
  }

  private async finish(delivery: Sendable, status: 'skipped' | 'failed', why: string): Promise<string> {
    if (status === 'failed') this.logger.warn(`Delivery ${delivery.id} (${delivery.channel}) failed: ${why}`);
    await this.ledger.finish(delivery.id, status, why);
    return `${status}: ${why}`;
  }

  /** Re-reads the deadline at send time: a deadline finished or cancelled since the reminder fired sends nothing. */
  private async content(delivery: Sendable, now: Date): Promise<ReminderContent | null> {
    const reminder = await this.reminders.find(delivery.reminderId);
    const d = reminder ? await this.reminders.findDeadline(reminder.deadlineId) : null;
    if (!reminder || !d) return null;
    if (d.status === 'done' || d.status === 'cancelled') return null;
    if (reminder.kind === 'before' && d.status !== 'open') return null;
    // A reminder held back (quiet hours, retries) until after its deadline passed is not sent late.
    if (reminder.kind === 'before' && d.dueAt.getTime() <= now.getTime()) return null;
    const subject = await this.recipients.subject(d);
    if (!subject) return null;
    const user = delivery.userId ? await this.users.findActive(delivery.userId) : null;
    if (delivery.userId && !user) return null;
    if (user && !(await this.access.allowedIds(user, d.subjectType, [d.subjectId], 'read')).has(d.subjectId))
      return null;
    return this.composer.compose(reminder, d, subject, user, now);
  }
}
