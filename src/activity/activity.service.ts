import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { chunks } from '../common/chunks.js';
import {
  type CountablePageQuery,
  type Page,
  type PageQuery,
  pageWindow,
  toPage,
  toUncountedPage,
} from '../common/pagination.js';
import { Activity } from './activity.entity.js';
import type { ActivityAction, ActivityParams } from '../../shared/activity-actions.js';

/** Sign-ins and a person's changes to their own account: the audit log keeps them, recent activity does not. */
const OWN_ACCOUNT_ACTIONS: ActivityAction[] = [
  'user.updated',
  'user.password_reset',
  'user.unsubscribed',
  'user.telegram_linked',
  'user.telegram_unlinked',
  'api_token.created',
  'api_token.revoked',
];

export interface ActivityEntry {
  actorId: string | null;
  action: ActivityAction;
  subjectType: string;
  subjectId: string;
  /** The English sentence; the same facts must be in `params`. */
  summary: string;
  params: ActivityParams;
  changes?: Record<string, unknown> | null;
}

export interface ActivityFilter {
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  action?: string;
}

/**
 * One way an entry belongs to a record's history besides being about the record itself: its subject is
 * one of `subjectIds` (of `subjectType`), and/or its `changes` hold every value of `changes` (as text).
 */
export interface HistoryMatch {
  subjectType?: string;
  subjectIds?: string[];
  /** Keys are written into the SQL as they are (so an index on `changes->>'opportunityId'` serves): names only. */
  changes?: Record<string, string>;
}

/** Field-by-field `{ field: [before, after] }` of what a patch really changed. */
export function diffFields<T extends object>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const a = before[key];
    const b = after[key];
    if (b !== undefined && JSON.stringify(a) !== JSON.stringify(b)) changes[String(key)] = [a ?? null, b];
  }
  return changes;
}

@Injectable()
export class ActivityService {
  constructor(@InjectRepository(Activity) private readonly activities: Repository<Activity>) {}

  /** Writes in the caller's transaction, so the record and its activity commit together. */
  record(manager: EntityManager, entry: ActivityEntry): Promise<void> {
    return this.recordMany(manager, [entry]);
  }

  /** `record` for many entries: one multi-row insert per thousand. */
  async recordMany(manager: EntityManager, entries: ActivityEntry[]): Promise<void> {
    for (const chunk of chunks(entries, 1000))
      await manager
        .getRepository(Activity)
        .insert(
          chunk.map((e) => ({ ...e, params: e.params as object, changes: (e.changes ?? null) as object | null })),
        );
  }

  async list(filter: ActivityFilter, query: PageQuery): Promise<Page<Activity>> {
    const window = pageWindow(query);
    const where = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    const [items, total] = await this.activities.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      take: window.limit,
      skip: window.offset,
    });
    return toPage(items, total, window);
  }

  /**
   * A record's history, newest first: the entries about it (`subjectType`, `id`) and those `related` names.
   * The caller has checked that the reader may see the record.
   */
  async historyOf(
    record: { subjectType: string; id: string },
    related: HistoryMatch[],
    query: PageQuery,
  ): Promise<Page<Activity>> {
    const window = pageWindow(query);
    const params: Record<string, unknown> = {};
    const matches = [{ subjectType: record.subjectType, subjectIds: [record.id] }, ...related];
    const clauses = matches.flatMap((match, i) => {
      if (match.subjectIds && !match.subjectIds.length) return [];
      const terms: string[] = [];
      if (match.subjectType) {
        terms.push(`a.subject_type = :type${i}`);
        params[`type${i}`] = match.subjectType;
      }
      if (match.subjectIds) {
        terms.push(`a.subject_id IN (:...ids${i})`);
        params[`ids${i}`] = match.subjectIds;
      }
      Object.entries(match.changes ?? {}).forEach(([key, value], j) => {
        if (!/^[A-Za-z]+$/.test(key)) throw new Error(`Not a name of a change: ${key}`);
        terms.push(`a.changes->>'${key}' = :value${i}_${j}`);
        params[`value${i}_${j}`] = value;
      });
      return [`(${terms.join(' AND ')})`];
    });
    const [items, total] = await this.activities
      .createQueryBuilder('a')
      .where(`(${clauses.join(' OR ')})`, params)
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(window.limit)
      .skip(window.offset)
      .getManyAndCount();
    return toPage(items, total, window);
  }

  /** What others did to the network's records, newest first: no sign-ins, no one's edits of their own account. */
  async recent(query: CountablePageQuery): Promise<Page<Activity> | Omit<Page<Activity>, 'total'>> {
    const window = pageWindow(query);
    const recent = () =>
      this.activities
        .createQueryBuilder('a')
        .where(`a.action <> 'user.signed_in'`)
        .andWhere(
          `NOT (a.subject_type = 'user' AND a.actor_id IS NOT DISTINCT FROM a.subject_id AND a.action IN (:...own))`,
          { own: OWN_ACCOUNT_ACTIONS },
        );
    const newestFirst = (take: number) =>
      recent().orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').take(take).skip(window.offset).getMany();
    if (query.count === 'false') return toUncountedPage(await newestFirst(window.limit + 1), window);
    const [items, total] = await Promise.all([newestFirst(window.limit), recent().getCount()]);
    return toPage(items, total, window);
  }
}
