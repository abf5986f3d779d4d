import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { REDIS } from '../redis/redis.module.js';
import { type EntityManager, In, Repository } from 'typeorm';
import { chunks } from '../common/chunks.js';
import { Clock } from '../common/clock.js';
import { QUEUES, REMINDER_JOB_OPTIONS, REMINDER_PREWAKE_MS } from '../queue/queues.js';
import type { Deadline } from './deadline.entity.js';
import { planReminders, type ReminderChange, reminderJobId } from './reminder-plan.js';
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

/** Rows per multi-row statement: well under Postgres' 65,535 parameters. */
export const ROWS_PER_STATEMENT = 1000;

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
 * With the firing's RemindersRepository (which records how each firing ended), the only writer of the
 * `reminders` table.
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
  sync(manager: EntityManager, deadline: Deadline): Promise<QueueWork> {
    return this.syncMany(manager, [deadline]);
  }

  /** `sync` for many deadlines at once: one read, multi-row inserts and one multi-row update. */
  async syncMany(manager: EntityManager, deadlines: Deadline[]): Promise<QueueWork> {
    const repo = manager.getRepository(Reminder);
    const existing = deadlines.length
      ? await repo.find({
          where: { deadlineId: In(deadlines.map((d) => d.id)) },
          order: { id: 'ASC' },
          lock: { mode: 'pessimistic_write' },
        })
      : [];
    const byDeadline = new Map<string, Reminder[]>();
    for (const r of existing) byDeadline.set(r.deadlineId, [...(byDeadline.get(r.deadlineId) ?? []), r]);
    const now = this.clock.now();
    const work: QueueWork = { remove: [], add: [] };
    const inserts: {
      row: Omit<Reminder, 'id' | 'firedAt' | 'lastError' | 'createdAt' | 'updatedAt'>;
      addJob: boolean;
    }[] = [];
    const updates: (ReminderChange & { id: string })[] = [];
    for (const deadline of deadlines) {
      for (const change of planReminders(deadline, byDeadline.get(deadline.id) ?? [], now)) {
        const { id, kind, offset, fireAt, status, version, removeJobVersion, addJob } = change;
        if (id === undefined) {
          inserts.push({ row: { deadlineId: deadline.id, kind, offset, fireAt, status, version }, addJob });
          continue;
        }
        updates.push({ ...change, id });
        if (removeJobVersion !== null) work.remove.push(reminderJobId(id, removeJobVersion));
        if (addJob) work.add.push({ id, version, fireAt });
      }
    }
    for (const chunk of chunks(inserts, ROWS_PER_STATEMENT)) {
      const inserted = await repo.insert(chunk.map((i) => i.row));
      chunk.forEach((i, n) => {
        const id = inserted.identifiers[n].id as string;
        if (i.addJob) work.add.push({ id, version: i.row.version, fireAt: i.row.fireAt });
      });
    }
    for (const chunk of chunks(updates, ROWS_PER_STATEMENT)) {
      const params: unknown[] = [];
      const values = chunk.map((u) => {
        params.push(u.id, u.kind, u.offset, u.fireAt, u.status, u.version);
        const n = params.length;
        return `($${n - 5}::uuid, $${n - 4}, $${n - 3}, $${n - 2}::timestamptz, $${n - 1}, $${n}::int)`;
      });
      await manager.query(
        `UPDATE reminders AS r
            SET kind = v.kind, "offset" = v.offset, fire_at = v.fire_at, status = v.status, version = v.version,
                updated_at = now()
           FROM (VALUES ${values.join(', ')}) AS v(id, kind, "offset", fire_at, status, version)
          WHERE r.id = v.id`,
        params,
      );
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
      // An active job checks its version itself, so a job that cannot be removed does no harm.
      for (const ids of chunks(work.remove, 500))
        await Promise.all(ids.map((id) => this.queue.remove(id).catch(() => 0)));
      for (const add of chunks(work.add, 1000)) await this.queue.addBulk(add.map((r) => this.job(r)));
    } catch (error) {
      this.logger.warn(`Queueing reminders failed; the reconciler will re-enqueue them: ${(error as Error).message}`);
    }
  }

  /** Adds the job of one reminder version, delayed to its fire time; a no-op if it is already queued. */
  async enqueue(r: ReminderVersion): Promise<void> {
    const { name, data, opts } = this.job(r);
    await this.queue.add(name, data, opts);
  }

  /** The job of one reminder version, delayed to just before its fire time; its id makes adding it twice a no-op. */
  private job(r: { id: string; version: number; fireAt: Date | number }) {
    const delay = Math.max(0, new Date(r.fireAt).getTime() - REMINDER_PREWAKE_MS - this.clock.now().getTime());
    return {
      name: 'fire',
      data: { reminderId: r.id, version: r.version },
      opts: { ...REMINDER_JOB_OPTIONS, jobId: reminderJobId(r.id, r.version), delay },
    };
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
    await this.queue.addBulk(missing.map((r) => this.job(r)));
    return missing.length;
  }

  /** Reminders still owed, oldest first. */
  async scheduled(limit: number): Promise<ReminderVersion[]> {
    const rows = await this.reminders.find({ where: { status: 'scheduled' }, order: { fireAt: 'ASC' }, take: limit });
    return rows.map((r) => ({ id: r.id, version: r.version, fireAt: r.fireAt }));
  }

  listFor(deadlineId: string): Promise<Reminder[]> {
    return this.reminders.find({ where: { deadlineId }, order: { fireAt: 'ASC' } });
  }
}
