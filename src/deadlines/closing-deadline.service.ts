import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ActivityService } from '../activity/activity.service.js';
import { Clock } from '../common/clock.js';
import type { Opportunity } from '../opportunities/opportunity.entity.js';
import { OpportunitiesService } from '../opportunities/opportunities.service.js';
import type { User } from '../users/user.entity.js';
import { CLOSING_DATE_TEMPLATE, Deadline } from './deadline.entity.js';
import { nextStatus } from './deadline-status.js';
import type { ActivityAction } from '../../shared/activity-actions.js';
import { DEFAULT_OFFSETS } from './reminder-times.js';
import { ReminderScheduler } from './reminder-scheduler.service.js';

/**
 * A call's closing date is its external deadline: setting an opportunity's `closesAt` creates or
 * moves that deadline (default reminders), clearing it cancels it, in the opportunity's transaction.
 * `closesAt` is the source of truth; the deadline's own due time cannot be changed on its own.
 */
@Injectable()
export class ClosingDeadline implements OnModuleInit {
  constructor(
    private readonly opportunities: OpportunitiesService,
    private readonly scheduler: ReminderScheduler,
    private readonly activity: ActivityService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.opportunities.onClosingDateChanged((manager, actor, opportunity) => this.follow(manager, actor, opportunity));
  }

  /** Brings the deadline in line with `closesAt`; returns the queue work to do after commit. */
  async follow(manager: EntityManager, actor: User, opportunity: Opportunity): Promise<() => Promise<void>> {
    const repo = manager.getRepository(Deadline);
    const existing = await repo.findOne({
      where: { subjectType: 'opportunity', subjectId: opportunity.id, templateId: CLOSING_DATE_TEMPLATE },
      lock: { mode: 'pessimistic_write' },
    });
    const closesAt = opportunity.closesAt;
    let deadline: Deadline;
    let action: ActivityAction;
    if (!closesAt) {
      if (!existing || !['open', 'missed'].includes(existing.status)) return async () => {};
      deadline = existing;
      Object.assign(deadline, nextStatus(deadline, 'cancelled', actor.id, this.clock.now()));
      action = 'deadline.cancelled';
    } else if (!existing) {
      deadline = repo.create({
        subjectType: 'opportunity',
        subjectId: opportunity.id,
        title: opportunity.title,
        description: null,
        kind: 'external',
        dueAt: closesAt,
        dueDate: null,
        timeZone: actor.timeZone,
        status: 'open',
        reminderOffsets: DEFAULT_OFFSETS.external,
        overdueReminder: false,
        parentId: null,
        templateId: CLOSING_DATE_TEMPLATE,
        createdBy: actor.id,
      });
      action = 'deadline.created';
    } else {
      deadline = existing;
      const reopen = deadline.status === 'cancelled' ? 'open' : undefined;
      Object.assign(deadline, { dueAt: closesAt, dueDate: null });
      Object.assign(deadline, nextStatus(deadline, reopen, actor.id, this.clock.now()));
      deadline.version += 1;
      action = reopen ? 'deadline.reopened' : 'deadline.moved';
    }
    if (action === 'deadline.cancelled') deadline.version += 1;
    const saved = await repo.save(deadline);
    await this.activity.record(manager, {
      actorId: actor.id,
      action,
      subjectType: 'deadline',
      subjectId: saved.id,
      summary: `Closing date of "${opportunity.title}": ${action.split('.')[1]} deadline for ${saved.dueAt.toISOString()}`,
      params: {
        closingDate: true,
        title: saved.title,
        opportunity: opportunity.title,
        dueAt: saved.dueAt.toISOString(),
        dueDate: saved.dueDate,
        timeZone: saved.timeZone,
      },
      changes: {
        subjectType: 'opportunity',
        subjectId: opportunity.id,
        opportunityId: opportunity.id,
        dueAt: saved.dueAt,
      },
    });
    const work = await this.scheduler.sync(manager, saved);
    return () => this.scheduler.apply(work);
  }
}
