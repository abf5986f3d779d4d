import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '../common/clock.js';
import { DeadlineMissed } from '../deadlines/deadline-missed.service.js';
import { ReminderScheduler } from '../deadlines/reminder-scheduler.service.js';
import { DELIVERY_JOB_OPTIONS, QUEUES } from '../queue/queues.js';
import { DeliveryRepository } from './delivery.repository.js';
import { type DeliveryJobData, deliveryJobId } from './reminder-firing.service.js';

const BATCH = 1000;
const FINISHED = new Set(['completed', 'failed']);

export interface ReconcileSummary {
  missed: number;
  remindersRequeued: number;
  deliveriesRequeued: number;
}

/**
 * Repairs what the queue lost (DESIGN step 5). Postgres says what should happen; for
 * every reminder still scheduled and every delivery not yet sent it checks that a job
 * will run it, and adds one if not. Safe to run anywhere, any number of times at once:
 * job ids are fixed and sending is claimed row by row.
 */
@Injectable()
export class Reconciler {
  private readonly logger = new Logger(Reconciler.name);

  constructor(
    @InjectQueue(QUEUES.deliveries) private readonly deliveries: Queue<DeliveryJobData>,
    private readonly scheduler: ReminderScheduler,
    private readonly missed: DeadlineMissed,
    private readonly ledger: DeliveryRepository,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<ReconcileSummary> {
    const summary = {
      missed: await this.missed.markPastDue(BATCH),
      remindersRequeued: await this.requeueReminders(),
      deliveriesRequeued: await this.requeueDeliveries(),
    };
    if (summary.missed || summary.remindersRequeued || summary.deliveriesRequeued)
      this.logger.log(`Reconciled: ${JSON.stringify(summary)}`);
    return summary;
  }

  private async requeueReminders(): Promise<number> {
    let count = 0;
    // Fewer jobs than owed reminders: Redis lost jobs (a flush, a new Redis). Rebuild every missing one.
    const { owed, queued } = await this.scheduler.owedAndQueued();
    if (queued < owed) count += await this.scheduler.queueMissing();
    const rows = await this.scheduler.scheduled(BATCH * 10);
    await inChunks(rows, 100, async (r) => {
      const state = await this.scheduler.jobState(r);
      if (state === 'unknown') {
        await this.scheduler.enqueue(r);
        count += 1;
      } else if (FINISHED.has(state) && r.fireAt <= this.clock.now()) {
        // The job ran out of attempts (or ended early) and the reminder is still owed: run it again.
        await this.scheduler.requeue(r);
        count += 1;
      }
    });
    return count;
  }

  private async requeueDeliveries(): Promise<number> {
    const now = this.clock.now();
    const rows = await this.ledger.unsent(now, BATCH * 10);
    let count = 0;
    await inChunks(rows, 100, async (r) => {
      const delay = Math.max(0, r.notBefore.getTime() - now.getTime());
      const first = await this.deliveries.getJobState(deliveryJobId(r.id));
      const redriveId = deliveryJobId(r.id, r.attempts);
      let jobId: string | null = null;
      if (first === 'unknown' && r.status === 'pending') jobId = deliveryJobId(r.id);
      else if (r.status === 'sending' || FINISHED.has(first)) {
        const again = await this.deliveries.getJobState(redriveId);
        if (again === 'unknown' || (FINISHED.has(again) && r.status === 'sending'))
          jobId = again === 'unknown' ? redriveId : `${redriveId}-${now.getTime()}`;
      }
      if (!jobId) return;
      await this.deliveries.add(r.channel, { deliveryId: r.id }, { ...DELIVERY_JOB_OPTIONS, jobId, delay });
      count += 1;
    });
    return count;
  }
}

async function inChunks<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}
