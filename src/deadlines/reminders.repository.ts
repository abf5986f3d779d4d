import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { Deadline } from './deadline.entity.js';
import { Reminder } from './reminder.entity.js';

/** How one reminder's firing ended. */
export interface FiredOutcome {
  id: string;
  status: Reminder['status'];
  lastError: string | null;
}

/**
 * The queries of a reminder's firing and sending: reading reminders and their deadlines, locking them
 * for a firing, and recording how each firing ended. The firing runs them for a set of reminders at once.
 */
@Injectable()
export class RemindersRepository {
  constructor(
    @InjectRepository(Reminder) private readonly reminders: Repository<Reminder>,
    @InjectRepository(Deadline) private readonly deadlines: Repository<Deadline>,
  ) {}

  find(id: string): Promise<Reminder | null> {
    return this.reminders.findOneBy({ id });
  }

  findDeadline(id: string): Promise<Deadline | null> {
    return this.deadlines.findOneBy({ id });
  }

  async findMany(ids: string[]): Promise<Map<string, Reminder>> {
    const rows = ids.length ? await this.reminders.findBy({ id: In(ids) }) : [];
    return new Map(rows.map((r) => [r.id, r]));
  }

  async findDeadlines(ids: string[]): Promise<Map<string, Deadline>> {
    const rows = ids.length ? await this.deadlines.findBy({ id: In([...new Set(ids)]) }) : [];
    return new Map(rows.map((d) => [d.id, d]));
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.reminders.manager.transaction(work);
  }

  /**
   * Locks the reminders and then their deadlines, each in id order so that two firings never wait on each
   * other in a circle; call inside the firing's transaction.
   */
  async lockForFiring(
    manager: EntityManager,
    reminderIds: string[],
  ): Promise<{ reminders: Map<string, Reminder>; deadlines: Map<string, Deadline> }> {
    const reminders = await manager
      .getRepository(Reminder)
      .createQueryBuilder('r')
      .where('r.id = ANY(:ids)', { ids: reminderIds })
      .orderBy('r.id')
      .setLock('pessimistic_write')
      .getMany();
    const deadlineIds = [...new Set(reminders.map((r) => r.deadlineId))];
    const deadlines = deadlineIds.length
      ? await manager
          .getRepository(Deadline)
          .createQueryBuilder('d')
          .where('d.id = ANY(:ids)', { ids: deadlineIds })
          .orderBy('d.id')
          .setLock('pessimistic_write')
          .getMany()
      : [];
    return { reminders: new Map(reminders.map((r) => [r.id, r])), deadlines: new Map(deadlines.map((d) => [d.id, d])) };
  }

  /** Records how each firing ended (sent, skipped or cancelled, and why), in one statement. */
  async recordFired(manager: EntityManager, outcomes: FiredOutcome[], firedAt: Date): Promise<void> {
    if (!outcomes.length) return;
    await manager.query(
      `UPDATE reminders r
          SET status = o.status, last_error = o.last_error, fired_at = $4, updated_at = now()
         FROM unnest($1::uuid[], $2::varchar[], $3::text[]) AS o(id, status, last_error)
        WHERE r.id = o.id`,
      [outcomes.map((o) => o.id), outcomes.map((o) => o.status), outcomes.map((o) => o.lastError), firedAt],
    );
  }
}
