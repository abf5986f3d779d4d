import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type SelectQueryBuilder, Repository } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { hasRole } from '../access/roles.js';
import type { User } from '../users/user.entity.js';
import type { PageWindow } from '../common/pagination.js';
import { preparedQuery } from '../database/prepared-query.js';
import { DUE_KEY_SQL } from './deadline-cursor.js';
import { Deadline, DeadlineAssignee } from './deadline.entity.js';
import type { DeadlineStatus } from './deadline-status.js';
import type { DeadlineSubject } from './deadline.view.js';

/** What a reader may do to a deadline through a reminder's signed links. */
export interface LinkActions {
  read: boolean;
  acknowledge: boolean;
  complete: boolean;
  completeRecord: boolean;
}

/** A deadline in a list, with what the list shows beside it. */
export interface ListedDeadline {
  deadline: Deadline;
  assigneeIds: string[];
  subject: DeadlineSubject | null;
  /** Its place in the list's order, for the cursor of the page after it. */
  key: string[];
}

/** A row of the list query: the deadline's columns and the extras. */
interface ListedRow {
  id: string;
  subject_type: string;
  subject_id: string;
  title: string;
  description: string | null;
  kind: Deadline['kind'];
  due_at: Date;
  due_day: string | null;
  time_zone: string;
  status: DeadlineStatus;
  reminder_offsets: string[];
  overdue_reminder: boolean;
  parent_id: string | null;
  template_id: string | null;
  created_by: string | null;
  completed_at: Date | null;
  completed_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  due_key: string;
  assignee_ids: string[];
  subject: DeadlineSubject | null;
}

function deadlineOf(repo: Repository<Deadline>, r: ListedRow): Deadline {
  return repo.create({
    id: r.id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    title: r.title,
    description: r.description,
    kind: r.kind,
    dueAt: r.due_at,
    dueDate: r.due_day,
    timeZone: r.time_zone,
    status: r.status,
    reminderOffsets: r.reminder_offsets,
    overdueReminder: r.overdue_reminder,
    parentId: r.parent_id,
    templateId: r.template_id,
    createdBy: r.created_by,
    completedAt: r.completed_at,
    completedBy: r.completed_by,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  } as Deadline);
}

/**
 * A deadline is visible exactly when its subject is: this narrows a query of
 * deadlines to those whose (subject type, subject id) the user may read.
 */
@Injectable()
export class DeadlineVisibility {
  constructor(
    @InjectRepository(Deadline) private readonly deadlines: Repository<Deadline>,
    @InjectRepository(DeadlineAssignee) private readonly assignees: Repository<DeadlineAssignee>,
    private readonly access: AccessService,
  ) {}

  /** Adds the visibility condition to `qb` (alias `d`): the deadline's subject exists and the user may read it. */
  restrict(user: User, qb: SelectQueryBuilder<Deadline>): SelectQueryBuilder<Deadline> {
    const readable = this.access.readableSql(user, 'd.subject_type', 'd.subject_id');
    return qb.andWhere(readable.sql, readable.params);
  }

  /**
   * One page of the deadlines matching `qb` (alias `d`, its conditions only) that the user may see, soonest
   * first, each with its assignees and its subject's title and path; one row more than the page says whether
   * another follows. With `window.after` (the sort key of the previous page's last row) it reads
   * from there along the (due_at, id) index, so a page costs the same however deep it is. `counted` adds
   * the total, which means reading every visible row of the filter.
   */
  async page(
    user: User,
    qb: SelectQueryBuilder<Deadline>,
    window: PageWindow,
    counted: boolean,
  ): Promise<{ items: ListedDeadline[]; more: boolean; total?: number }> {
    this.restrict(user, qb);
    const [where, params] = qb.getQueryAndParameters();
    const filter = where.slice(where.indexOf(' FROM '));
    const n = params.length;
    const after = window.after ? ` AND ("d".due_at, "d".id) > ($${n + 3}::timestamptz, $${n + 4}::uuid)` : '';
    const [rows, total] = await Promise.all([
      preparedQuery<ListedRow>(
        this.deadlines.manager.connection,
        `SELECT page.*, ${this.access.labelSql('page.subject_type', 'page.subject_id')} AS subject,
                ARRAY(SELECT a.user_id FROM deadline_assignees a WHERE a.deadline_id = page.id ORDER BY a.user_id) AS assignee_ids
           FROM (SELECT "d".*, "d".due_date::text AS due_day, ${DUE_KEY_SQL} AS due_key ${filter}${after}
                  ORDER BY "d".due_at, "d".id LIMIT $${n + 1} OFFSET $${n + 2}) page
          ORDER BY page.due_at, page.id`,
        [...params, window.limit + 1, window.offset, ...(window.after ?? [])],
      ),
      counted ? this.count(filter, params) : undefined,
    ]);
    const more = rows.length > window.limit;
    const items = rows.slice(0, window.limit).map((r) => ({
      deadline: deadlineOf(this.deadlines, r),
      assigneeIds: r.assignee_ids,
      subject: r.subject,
      key: [r.due_key, r.id],
    }));
    return { items, more, total };
  }

  private async count(filter: string, params: unknown[]): Promise<number> {
    const rows: { total: number }[] = await this.deadlines.query(`SELECT count(*)::int AS total ${filter}`, params);
    return rows[0].total;
  }

  /** The deadlines the user can see with one of `statuses`, due within [from, to], soonest first, at most `limit`. */
  async visible(
    user: User,
    filter: { statuses: DeadlineStatus[]; from?: Date; to?: Date; limit: number },
  ): Promise<Deadline[]> {
    const qb = this.deadlines
      .createQueryBuilder('d')
      .where('d.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.from) qb.andWhere('d.due_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('d.due_at <= :to', { to: filter.to });
    return this.restrict(user, qb).orderBy('d.due_at').take(filter.limit).getMany();
  }

  /** Whether the user may read the deadline's subject (and so the deadline). */
  async canRead(user: User, d: Pick<Deadline, 'subjectType' | 'subjectId'>): Promise<boolean> {
    if (!this.access.knows(d.subjectType)) return false;
    return (await this.access.allowedIds(user, d.subjectType, [d.subjectId], 'read')).has(d.subjectId);
  }

  /**
   * Whether the user may mark the deadline done, exactly as `PATCH /deadlines/:id {status: "done"}`
   * allows it: a member or above who may change its record, or one of its assignees (who often may
   * not change the record itself: a partner's member on a coordinator's opportunity). Viewers never.
   */
  async mayComplete(user: User, d: Pick<Deadline, 'id' | 'subjectType' | 'subjectId'>): Promise<boolean> {
    return (await this.linkActions(user, d)).complete;
  }

  /**
   * What the user may do to the deadline now, by the API's own rules; a reminder's signed links offer and
   * honour exactly this. Read it while they can read its record; acknowledge while they are one of its
   * assignees; mark it done as `mayComplete`; and, for a checklist item's deadline, mark the item done too
   * only where they may change the item.
   */
  async linkActions(user: User, d: Pick<Deadline, 'id' | 'subjectType' | 'subjectId'>): Promise<LinkActions> {
    return (await this.linkActionsAmong([{ user, deadline: d }]))[0];
  }

  /** `linkActions` for many (reader, deadline) pairs, in a few queries whatever their number. */
  async linkActionsAmong(
    pairs: { user: User; deadline: Pick<Deadline, 'id' | 'subjectType' | 'subjectId'> }[],
  ): Promise<LinkActions[]> {
    const key = (userId: string, level: 'read' | 'write', type: string) => `${userId} ${level} ${type}`;
    const wanted = new Map<string, { user: User; level: 'read' | 'write'; type: string; ids: string[] }>();
    for (const { user, deadline: d } of pairs) {
      if (!this.access.knows(d.subjectType)) continue;
      const levels: ('read' | 'write')[] = hasRole(user.role, 'member') ? ['read', 'write'] : ['read'];
      for (const level of levels) {
        const k = key(user.id, level, d.subjectType);
        const entry = wanted.get(k) ?? { user, level, type: d.subjectType, ids: [] };
        entry.ids.push(d.subjectId);
        wanted.set(k, entry);
      }
    }
    const [assignees, checks] = await Promise.all([
      this.assigneesOf([...new Set(pairs.map((p) => p.deadline.id))]),
      Promise.all(
        [...wanted].map(async ([k, w]) => [k, await this.access.allowedIds(w.user, w.type, w.ids, w.level)] as const),
      ),
    ]);
    const allowed = new Map(checks);
    return pairs.map(({ user, deadline: d }) => {
      const may = (level: 'read' | 'write') =>
        allowed.get(key(user.id, level, d.subjectType))?.has(d.subjectId) ?? false;
      if (!may('read')) return { read: false, acknowledge: false, complete: false, completeRecord: false };
      const assignee = assignees.get(d.id)?.includes(user.id) ?? false;
      const changesRecord = may('write');
      return {
        read: true,
        acknowledge: assignee,
        complete: hasRole(user.role, 'member') && (assignee || changesRecord),
        completeRecord: d.subjectType === 'checklistItem' && changesRecord,
      };
    });
  }

  async assigneesOf(deadlineIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(deadlineIds.map((id) => [id, []]));
    if (!deadlineIds.length) return map;
    const rows = await this.assignees
      .createQueryBuilder('a')
      .where('a.deadline_id = ANY(:ids)', { ids: deadlineIds })
      .orderBy('a.user_id')
      .getMany();
    for (const r of rows) map.get(r.deadlineId)?.push(r.userId);
    return map;
  }
}
