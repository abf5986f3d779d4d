import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { User } from '../users/user.entity.js';
import { Deadline, type DeadlineSubjectType } from './deadline.entity.js';
import { DEADLINE_TEMPLATES, findTemplate, planTemplate, stepTitles, templateIn } from './deadline-templates.js';
import { type DeadlineView, DeadlinesService } from './deadlines.service.js';
import { DeadlineVisibility } from './deadline-visibility.service.js';
import { DeadlineBatch } from './deadline-batch.service.js';

/** Internal deadlines counted back from a deadline (partner drafts −21 d, review −14 d, sign-off −5 d …). */
@Injectable()
export class DeadlineTemplatesService {
  constructor(
    @InjectRepository(Deadline) private readonly deadlineRows: Repository<Deadline>,
    private readonly deadlines: DeadlinesService,
    private readonly visibility: DeadlineVisibility,
    private readonly batch: DeadlineBatch,
  ) {}

  /** The templates in the reader's language. */
  list(user: User) {
    return { items: DEADLINE_TEMPLATES.map((template) => templateIn(user.language, template)) };
  }

  /**
   * Adds the template's steps before the anchor deadline, on the same record and
   * with the same assignees. Steps already added from this template are not repeated.
   */
  async apply(user: User, anchorId: string, templateId: string): Promise<{ items: DeadlineView[] }> {
    const anchor = await this.deadlines.find(user, anchorId);
    const template = findTemplate(templateId)!;
    const existing = await this.deadlineRows.findBy({ parentId: anchor.id, templateId });
    const taken = new Set(existing.map((d) => d.title));
    const assignees = (await this.visibility.assigneesOf([anchor.id])).get(anchor.id) ?? [];
    // Steps are written in the language of the person who adds them; one added in any language counts.
    const steps = planTemplate(templateIn(user.language, template), anchor).filter(
      (_step, i) => !stepTitles(template, i).some((title) => taken.has(title)),
    );
    const created: DeadlineView[] = steps.length
      ? await this.batch.create(
          user,
          steps.map((step) => ({
            subjectType: anchor.subjectType as DeadlineSubjectType,
            subjectId: anchor.subjectId,
            title: step.title,
            kind: step.kind,
            timeZone: step.timeZone,
            ...(step.dueDate ? { dueDate: step.dueDate } : { dueAt: step.dueAt.toISOString() }),
            assigneeIds: assignees,
            parentId: anchor.id,
            templateId,
          })),
          false,
        )
      : [];
    return { items: created };
  }
}
