import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { chunks } from '../common/chunks.js';
import { type Page, type PageQuery, pageWindow, toPage } from '../common/pagination.js';
import { Activity } from './activity.entity.js';

export interface ActivityEntry {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  summary: string;
  changes?: Record<string, unknown> | null;
}

export interface ActivityFilter {
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  action?: string;
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
        .insert(chunk.map((e) => ({ ...e, changes: (e.changes ?? null) as object | null })));
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
}
