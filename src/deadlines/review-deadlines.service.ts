import { deadlineChangeParams } from './deadline-activity.js';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DateTime } from 'luxon';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Like, Repository } from 'typeorm';
import type { ActivityEntry } from '../activity/activity.service.js';
import { ActivityService } from '../activity/activity.service.js';
import { Clock } from '../common/clock.js';
import { badField, Refusal } from '../common/refusal.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { UserDirectory } from '../users/user-directory.service.js';
import type { Review, ReviewDate, ReviewDateKind } from '../reviews/review.entity.js';
import { ReviewsService } from '../reviews/reviews.service.js';
import type { User } from '../users/user.entity.js';
import { Deadline, DeadlineAssignee, REVIEW_DATE_TEMPLATE_PREFIX } from './deadline.entity.js';
import { type DeadlineView, DeadlinesService } from './deadlines.service.js';
import type { AskAssessmentRoundDto } from './dto/assessment-round.dto.js';
import { nextStatus } from './deadline-status.js';
import { findTemplate, planTemplate, stepTitles } from './deadline-templates.js';
import { DEFAULT_OFFSETS } from './reminder-times.js';
import { ReminderScheduler } from './reminder-scheduler.service.js';

/** Treaty bodies sit in Geneva: a review's date is the end of that day there (Geneva keeps Zurich's zone, the IANA name ICU knows). */
export const REVIEW_TIME_ZONE = 'Europe/Zurich';
const ANCHOR_PREFIX = REVIEW_DATE_TEMPLATE_PREFIX;

const KIND_TITLES: Record<ReviewDateKind, string> = {
  follow_up_report: 'Follow-up report due',
  state_report: 'State report due',
  list_of_issues: 'List of Issues',
  pre_session: 'Pre-sessional working group',
  session: 'Session (dialogue with the State)',
  other: 'Date',
};

/** The template whose steps are counted back from a date of this kind (none: the date alone). */
export function templateFor(review: Pick<Review, 'mechanism'>, kind: ReviewDateKind): string | null {
  if (kind === 'follow_up_report' || kind === 'list_of_issues') return 'recommendations-follow-up';
  if (kind === 'pre_session' && review.mechanism === 'crc') return 'crc-alternative-report';
  return null;
}

/** The title of a date's deadline: "Pre-sessional working group: <review>". */
export const reviewDateTitle = (review: Pick<Review, 'name'>, date: Pick<ReviewDate, 'kind' | 'label'>) =>
  `${date.kind === 'other' ? (date.label ?? KIND_TITLES.other) : KIND_TITLES[date.kind]}: ${review.name}`;

const endOfDay = (date: string) =>
  DateTime.fromISO(date, { zone: REVIEW_TIME_ZONE })
    .set({ hour: 23, minute: 59, second: 59, millisecond: 0 })
    .toJSDate();

/**
 * A review's dates are deadlines of the review (subject type `review`): each date an external deadline
 * (`templateId` `review.date:<date id>`) with its template's internal steps before it. Setting the
 * review's dates creates, moves or cancels them in the review's transaction, as a call's closing date does.
 */
@Injectable()
export class ReviewDeadlines implements OnModuleInit {
  constructor(
    @InjectRepository(Deadline) private readonly deadlines: Repository<Deadline>,
    private readonly reviews: ReviewsService,
    private readonly scheduler: ReminderScheduler,
    private readonly activity: ActivityService,
    private readonly organizations: OrganizationsService,
    private readonly users: UserDirectory,
    private readonly views: DeadlinesService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.reviews.onDatesChanged((manager, actor, review, dates) => this.follow(manager, actor, review, dates));
  }

  async follow(manager: EntityManager, actor: User, review: Review, dates: ReviewDate[]): Promise<() => Promise<void>> {
    const repo = manager.getRepository(Deadline);
    const anchors = await repo.find({
      where: { subjectType: 'review', subjectId: review.id, templateId: Like(`${ANCHOR_PREFIX}%`) },
      lock: { mode: 'pessimistic_write' },
    });
    const children = anchors.length
      ? await repo.find({ where: { parentId: In(anchors.map((a) => a.id)) }, lock: { mode: 'pessimistic_write' } })
      : [];
    const changed: Deadline[] = [];
    const entries: ActivityEntry[] = [];
    const note = (deadline: Deadline, action: ActivityEntry['action']) =>
      entries.push({
        actorId: actor.id,
        action,
        subjectType: 'deadline',
        subjectId: deadline.id,
        summary: `Review "${review.name}": ${action.split('.')[1]} deadline "${deadline.title}" for ${deadline.dueDate}`,
        // A moved deadline's sentence names what changed (its due time), as a deadline moved by hand does.
        params: deadlineChangeParams(deadline, action === 'deadline.moved' ? { dueAt: deadline.dueAt } : {}),
        changes: { subjectType: 'review', subjectId: review.id, dueDate: deadline.dueDate },
      });

    for (const date of dates) {
      const title = reviewDateTitle(review, date);
      let anchor = anchors.find((a) => a.templateId === `${ANCHOR_PREFIX}${date.id}`);
      if (!anchor) {
        const created = this.newDeadline(repo, actor, review, title, 'external', date.date, null);
        created.templateId = `${ANCHOR_PREFIX}${date.id}`;
        anchor = await repo.save(created);
        note(anchor, 'deadline.created');
        changed.push(anchor);
        await this.addSteps(manager, actor, review, anchor, templateFor(review, date.kind), changed, note);
        continue;
      }
      const moved = anchor.dueDate !== date.date || anchor.title !== title || anchor.status === 'cancelled';
      if (!moved) continue;
      this.move(anchor, date.date, actor);
      anchor.title = title;
      await repo.save(anchor);
      note(anchor, 'deadline.moved');
      changed.push(anchor);
      const templateId = templateFor(review, date.kind);
      const template = templateId ? findTemplate(templateId) : undefined;
      if (!template) continue;
      const plan = planTemplate(template, { dueAt: anchor.dueAt, dueDate: anchor.dueDate, timeZone: REVIEW_TIME_ZONE });
      for (const child of children.filter((c) => c.parentId === anchor.id)) {
        const index = template.steps.findIndex((_step, i) => stepTitles(template, i).includes(child.title));
        if (index < 0 || child.dueDate === plan[index].dueDate) continue;
        this.move(child, plan[index].dueDate!, actor);
        await repo.save(child);
        note(child, 'deadline.moved');
        changed.push(child);
      }
    }

    // A date taken off the review cancels its deadline and the steps before it.
    const wanted = new Set(dates.map((d) => `${ANCHOR_PREFIX}${d.id}`));
    for (const anchor of anchors.filter((a) => !wanted.has(a.templateId ?? ''))) {
      for (const deadline of [anchor, ...children.filter((c) => c.parentId === anchor.id)]) {
        if (!['open', 'missed'].includes(deadline.status)) continue;
        Object.assign(deadline, nextStatus(deadline, 'cancelled', actor.id, this.clock.now()));
        deadline.version += 1;
        await repo.save(deadline);
        note(deadline, 'deadline.cancelled');
        changed.push(deadline);
      }
    }
    await this.activity.recordMany(manager, entries);
    const work = await this.scheduler.syncMany(manager, changed);
    return () => this.scheduler.apply(work);
  }

  /**
   * Asks each organisation that follows the review's recommendations (or those named) for a round of
   * assessments by a day: one internal deadline of the review per organisation, assigned to its members,
   * with the usual reminders.
   */
  async askRound(actor: User, reviewId: string, dto: AskAssessmentRoundDto): Promise<DeadlineView[]> {
    const review = await this.reviews.get(actor, reviewId);
    if (!review.can.change)
      throw new Refusal(403, 'forbidden', 'Only coordinators and admins ask for a round of assessments');
    const following = await this.reviews.followingOrganizationIds(reviewId);
    if (!following.length)
      throw badField('organizationIds', 'too_few_items', 'no organisation follows a recommendation of this review yet');
    const asked = [...new Set(dto.organizationIds ?? following)];
    const strangers = asked.filter((id) => !following.includes(id));
    if (strangers.length)
      throw badField(
        'organizationIds',
        'invalid',
        `does not follow a recommendation of this review: ${strangers.join(', ')}`,
      );
    if (endOfDay(dto.dueDate) <= this.clock.now())
      throw badField('dueDate', 'too_small', 'must be a day still to come');
    const [names, members] = await Promise.all([
      this.organizations.namesByIds(asked),
      this.users.activeMembersOf(asked),
    ]);

    const { created, work } = await this.deadlines.manager.transaction(async (manager) => {
      const repo = manager.getRepository(Deadline);
      const created: Deadline[] = [];
      for (const organizationId of asked) {
        const name = names.get(organizationId) ?? organizationId;
        const deadline = this.newDeadline(repo, actor, review, `${dto.title} — ${name}`, 'internal', dto.dueDate, null);
        const saved = await repo.save(deadline);
        const assignees = members.filter((u) => u.organizationId === organizationId);
        if (assignees.length)
          await manager
            .getRepository(DeadlineAssignee)
            .insert(assignees.map((u) => ({ deadlineId: saved.id, userId: u.id })));
        created.push(saved);
      }
      await this.activity.recordMany(
        manager,
        created.map((d) => ({
          actorId: actor.id,
          action: 'deadline.created' as const,
          subjectType: 'deadline',
          subjectId: d.id,
          summary: `Review "${review.name}": asked for a round of assessments, "${d.title}" for ${d.dueDate}`,
          params: { title: d.title, dueDate: d.dueDate, timeZone: d.timeZone },
          changes: { subjectType: 'review', subjectId: review.id, dueDate: d.dueDate },
        })),
      );
      return { created, work: await this.scheduler.syncMany(manager, created) };
    });
    await this.scheduler.apply(work);
    return Promise.all(created.map((d) => this.views.view(d, actor)));
  }

  private newDeadline(
    repo: ReturnType<EntityManager['getRepository']>,
    actor: User,
    review: Review,
    title: string,
    kind: 'external' | 'internal',
    date: string,
    parentId: string | null,
  ): Deadline {
    return repo.create({
      subjectType: 'review',
      subjectId: review.id,
      title,
      description: null,
      kind,
      dueAt: endOfDay(date),
      dueDate: date,
      timeZone: REVIEW_TIME_ZONE,
      status: 'open',
      reminderOffsets: DEFAULT_OFFSETS[kind],
      overdueReminder: false,
      parentId,
      templateId: null,
      createdBy: actor.id,
    }) as Deadline;
  }

  /** The template's steps before a new date; a step already past is left out (nobody can meet it). */
  private async addSteps(
    manager: EntityManager,
    actor: User,
    review: Review,
    anchor: Deadline,
    templateId: string | null,
    changed: Deadline[],
    note: (deadline: Deadline, action: ActivityEntry['action']) => void,
  ): Promise<void> {
    const template = templateId ? findTemplate(templateId) : undefined;
    if (!template) return;
    const repo = manager.getRepository(Deadline);
    const now = this.clock.now();
    for (const step of planTemplate(template, {
      dueAt: anchor.dueAt,
      dueDate: anchor.dueDate,
      timeZone: REVIEW_TIME_ZONE,
    })) {
      if (step.dueAt <= now) continue;
      const deadline = this.newDeadline(repo, actor, review, step.title, step.kind, step.dueDate!, anchor.id);
      deadline.templateId = template.id;
      const saved = await repo.save(deadline);
      note(saved, 'deadline.created');
      changed.push(saved);
    }
  }

  private move(deadline: Deadline, date: string, actor: User): void {
    const reopen = deadline.status === 'cancelled' || deadline.status === 'missed' ? 'open' : undefined;
    Object.assign(deadline, { dueAt: endOfDay(date), dueDate: date });
    Object.assign(deadline, nextStatus(deadline, reopen, actor.id, this.clock.now()));
    deadline.version += 1;
  }
}
