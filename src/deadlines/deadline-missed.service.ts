import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { ActivityService } from '../activity/activity.service.js';
import { Clock } from '../common/clock.js';
import { Deadline } from './deadline.entity.js';
import { isPastDue } from './deadline-status.js';
import { ReminderScheduler } from './reminder-scheduler.service.js';

/** An open deadline whose time has passed becomes missed (DESIGN step 5). */
@Injectable()
export class DeadlineMissed {
  constructor(
    @InjectRepository(Deadline) private readonly deadlines: Repository<Deadline>,
    private readonly scheduler: ReminderScheduler,
    private readonly activity: ActivityService,
    private readonly clock: Clock,
  ) {}

  /** Marks `d` missed if it is still open; call inside a transaction holding its row lock. */
  async markMissed(manager: EntityManager, d: Deadline): Promise<void> {
    await manager
      .getRepository(Deadline)
      .update({ id: d.id, status: 'open' }, { status: 'missed', version: () => 'version + 1' });
    await this.activity.record(manager, {
      actorId: null,
      action: 'deadline.missed',
      subjectType: 'deadline',
      subjectId: d.id,
      summary: `Deadline "${d.title}" passed without being marked done`,
      params: { title: d.title, dueAt: d.dueAt.toISOString(), dueDate: d.dueDate },
    });
  }

  /** Marks up to `limit` open past-due deadlines missed; their unsent reminders before are dropped, the overdue one stays. */
  async markPastDue(limit: number): Promise<number> {
    const now = this.clock.now();
    const due = await this.deadlines
      .createQueryBuilder('d')
      .where("d.status = 'open' AND d.due_at <= :now", { now })
      .orderBy('d.due_at')
      .take(limit)
      .getMany();
    let count = 0;
    for (const candidate of due) {
      const work = await this.deadlines.manager.transaction(async (manager) => {
        const d = await manager
          .getRepository(Deadline)
          .findOne({ where: { id: candidate.id }, lock: { mode: 'pessimistic_write' } });
        if (!d || !isPastDue(d, now)) return null;
        await this.markMissed(manager, d);
        count += 1;
        return this.scheduler.sync(manager, { ...d, status: 'missed' });
      });
      if (work) await this.scheduler.apply(work);
    }
    return count;
  }
}
