import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { type EntityManager, IsNull, Repository } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { ActivityService, diffFields } from '../activity/activity.service.js';
import { deadlineChangeParams } from './deadline-activity.js';
import { Clock } from '../common/clock.js';
import { keysetCursor, type Page } from '../common/pagination.js';
import type { User } from '../users/user.entity.js';
import { Deadline, DeadlineAssignee } from './deadline.entity.js';
import { deadlineView, type DeadlineView } from './deadline.view.js';
import { deadlineWindow } from './deadline-cursor.js';
import { nextStatus } from './deadline-status.js';
import { DeadlineVisibility } from './deadline-visibility.service.js';
import { DeadlineBatch } from './deadline-batch.service.js';
import { movedDue, offsetsFor, refuseMovingClosingDate } from './deadline-input.js';
import type { CreateDeadlineDto, DeadlineQuery, UpdateDeadlineDto } from './dto/deadline.dto.js';
import { NO_QUEUE_WORK, type QueueWork, ReminderScheduler } from './reminder-scheduler.service.js';
import { notFound } from '../common/refusal.js';

export type { DeadlineView };

/** Deadlines: create, list, read, change, finish or remove; reminders follow in the same transaction. */
@Injectable()
export class DeadlinesService {
  constructor(
    @InjectRepository(Deadline) private readonly deadlines: Repository<Deadline>,
    private readonly access: AccessService,
    private readonly activity: ActivityService,
    private readonly clock: Clock,
    private readonly scheduler: ReminderScheduler,
    private readonly visibility: DeadlineVisibility,
    private readonly batch: DeadlineBatch,
  ) {}

  async list(user: User, query: DeadlineQuery): Promise<Page<DeadlineView> | Omit<Page<DeadlineView>, 'total'>> {
    const window = deadlineWindow(query);
    const qb = this.deadlines.createQueryBuilder('d');
    if (query.from) qb.andWhere('d.due_at >= :from', { from: boundary(query.from, 'start') });
    if (query.to) qb.andWhere('d.due_at <= :to', { to: boundary(query.to, 'end') });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.subjectType) qb.andWhere('d.subject_type = :st', { st: query.subjectType });
    if (query.subjectId) qb.andWhere('d.subject_id = :sid', { sid: query.subjectId });
    if (query.mine === 'true') {
      qb.andWhere('EXISTS (SELECT 1 FROM deadline_assignees a WHERE a.deadline_id = d.id AND a.user_id = :me)', {
        me: user.id,
      });
    }
    const counted = query.count !== 'false';
    const { items, more, total } = await this.visibility.page(user, qb, window, counted);
    const views = items.map((row) => deadlineView(row.deadline, row.assigneeIds, user.timeZone, row.subject));
    const nextCursor = more ? keysetCursor(items[items.length - 1].key) : null;
    return counted ? { items: views, total: total!, nextCursor } : { items: views, nextCursor };
  }

  /** The deadline if the user may see its subject; 404 otherwise. */
  async find(user: User, id: string): Promise<Deadline> {
    const d = await this.deadlines.findOneBy({ id });
    if (!d || !(await this.visibility.canRead(user, d))) throw notFound('deadline', 'Deadline not found');
    return d;
  }

  /** The deadline as stored, whoever asks (workers re-read it at fire and send time). */
  findById(id: string): Promise<Deadline | null> {
    return this.deadlines.findOneBy({ id });
  }

  /** Records that an assignee acknowledged the deadline (the first time counts). */
  async acknowledge(user: User, d: Deadline): Promise<void> {
    await this.deadlines.manager.transaction(async (manager) => {
      await manager
        .getRepository(DeadlineAssignee)
        .update({ deadlineId: d.id, userId: user.id, acknowledgedAt: IsNull() }, { acknowledgedAt: this.clock.now() });
      await this.activity.record(manager, {
        actorId: user.id,
        action: 'deadline.acknowledged',
        subjectType: 'deadline',
        subjectId: d.id,
        summary: `${user.name} acknowledged "${d.title}"`,
        params: { actor: user.name, title: d.title },
      });
    });
  }

  async get(user: User, id: string): Promise<DeadlineView> {
    const d = await this.find(user, id);
    return this.view(d, user);
  }

  async create(user: User, dto: CreateDeadlineDto): Promise<DeadlineView> {
    const [created] = await this.batch.create(user, [dto], false);
    return created;
  }

  /** `expectedVersion` (body `version` or If-Match), when given, must be the deadline's current version: else 409. */
  async update(user: User, id: string, dto: UpdateDeadlineDto, expectedVersion?: number): Promise<DeadlineView> {
    const current = await this.find(user, id);
    const onlyCompletes =
      dto.status === 'done' && Object.keys(dto).every((field) => field === 'status' || field === 'version');
    if (!onlyCompletes || !(await this.visibility.mayComplete(user, current))) {
      await this.access.requireAccess(user, current.subjectType, current.subjectId, 'write');
    }
    refuseMovingClosingDate(current, dto);
    if (dto.assigneeIds) await this.batch.assertUsers(dto.assigneeIds);
    let work: QueueWork = NO_QUEUE_WORK;
    const saved = await this.deadlines.manager.transaction(async (manager) => {
      const repo = manager.getRepository(Deadline);
      const d = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!d) throw notFound('deadline', 'Deadline not found');
      if (expectedVersion !== undefined && d.version !== expectedVersion)
        throw await this.staleVersion(manager, d, user, expectedVersion);
      const before = { ...d, assigneeIds: await this.assigneeIds(manager, id) };
      const { assigneeIds, status, dueAt, dueDate, timeZone, reminderOffsets, version: _version, ...plain } = dto;
      Object.assign(d, plain);
      Object.assign(d, movedDue(d, { dueAt, dueDate, timeZone }));
      if (reminderOffsets !== undefined) d.reminderOffsets = offsetsFor(d.kind, reminderOffsets);
      Object.assign(d, nextStatus(d, status, user.id, this.clock.now()));
      d.version += 1;
      const after = await repo.save(d);
      if (assigneeIds) await this.setAssignees(manager, id, assigneeIds);
      const changes = diffFields(before as unknown as Record<string, unknown>, {
        ...plain,
        dueAt: after.dueAt,
        dueDate: after.dueDate,
        timeZone: after.timeZone,
        status: after.status,
        reminderOffsets: after.reminderOffsets,
        ...(assigneeIds ? { assigneeIds: [...assigneeIds].sort() } : {}),
      });
      if (Object.keys(changes).length) {
        await this.activity.record(manager, {
          actorId: user.id,
          action: changes.status
            ? (`deadline.${after.status === 'open' ? 'reopened' : after.status}` as const)
            : changes.dueAt
              ? 'deadline.moved'
              : 'deadline.updated',
          subjectType: 'deadline',
          subjectId: id,
          summary: `Changed ${Object.keys(changes).join(', ')} of deadline "${after.title}"`,
          params: deadlineChangeParams(after, changes),
          changes,
        });
      }
      work = await this.scheduler.sync(manager, after);
      return after;
    });
    await this.scheduler.apply(work);
    return this.view(saved, user);
  }

  async remove(user: User, id: string): Promise<void> {
    const current = await this.find(user, id);
    await this.access.requireAccess(user, current.subjectType, current.subjectId, 'write');
    let work: QueueWork = NO_QUEUE_WORK;
    await this.deadlines.manager.transaction(async (manager) => {
      work = await this.scheduler.forDeletion(manager, id);
      await manager.getRepository(Deadline).delete(id);
      await this.activity.record(manager, {
        actorId: user.id,
        action: 'deadline.deleted',
        subjectType: 'deadline',
        subjectId: id,
        summary: `Removed deadline "${current.title}"`,
        params: { title: current.title },
        changes: { subjectType: current.subjectType, subjectId: current.subjectId },
      });
    });
    await this.scheduler.apply(work);
  }

  async view(d: Deadline, reader: User): Promise<DeadlineView> {
    const subject = (await this.batch.subjects([d])).get(`${d.subjectType}:${d.subjectId}`) ?? null;
    return deadlineView(d, await this.assigneeIds(this.deadlines.manager, d.id), reader.timeZone, subject);
  }

  private async staleVersion(
    manager: EntityManager,
    d: Deadline,
    reader: User,
    expected: number,
  ): Promise<ConflictException> {
    const subject = (await this.batch.subjects([d])).get(`${d.subjectType}:${d.subjectId}`) ?? null;
    const current = deadlineView(d, await this.assigneeIds(manager, d.id), reader.timeZone, subject);
    return new ConflictException({
      message: `Someone changed this deadline first: it is at version ${d.version}; your change was made on version ${expected}. Reload it and change it again.`,
      details: { yourVersion: expected, current },
    });
  }

  private async assigneeIds(manager: EntityManager, id: string): Promise<string[]> {
    const rows = await manager
      .getRepository(DeadlineAssignee)
      .find({ where: { deadlineId: id }, order: { userId: 'ASC' } });
    return rows.map((r) => r.userId);
  }

  private async setAssignees(manager: EntityManager, id: string, userIds: string[]): Promise<void> {
    const repo = manager.getRepository(DeadlineAssignee);
    await repo
      .createQueryBuilder()
      .delete()
      .where('deadline_id = :id AND NOT (user_id = ANY(:userIds))', { id, userIds })
      .execute();
    if (userIds.length) {
      await repo
        .createQueryBuilder()
        .insert()
        .values(userIds.map((userId) => ({ deadlineId: id, userId })))
        .orIgnore()
        .updateEntity(false)
        .execute();
    }
  }
}

/** `from`/`to` may be dates (whole days, UTC) or instants. */
function boundary(value: string, side: 'start' | 'end'): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Date(`${value}T${side === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`);
  const at = DateTime.fromISO(value, { zone: 'UTC' });
  if (!at.isValid) throw new BadRequestException(`${side === 'start' ? 'from' : 'to'} is not a valid date`);
  return at.toJSDate();
}
