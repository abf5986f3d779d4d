import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type SelectQueryBuilder, Repository } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import type { User } from '../users/user.entity.js';
import { Deadline, DeadlineAssignee } from './deadline.entity.js';
import type { DeadlineStatus } from './deadline-status.js';

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

  /** Adds the visibility condition to `qb` (alias `d`); false when nothing can be visible. */
  async restrict(user: User, qb: SelectQueryBuilder<Deadline>): Promise<boolean> {
    const subjects: { type: string; id: string }[] = await qb
      .clone()
      .select('DISTINCT d.subject_type', 'type')
      .addSelect('d.subject_id', 'id')
      .orderBy()
      .offset(undefined)
      .limit(undefined)
      .skip(undefined)
      .take(undefined)
      .getRawMany();
    // A record type no module serves any more is nobody's to see.
    const allowed = [...(await this.access.readableByType(user, subjects))]
      .filter(([, visible]) => visible.size)
      .map(([type, visible]): [string, string[]] => [type, [...visible]]);
    if (!allowed.length) return false;
    qb.andWhere(
      new Brackets((or) => {
        allowed.forEach(([type, ids], i) => {
          or.orWhere(`(d.subject_type = :vt${i} AND d.subject_id = ANY(:vi${i}))`, {
            [`vt${i}`]: type,
            [`vi${i}`]: ids,
          });
        });
      }),
    );
    return true;
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
    if (!(await this.restrict(user, qb))) return [];
    return qb.orderBy('d.due_at').take(filter.limit).getMany();
  }

  /** Whether the user may read the deadline's subject (and so the deadline). */
  async canRead(user: User, d: Pick<Deadline, 'subjectType' | 'subjectId'>): Promise<boolean> {
    if (!this.access.knows(d.subjectType)) return false;
    return (await this.access.allowedIds(user, d.subjectType, [d.subjectId], 'read')).has(d.subjectId);
  }

  /**
   * Whether the user may mark the deadline done (and use its signed "done" link): whoever may change
   * its record, and its assignees, who often may not change the record itself (a partner's member on
   * a coordinator's opportunity).
   */
  async mayComplete(user: User, d: Pick<Deadline, 'id' | 'subjectType' | 'subjectId'>): Promise<boolean> {
    if (!(await this.canRead(user, d))) return false;
    if (await this.isAssignee(user.id, d.id)) return true;
    return (await this.access.allowedIds(user, d.subjectType, [d.subjectId], 'write')).has(d.subjectId);
  }

  isAssignee(userId: string, deadlineId: string): Promise<boolean> {
    return this.assignees.exists({ where: { deadlineId, userId } });
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
