import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, type Job } from 'bullmq';
import { QUEUES } from '../queue/queues.js';
import { DeliverySender } from './delivery-sender.service.js';
import { DigestService } from '../notifications/digest.service.js';
import { Reconciler } from './reconciler.service.js';
import { type DeliveryJobData, ReminderFiring } from './reminder-firing.service.js';
import type { ReminderJobData } from '../deadlines/reminder-scheduler.service.js';

/** Puts the job back to sleep until `at` without counting an attempt. */
async function sleepUntil(job: Job, token: string | undefined, at: Date): Promise<never> {
  await job.moveToDelayed(at.getTime(), token);
  throw new DelayedError();
}

/** A reminder's time has come: record its deliveries (the job carries only ids). */
// Jobs wait together so that reminders due at once fire in sets (see ReminderFiring).
@Processor(QUEUES.reminders, { concurrency: 400 })
export class ReminderProcessor extends WorkerHost {
  constructor(private readonly firing: ReminderFiring) {
    super();
  }

  async process(job: Job<ReminderJobData>, token?: string): Promise<string> {
    const outcome = await this.firing.fireInSet(job.data.reminderId, job.data.version);
    if (typeof outcome !== 'string') return sleepUntil(job, token, outcome.wakeAt);
    return outcome;
  }
}

/** Sends one delivery, at most once. */
@Processor(QUEUES.deliveries, { concurrency: 20 })
export class DeliveryProcessor extends WorkerHost {
  constructor(private readonly sender: DeliverySender) {
    super();
  }

  async process(job: Job<DeliveryJobData>, token?: string): Promise<string> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.sender.deliver(job.data.deliveryId, finalAttempt);
    if ('wakeAt' in outcome) return sleepUntil(job, token, outcome.wakeAt);
    return outcome.done;
  }
}

/** The reconciler and the digests. */
@Processor(QUEUES.remindersMaintenance, { concurrency: 1 })
export class MaintenanceProcessor extends WorkerHost {
  constructor(
    private readonly reconciler: Reconciler,
    private readonly digests: DigestService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === 'digests') return { sent: await this.digests.run() };
    return this.reconciler.run();
  }
}
