import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, In, type SelectQueryBuilder, Repository } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { Clock } from '../common/clock.js';
import { type Page, type PageQuery, pageWindow, toPage } from '../common/pagination.js';
import { type Language, languageOf } from '../i18n/translate.js';
import { User } from '../users/user.entity.js';
import { Notification } from './notification.entity.js';
import type { NoticeKind, NoticeParams } from '../../shared/notice-kinds.js';
import { notFound } from '../common/refusal.js';
import { chunks } from '../common/chunks.js';

/** Text in one language, or written for each reader in their profile's language. */
export type NoticeText = string | ((language: Language) => string);

export interface NewNotification {
  kind: NoticeKind;
  params: NoticeParams;
  title: NoticeText;
  body?: NoticeText;
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
    private readonly access: AccessService,
  ) {}

  /** One inbox entry per user, written in the caller's transaction. */
  async notify(manager: EntityManager, userIds: string[], entry: NewNotification): Promise<Notification[]> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return [];
    const repo = manager.getRepository(Notification);
    const rows = await this.rows(
      manager,
      unique.map((userId) => ({ userId, entry })),
    );
    return repo.save(rows.map((r) => repo.create(r)));
  }

  /** Many entries, each to its own reader, in one statement per thousand; returns their ids in order. */
  async notifyEach(manager: EntityManager, entries: { userId: string; entry: NewNotification }[]): Promise<string[]> {
    const ids: string[] = [];
    for (const part of chunks(await this.rows(manager, entries), 1000)) {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(Notification)
        .values(part)
        .returning('id')
        .execute();
      ids.push(...inserted.identifiers.map((i) => (i as { id: string }).id));
    }
    return ids;
  }

  private async rows(manager: EntityManager, entries: { userId: string; entry: NewNotification }[]) {
    const perReader = entries.filter(
      ({ entry }) => typeof entry.title === 'function' || typeof entry.body === 'function',
    );
    const languages = perReader.length
      ? new Map(
          (
            await manager.getRepository(User).find({
              select: { id: true, language: true },
              where: { id: In([...new Set(perReader.map((e) => e.userId))]) },
            })
          ).map((u) => [u.id, languageOf(u.language)]),
        )
      : new Map<string, Language>();
    const text = (value: NoticeText | undefined, userId: string) =>
      typeof value === 'function' ? value(languages.get(userId) ?? 'en') : (value ?? '');
    return entries.map(({ userId, entry }) => ({
      userId,
      kind: entry.kind,
      params: entry.params,
      title: text(entry.title, userId),
      body: text(entry.body, userId),
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      url: entry.url ?? null,
    }));
  }

  /** One inbox entry for one user, on its own (not inside another change). */
  async notifyNow(userId: string, entry: NewNotification): Promise<Notification> {
    const [created] = await this.notify(this.notifications.manager, [userId], entry);
    return created;
  }

  /** Unread first, then newest first; only notices about records the reader may still see. */
  async list(
    user: User,
    query: PageQuery & { unread?: 'true' | 'false' },
  ): Promise<Page<Notification> & { unread: number }> {
    const window = pageWindow(query);
    const qb = await this.readable(user);
    const unreadOnly = qb.clone().andWhere('n.read_at IS NULL');
    const listed = query.unread === 'true' ? unreadOnly.clone() : qb;
    const [unread, items, total] = await Promise.all([
      unreadOnly.getCount(),
      listed
        .clone()
        .orderBy('(n.read_at IS NULL)', 'DESC')
        .addOrderBy('n.created_at', 'DESC')
        .addOrderBy('n.id', 'DESC')
        .limit(window.limit) // the join matches at most one deadline: no row multiplication to page around
        .offset(window.offset)
        .getMany(),
      listed.getCount(),
    ]);
    return { ...toPage(items, total, window), unread };
  }

  async markRead(user: User, id: string): Promise<Notification> {
    const found = await (await this.readable(user)).andWhere('n.id = :id', { id }).getOne();
    if (!found) throw notFound('notification', 'Notification not found');
    if (!found.readAt) {
      found.readAt = this.clock.now();
      await this.notifications.update({ id, userId: user.id }, { readAt: found.readAt });
    }
    return found;
  }

  async markAllRead(user: User): Promise<{ updated: number }> {
    const ids = (await (await this.readable(user)).andWhere('n.read_at IS NULL').select('n.id').getMany()).map(
      (n) => n.id,
    );
    if (!ids.length) return { updated: 0 };
    const result = await this.notifications
      .createQueryBuilder()
      .update()
      .set({ readAt: this.clock.now() })
      .where('id = ANY(:ids) AND read_at IS NULL', { ids })
      .execute();
    return { updated: result.affected ?? 0 };
  }

  /**
   * The user's notices that they may still read: a notice about a record (or about a deadline, through its
   * record) is kept only while the record is visible to them, so a declined or removed partner's inbox no
   * longer names what it can no longer open. Notices about no record, or a kind of record no module
   * serves, stay.
   */
  private async readable(user: User): Promise<SelectQueryBuilder<Notification>> {
    const qb = this.notifications
      .createQueryBuilder('n')
      .leftJoin('deadlines', 'd', "n.subject_type = 'deadline' AND d.id = n.subject_id")
      .where('n.user_id = :userId', { userId: user.id });
    const subjects: { type: string; id: string }[] = await qb
      .clone()
      .select('DISTINCT coalesce(d.subject_type, n.subject_type)', 'type')
      .addSelect('coalesce(d.subject_id, n.subject_id)', 'id')
      .andWhere('n.subject_id IS NOT NULL')
      .getRawMany();
    const readable = await this.access.readableByType(user, subjects);
    const hidden = subjects
      .filter((s) => {
        const visible = readable.get(s.type);
        // A kind no module serves stays, except a deadline's notice whose deadline itself is gone.
        return visible ? !visible.has(s.id) : s.type === 'deadline';
      })
      .map((s) => `${s.type}:${s.id}`);
    if (hidden.length) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('n.subject_id IS NULL')
            .orWhere(
              "coalesce(d.subject_type, n.subject_type) || ':' || coalesce(d.subject_id, n.subject_id) <> ALL(:hidden)",
              { hidden },
            ),
        ),
      );
    }
    return qb;
  }
}
