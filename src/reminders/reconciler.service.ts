import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { Deadline } from '../deadlines/deadline.entity.js';
import { DELIVERY_JOB_OPTIONS, QUEUES, SENDING_TIMEOUT_MS } from '../queue/queues.js';
import { reminderJobId } from './reminder-plan.js';
import { type DeliveryJobData, deliveryJobId, ReminderFiring } from './reminder-firing.service.js';
import { type ReminderJobData, ReminderScheduler } from './reminder-scheduler.service.js';

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
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.reminders) private readonly reminders: Queue<ReminderJobData>,
    @InjectQueue(QUEUES.deliveries) private readonly deliveries: Queue<DeliveryJobData>,
    private readonly scheduler: ReminderScheduler,
    private readonly firing: ReminderFiring,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<ReconcileSummary> {
    const summary = { missed: await this.markMissed(), remindersRequeued: await this.requeueReminders(), deliveriesRequeued: await this.requeueDeliveries() };
    if (summary.missed || summary.remindersRequeued || summary.deliveriesRequeued) this.logger.log(`Reconciled: ${JSON.stringify(summary)}`);
    return summary;
  }

  /** Open deadlines past due become missed; their unsent reminders before are dropped, the overdue one stays. */
  private async markMissed(): Promise<number> {
    const now = this.clock.now();
    const due = await this.db
      .getRepository(Deadline)
      .createQueryBuilder('d')
      .where("d.status = 'open' AND d.due_at <= :now", { now })
      .orderBy('d.due_at')
      .take(BATCH)
      .getMany();
    let count = 0;
    for (const candidate of due) {
      const work = await this.db.transaction(async (manager) => {
        const d = await manager.getRepository(Deadline).findOne({ where: { id: candidate.id }, lock: { mode: 'pessimistic_write' } });
        if (!d || d.status !== 'open' || d.dueAt > now) return null;
        await this.firing.markMissed(manager, d);
        count += 1;
        return this.scheduler.sync(manager, { ...d, status: 'missed' });
      });
      if (work) await this.scheduler.apply(work);
    }
    return count;
  }

  private async requeueReminders(): Promise<number> {
    const rows: { id: string; version: number; fire_at: Date }[] = await this.db.query(
      `SELECT id, version, fire_at FROM reminders WHERE status = 'scheduled' ORDER BY fire_at LIMIT ${BATCH * 10}`,
    );
    let count = 0;
    await inChunks(rows, 100, async (r) => {
      const jobId = reminderJobId(r.id, r.version);
      const state = await this.reminders.getJobState(jobId);
      if (state === 'unknown') {
        await this.scheduler.enqueue({ id: r.id, version: r.version, fireAt: r.fire_at });
        count += 1;
      } else if (FINISHED.has(state) && r.fire_at <= this.clock.now()) {
        // The job ran out of attempts (or ended early) and the reminder is still owed: run it again.
        await this.reminders.remove(jobId).catch(() => 0);
        await this.scheduler.enqueue({ id: r.id, version: r.version, fireAt: r.fire_at });
        count += 1;
      }
    });
    return count;
  }

  private async requeueDeliveries(): Promise<number> {
    const now = this.clock.now();
    const rows: { id: string; channel: string; status: string; attempts: number; not_before: Date }[] = await this.db.query(
      `SELECT id, channel, status, attempts, not_before FROM deliveries
       WHERE status = 'pending' OR (status = 'sending' AND claimed_at < $1)
       ORDER BY not_before LIMIT ${BATCH * 10}`,
      [new Date(now.getTime() - SENDING_TIMEOUT_MS)],
    );
    let count = 0;
    await inChunks(rows, 100, async (r) => {
      const delay = Math.max(0, r.not_before.getTime() - now.getTime());
      const first = await this.deliveries.getJobState(deliveryJobId(r.id));
      const redriveId = deliveryJobId(r.id, r.attempts);
      let jobId: string | null = null;
      if (first === 'unknown' && r.status === 'pending') jobId = deliveryJobId(r.id);
      else if (r.status === 'sending' || FINISHED.has(first)) {
        const again = await this.deliveries.getJobState(redriveId);
        if (again === 'unknown' || (FINISHED.has(again) && r.status === 'sending')) jobId = again === 'unknown' ? redriveId : `${redriveId}-${now.getTime()}`;
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
