import { BadRequestException, ConflictException, HttpException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { ActivityService, type ActivityEntry, diffFields } from '../activity/activity.service.js';
import { deadlineChangeParams } from './deadline-activity.js';
import { chunks } from '../common/chunks.js';
import { Clock } from '../common/clock.js';
import type { User } from '../users/user.entity.js';
import { UserDirectory } from '../users/user-directory.service.js';
import { Deadline, DeadlineAssignee } from './deadline.entity.js';
import { dueFrom, movedDue, offsetsFor, refuseMovingClosingDate } from './deadline-input.js';
import { nextStatus } from './deadline-status.js';
import { DeadlineVisibility } from './deadline-visibility.service.js';
import { type DeadlineSubject, deadlineView, type DeadlineView } from './deadline.view.js';
import type { MoveDeadlineDto } from './dto/deadline-bulk.dto.js';
import type { CreateDeadlineDto } from './dto/deadline.dto.js';
import { canonicalZone } from './reminder-times.js';
import { ReminderScheduler, ROWS_PER_STATEMENT } from './reminder-scheduler.service.js';
import { badField, notFound } from '../common/refusal.js';

/** A deadline to create, with where it came from when a template made it. */
export type NewDeadline = CreateDeadlineDto & { parentId?: string; templateId?: string };

/**
 * Writes many deadlines at once (an import, a template, a funder moving a whole call): all or nothing, in
 * one transaction with multi-row statements and one bulk add of reminder jobs. The single create goes
 * through here too. A refused item is named as `items.N` when `labelled`.
 */
@Injectable()
export class DeadlineBatch {
  constructor(
    @InjectRepository(Deadline) private readonly deadlines: Repository<Deadline>,
    private readonly access: AccessService,
    private readonly users: UserDirectory,
    private readonly activity: ActivityService,
    private readonly visibility: DeadlineVisibility,
    private readonly scheduler: ReminderScheduler,
    private readonly clock: Clock,
  ) {}

  async create(user: User, items: NewDeadline[], labelled = true): Promise<DeadlineView[]> {
    const at = labelled ? itemLabel : () => '';
    const rows = items.map((dto, i) =>
      refusedAs(at(i), () => {
        const zone = canonicalZone(dto.timeZone)!;
        return {
          subjectType: dto.subjectType,
          subjectId: dto.subjectId,
          title: dto.title,
          description: dto.description ?? null,
          kind: dto.kind,
          ...dueFrom(dto.dueAt, dto.dueDate, zone),
          timeZone: zone,
          status: 'open' as const,
          reminderOffsets: offsetsFor(dto.kind, dto.reminderOffsets),
          overdueReminder: dto.overdueReminder ?? false,
          parentId: dto.parentId ?? null,
          templateId: dto.templateId ?? null,
          createdBy: user.id,
          completedAt: null,
          completedBy: null,
        };
      }),
    );
    await this.requireWritable(user, items, at);
    await this.assertUsers(items.flatMap((dto) => dto.assigneeIds ?? []));
    const { saved, work } = await this.deadlines.manager.transaction(async (manager) => {
      const repo = manager.getRepository(Deadline);
      const created: Deadline[] = [];
      for (const chunk of chunks(rows, ROWS_PER_STATEMENT)) {
        const entities = chunk.map((row) => repo.create(row));
        await repo.insert(entities);
        created.push(...entities);
      }
      const assignees = created.flatMap((d, i) =>
        (items[i].assigneeIds ?? []).map((userId) => ({ deadlineId: d.id, userId })),
      );
      for (const chunk of chunks(assignees, ROWS_PER_STATEMENT))
        await manager.getRepository(DeadlineAssignee).insert(chunk);
      await this.activity.recordMany(
        manager,
        created.map((d) => ({
          actorId: user.id,
          action: 'deadline.created',
          subjectType: 'deadline',
          subjectId: d.id,
          summary: `Set ${d.kind} deadline "${d.title}" for ${d.dueAt.toISOString()} (${d.timeZone})`,
          params: {
            kind: d.kind,
            title: d.title,
            dueAt: d.dueAt.toISOString(),
            dueDate: d.dueDate,
            timeZone: d.timeZone,
          },
          changes: { subjectType: d.subjectType, subjectId: d.subjectId },
        })),
      );
      return { saved: created, work: await this.scheduler.syncMany(manager, created) };
    });
    await this.scheduler.apply(work);
    return this.views(saved, user);
  }

  /** Moves many deadlines (new due time or zone); a stale `version` refuses the whole request with a 409. */
  async move(user: User, items: MoveDeadlineDto[]): Promise<DeadlineView[]> {
    const ids = items.map((item) => item.id);
    const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (twice >= 0) throw new BadRequestException(`${itemLabel(twice)}deadline ${ids[twice]} is listed twice`);
    const current = new Map((await this.deadlines.findBy({ id: In(ids) })).map((d) => [d.id, d]));
    const readable = await this.access.readableByType(
      user,
      [...current.values()].map((d) => ({ type: d.subjectType, id: d.subjectId })),
    );
    // A deadline the caller may not see is "not found", as on the single route: never its record's kind.
    const found = items.map((item, i) => {
      const d = current.get(item.id);
      if (!d || !readable.get(d.subjectType)?.has(d.subjectId))
        throw labelled(itemLabel(i), notFound('deadline', 'Deadline not found'));
      return d;
    });
    await this.requireWritable(user, found, itemLabel);
    found.forEach((d, i) => refusedAs(itemLabel(i), () => refuseMovingClosingDate(d, items[i])));
    const now = this.clock.now();
    const { saved, work } = await this.deadlines.manager.transaction(async (manager) => {
      const locked = await manager
        .getRepository(Deadline)
        .find({ where: { id: In(ids) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const byId = new Map(locked.map((d) => [d.id, d]));
      const moved: Deadline[] = [];
      const entries: ActivityEntry[] = [];
      items.forEach((item, i) => {
        const d = byId.get(item.id);
        if (!d) throw labelled(itemLabel(i), notFound('deadline', 'Deadline not found'));
        if (item.version !== undefined && d.version !== item.version)
          throw new ConflictException({
            message: `${itemLabel(i)}Someone changed deadline "${d.title}" first: it is at version ${d.version}; your change was made on version ${item.version}. Reload it and move it again.`,
            details: { item: i, id: d.id, yourVersion: item.version, currentVersion: d.version },
          });
        const timing = (x: Deadline) => ({
          dueAt: x.dueAt,
          dueDate: x.dueDate,
          timeZone: x.timeZone,
          status: x.status,
        });
        const before = timing(d);
        refusedAs(itemLabel(i), () => Object.assign(d, movedDue(d, item)));
        Object.assign(d, nextStatus(d, undefined, user.id, now));
        const changes = diffFields(before, timing(d));
        if (!Object.keys(changes).length) return;
        d.version += 1;
        moved.push(d);
        entries.push({
          actorId: user.id,
          action: 'deadline.moved',
          subjectType: 'deadline',
          subjectId: d.id,
          summary: `Changed ${Object.keys(changes).join(', ')} of deadline "${d.title}"`,
          params: deadlineChangeParams(d, changes),
          changes,
        });
      });
      await this.saveTimings(manager, moved);
      await this.activity.recordMany(manager, entries);
      return { saved: items.map((item) => byId.get(item.id)!), work: await this.scheduler.syncMany(manager, moved) };
    });
    await this.scheduler.apply(work);
    return this.views(saved, user);
  }

  /** Every assignee must be an existing, enabled user. */
  async assertUsers(ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (!unique.length) return;
    if (!(await this.users.allEnabled(unique)))
      throw badField('assigneeIds', 'invalid', 'every assignee must be an existing, enabled user');
  }

  /** Title and web-app path of each deadline's record, keyed `type:id`, so a client can link to it. */
  async subjects(deadlines: Deadline[]): Promise<Map<string, DeadlineSubject>> {
    const described = await this.access.describeEach(deadlines.map((d) => ({ type: d.subjectType, id: d.subjectId })));
    return new Map([...described].map(([key, info]) => [key, { title: info.title, path: info.path }]));
  }

  /** Write access to each distinct record the items are on (checked once per record). */
  private async requireWritable(
    user: User,
    items: { subjectType: string; subjectId: string }[],
    at: (i: number) => string,
  ): Promise<void> {
    const checked = new Set<string>();
    for (const [i, { subjectType, subjectId }] of items.entries()) {
      const key = `${subjectType}:${subjectId}`;
      if (checked.has(key)) continue;
      checked.add(key);
      await refusedAsAsync(at(i), async () => {
        if (!this.access.knows(subjectType))
          throw new BadRequestException(`subjectType: ${subjectType} records are not available in this installation`);
        await this.access.requireAccess(user, subjectType, subjectId, 'write');
      });
    }
  }

  private async saveTimings(manager: EntityManager, moved: Deadline[]): Promise<void> {
    for (const chunk of chunks(moved, ROWS_PER_STATEMENT)) {
      const params: unknown[] = [];
      const values = chunk.map((d) => {
        params.push(d.id, d.dueAt, d.dueDate, d.timeZone, d.status, d.version);
        const n = params.length;
        return `($${n - 5}::uuid, $${n - 4}::timestamptz, $${n - 3}::date, $${n - 2}, $${n - 1}, $${n}::int)`;
      });
      const rows: { id: string; updated_at: Date }[] = await manager.query(
        `UPDATE deadlines AS d
            SET due_at = v.due_at, due_date = v.due_date, time_zone = v.time_zone, status = v.status,
                version = v.version, updated_at = now()
           FROM (VALUES ${values.join(', ')}) AS v(id, due_at, due_date, time_zone, status, version)
          WHERE d.id = v.id
      RETURNING d.id, d.updated_at`,
        params,
      );
      const updatedAt = new Map(rows.map((r) => [r.id, r.updated_at]));
      for (const d of chunk) d.updatedAt = updatedAt.get(d.id) ?? d.updatedAt;
    }
  }

  private async views(deadlines: Deadline[], reader: User): Promise<DeadlineView[]> {
    const subjects = await this.subjects(deadlines);
    const assignees = await this.visibility.assigneesOf(deadlines.map((d) => d.id));
    return deadlines.map((d) =>
      deadlineView(
        d,
        assignees.get(d.id) ?? [],
        reader.timeZone,
        subjects.get(`${d.subjectType}:${d.subjectId}`) ?? null,
      ),
    );
  }
}

function itemLabel(i: number): string {
  return `items.${i}: `;
}

/** Runs `work`; an HTTP refusal it throws gets `label` in front of its message. */
function refusedAs<T>(label: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw labelled(label, error);
  }
}

async function refusedAsAsync<T>(label: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw labelled(label, error);
  }
}

function labelled(label: string, error: unknown): unknown {
  if (!label || !(error instanceof HttpException)) return error;
  const response = error.getResponse();
  const body = typeof response === 'string' ? { message: response } : { ...(response as Record<string, unknown>) };
  return new HttpException({ ...body, message: `${label}${String(body.message)}` }, error.getStatus());
}
