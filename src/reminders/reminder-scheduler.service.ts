import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import type { Deadline } from '../deadlines/deadline.entity.js';
import { QUEUES, REMINDER_JOB_OPTIONS } from '../queue/queues.js';
import { planReminders, reminderJobId } from './reminder-plan.js';
import { Reminder } from './reminder.entity.js';

export interface ReminderJobData {
  reminderId: string;
  version: number;
}

/** Queue work to do once the deadline's transaction has committed. */
export interface QueueWork {
  remove: string[];
  add: { id: string; version: number; fireAt: Date }[];
}

export const NO_QUEUE_WORK: QueueWork = { remove: [], add: [] };

/**
 * Keeps a deadline's reminder rows (the truth, in Postgres) and their BullMQ jobs
 * (the alarm clock) in step: rows in the caller's transaction, jobs after commit.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(
    @InjectQueue(QUEUES.reminders) private readonly queue: Queue<ReminderJobData>,
    private readonly clock: Clock,
  ) {}

  /** Writes the reminder rows for the deadline as it now is; call inside its transaction. */
  async sync(manager: EntityManager, deadline: Deadline): Promise<QueueWork> {
    const repo = manager.getRepository(Reminder);
    const existing = await repo.find({ where: { deadlineId: deadline.id }, lock: { mode: 'pessimistic_write' } });
    const changes = planReminders(deadline, existing, this.clock.now());
    const work: QueueWork = { remove: [], add: [] };
    for (const change of changes) {
      const fields = { kind: change.kind, offset: change.offset, fireAt: change.fireAt, status: change.status, version: change.version };
      let id = change.id;
      if (id) {
        await repo.update(id, fields);
      } else {
        const inserted = await repo.insert({ deadlineId: deadline.id, ...fields });
        id = inserted.identifiers[0].id as string;
      }
      if (change.removeJobVersion !== null) work.remove.push(reminderJobId(id, change.removeJobVersion));
      if (change.addJob) work.add.push({ id, version: change.version, fireAt: change.fireAt });
    }
    return work;
  }

  /** After commit: remove jobs of old versions, add jobs for new ones. A failure here is repaired by the reconciler. */
  async apply(work: QueueWork): Promise<void> {
    try {
      for (const jobId of work.remove) await this.queue.remove(jobId).catch(() => 0); // an active job checks its version itself
      for (const r of work.add) await this.enqueue(r);
    } catch (error) {
      this.logger.warn(`Queueing reminders failed; the reconciler will re-enqueue them: ${(error as Error).message}`);
    }
  }

  /** Adds the job of one reminder version, delayed to its fire time; a no-op if it is already queued. */
  async enqueue(r: { id: string; version: number; fireAt: Date }): Promise<void> {
    const delay = Math.max(0, r.fireAt.getTime() - this.clock.now().getTime());
    await this.queue.add('fire', { reminderId: r.id, version: r.version }, { ...REMINDER_JOB_OPTIONS, jobId: reminderJobId(r.id, r.version), delay });
  }
}
