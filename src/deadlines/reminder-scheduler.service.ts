import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { REDIS } from '../redis/redis.module.js';
import { type EntityManager, Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { QUEUES, REMINDER_JOB_OPTIONS } from '../queue/queues.js';
import type { Deadline } from './deadline.entity.js';
import { planReminders, reminderJobId } from './reminder-plan.js';
import { Reminder } from './reminder.entity.js';

export interface ReminderJobData {
  reminderId: string;
  version: number;
}

/** Queue work to do once the deadline's transaction has committed. */
export interface QueueWork {
  remove: string[];
  add: ReminderVersion[];
}

export interface ReminderVersion {
  id: string;
  version: number;
  fireAt: Date;
}

export const NO_QUEUE_WORK: QueueWork = { remove: [], add: [] };

/** An owed reminder as a rebuild reads it: fire time in epoch ms, and the exact timestamp to page on. */
interface OwedRow {
  id: string;
  version: number;
  fireAt: number;
  cursor: string;
}

/** Whether each of KEYS exists, in one round trip (1 or 0 per key). */
const EACH_EXISTS = `local found = {}
for i, key in ipairs(KEYS) do found[i] = redis.call('EXISTS', key) end
return found`;

/**
 * Keeps a deadline's reminder rows (the truth, in Postgres) and their BullMQ jobs
 * (the alarm clock) in step: rows in the caller's transaction, jobs after commit.
 * The only writer of the `reminders` table.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(
    @InjectRepository(Reminder) private readonly reminders: Repository<Reminder>,
    @InjectQueue(QUEUES.reminders) private readonly queue: Queue<ReminderJobData>,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly clock: Clock,
  ) {}

  /** Writes the reminder rows for the deadline as it now is; call inside its transaction. */
  async sync(manager: EntityManager, deadline: Deadline): Promise<QueueWork> {
    const repo = manager.getRepository(Reminder);
    const existing = await repo.find({ where: { deadlineId: deadline.id }, lock: { mode: 'pessimistic_write' } });
    const changes = planReminders(deadline, existing, this.clock.now());
    const work: QueueWork = { remove: [], add: [] };
    for (const change of changes) {
      const fields = {
        kind: change.kind,
        offset: change.offset,
        fireAt: change.fireAt,
        status: change.status,
        version: change.version,
      };
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

  /** The jobs to remove when the deadline is deleted (its rows go with it); call inside its transaction. */
  async forDeletion(manager: EntityManager, deadlineId: string): Promise<QueueWork> {
    const scheduled = await manager.getRepository(Reminder).findBy({ deadlineId, status: 'scheduled' });
    return { remove: scheduled.map((r) => reminderJobId(r.id, r.version)), add: [] };
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
  async enqueue(r: ReminderVersion): Promise<void> {
    const delay = Math.max(0, r.fireAt.getTime() - this.clock.now().getTime());
    await this.queue.add(
      'fire',
      { reminderId: r.id, version: r.version },
      { ...REMINDER_JOB_OPTIONS, jobId: reminderJobId(r.id, r.version), delay },
    );
  }

  /** The BullMQ state of a reminder version's job ('unknown' when Redis has none). */
  jobState(r: ReminderVersion): Promise<string> {
    return this.queue.getJobState(reminderJobId(r.id, r.version));
  }

  /** Drops a finished job of the reminder version and queues it again. */
  async requeue(r: ReminderVersion): Promise<void> {
    await this.queue.remove(reminderJobId(r.id, r.version)).catch(() => 0);
    await this.enqueue(r);
  }

  /** How many reminders are owed, and how many reminder jobs the queue holds (waiting, delayed or running). */
  async owedAndQueued(): Promise<{ owed: number; queued: number }> {
    const owed = await this.reminders.countBy({ status: 'scheduled' });
    const counts = await this.queue.getJobCounts('delayed', 'waiting', 'prioritized', 'active');
    return { owed, queued: Object.values(counts).reduce((a, b) => a + b, 0) };
  }

  /**
   * Queues every owed reminder whose job Redis lacks (after a flush or a lost Redis), a page at a time in
   * fire-time order: one query, one pipelined existence check and one bulk add per page. The next page is
   * read from Postgres while earlier ones are being added, with at most `inFlight` pages in Redis at once.
   */
  async queueMissing(pageSize = 2000, inFlight = 3): Promise<number> {
    let added = 0;
    const adding = new Set<Promise<void>>();
    let after: OwedRow | null = null;
    try {
      for (;;) {
        const page = await this.owedPage(pageSize, after);
        if (!page.length) break;
        const work: Promise<void> = this.queueIfMissing(page).then((n) => {
          added += n;
          adding.delete(work);
        });
        adding.add(work);
        if (adding.size >= inFlight) await Promise.race(adding);
        after = page[page.length - 1];
      }
    } finally {
      await Promise.all(adding);
    }
    return added;
  }

  /** Owed reminders after `after` in fire-time order, read raw: entity hydration cost more than the rest of a rebuild. */
  private async owedPage(size: number, after: OwedRow | null): Promise<OwedRow[]> {
    const rows: { id: string; version: number; at: number; cursor: string }[] = await this.reminders.query(
      `SELECT id, version, extract(epoch FROM fire_at) * 1000 AS at, fire_at::text AS cursor
         FROM reminders
        WHERE status = 'scheduled' ${after ? 'AND (fire_at, id) > ($2::timestamptz, $3)' : ''}
        ORDER BY fire_at, id
        LIMIT $1`,
      after ? [size, after.cursor, after.id] : [size],
    );
    return rows.map((r) => ({ id: r.id, version: r.version, fireAt: Number(r.at), cursor: r.cursor }));
  }

  private async queueIfMissing(page: OwedRow[]): Promise<number> {
    const keys = page.map((r) => this.queue.toKey(reminderJobId(r.id, r.version)));
    const exists = (await this.redis.eval(EACH_EXISTS, keys.length, ...keys)) as number[];
    const missing = page.filter((_, i) => exists[i] === 0);
    if (!missing.length) return 0;
    const now = this.clock.now().getTime();
    await this.queue.addBulk(
      missing.map((r) => ({
        name: 'fire',
        data: { reminderId: r.id, version: r.version },
        opts: { ...REMINDER_JOB_OPTIONS, jobId: reminderJobId(r.id, r.version), delay: Math.max(0, r.fireAt - now) },
      })),
    );
    return missing.length;
  }

  /** Reminders still owed, oldest first. */
  async scheduled(limit: number): Promise<ReminderVersion[]> {
    const rows = await this.reminders.find({ where: { status: 'scheduled' }, order: { fireAt: 'ASC' }, take: limit });
    return rows.map((r) => ({ id: r.id, version: r.version, fireAt: r.fireAt }));
  }

  find(id: string): Promise<Reminder | null> {
    return this.reminders.findOneBy({ id });
  }

  listFor(deadlineId: string): Promise<Reminder[]> {
    return this.reminders.find({ where: { deadlineId }, order: { fireAt: 'ASC' } });
  }

  /** Locks the reminder row for firing; call inside the firing transaction. */
  lockForFiring(manager: EntityManager, id: string): Promise<Reminder | null> {
    return manager.getRepository(Reminder).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Records how a firing ended (sent, skipped or cancelled, and why). */
  async recordFired(
    manager: EntityManager,
    id: string,
    status: Reminder['status'],
    firedAt: Date,
    lastError: string | null,
  ): Promise<void> {
    await manager.getRepository(Reminder).update(id, { status, firedAt, lastError });
  }
}
