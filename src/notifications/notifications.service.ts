import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { type Page, type PageQuery, pageWindow, toPage } from '../common/pagination.js';
import { Notification } from './notification.entity.js';

export interface NewNotification {
  kind: string;
  title: string;
  body?: string;
  subjectType?: string | null;
  subjectId?: string | null;
  /** Path in the web app, e.g. `/opportunities/<id>`. */
  url?: string | null;
}

/** The in-app inbox: other modules add entries (in their transaction), users read and clear them. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly clock: Clock,
  ) {}

  /** One inbox entry per user, written in the caller's transaction. */
  async notify(manager: EntityManager, userIds: string[], entry: NewNotification): Promise<Notification[]> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return [];
    const rows = unique.map((userId) => ({
      userId,
      kind: entry.kind,
      title: entry.title,
      body: entry.body ?? '',
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      url: entry.url ?? null,
    }));
    const repo = manager.getRepository(Notification);
    return repo.save(rows.map((r) => repo.create(r)));
  }

  /** One inbox entry for one user, on its own (not inside another change). */
  async notifyNow(userId: string, entry: NewNotification): Promise<Notification> {
    const [created] = await this.notify(this.notifications.manager, [userId], entry);
    return created;
  }

  /** Unread first, then newest first. */
  async list(
    userId: string,
    query: PageQuery & { unread?: 'true' | 'false' },
  ): Promise<Page<Notification> & { unread: number }> {
    const window = pageWindow(query);
    const qb = this.notifications.createQueryBuilder('n').where('n.user_id = :userId', { userId });
    if (query.unread === 'true') qb.andWhere('n.read_at IS NULL');
    const [items, total] = await qb
      .orderBy('(n.read_at IS NULL)', 'DESC')
      .addOrderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(window.limit)
      .skip(window.offset)
      .getManyAndCount();
    const unread = await this.notifications.countBy({ userId, readAt: IsNull() });
    return { ...toPage(items, total, window), unread };
  }

  async markRead(userId: string, id: string): Promise<Notification> {
    const repo = this.notifications;
    const found = await repo.findOneBy({ id, userId });
    if (!found) throw new NotFoundException('Notification not found');
    if (!found.readAt) {
      found.readAt = this.clock.now();
      await repo.update({ id, userId }, { readAt: found.readAt });
    }
    return found;
  }

  async markAllRead(userId: string): Promise<{ updated: number }> {
    const result = await this.notifications.update({ userId, readAt: IsNull() }, { readAt: this.clock.now() });
    return { updated: result.affected ?? 0 };
  }
}
