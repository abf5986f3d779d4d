import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AccessService, type SubjectInfo } from '../access/access.service.js';
import { hmac, safeEqual } from '../auth/hmac.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { Deadline } from '../deadlines/deadline.entity.js';
import { DeadlineVisibility } from '../deadlines/deadline-visibility.service.js';
import { User } from '../users/user.entity.js';
import { CalendarFeed } from './calendar-feed.entity.js';
import { buildCalendar, type FeedEntry } from './ics.js';

/** Records that can have a feed of their own (their deadlines and their children's). */
export const FEED_SCOPES = ['opportunity', 'submission'] as const;
const HISTORY_MS = 180 * 24 * 3600 * 1000;
const MAX_EVENTS = 2000;

/**
 * iCalendar feeds by secret URL. The token is `<feed id>.<HMAC(SESSION_SECRET, id, generation)>`:
 * nothing secret is stored, the same URL is shown each time, and regenerating
 * (generation + 1) revokes the old one. A feed shows what its user can see at fetch time.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly visibility: DeadlineVisibility,
    private readonly access: AccessService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async feedUrl(user: User, scope: { subjectType?: string; subjectId?: string }, regenerate = false) {
    const scopeType = scope.subjectType ?? 'all';
    const scopeId = scope.subjectId ?? null;
    if ((scopeType === 'all') !== (scopeId === null)) throw new BadRequestException('Give both subjectType and subjectId, or neither');
    if (scopeId) await this.access.requireAccess(user, scopeType, scopeId, 'read');
    const repo = this.db.getRepository(CalendarFeed);
    await this.db.query(
      `INSERT INTO calendar_feeds (user_id, scope_type, scope_id) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, scope_type, coalesce(scope_id, '00000000-0000-0000-0000-000000000000')) DO NOTHING`,
      [user.id, scopeType, scopeId],
    );
    let feed = await repo.findOneByOrFail({ userId: user.id, scopeType, scopeId: scopeId ?? IsNull() });
    if (regenerate) {
      await repo.increment({ id: feed.id }, 'generation', 1);
      feed = await repo.findOneByOrFail({ id: feed.id });
    }
    const url = this.config.link(`/api/v1/calendar/${this.token(feed)}.ics`);
    return { url, webcalUrl: url.replace(/^https?:/, 'webcal:'), scope: { subjectType: scopeType, subjectId: scopeId } };
  }

  /** The ICS text for a feed token; 404 for an unknown, revoked or disabled one. */
  async render(token: string): Promise<string> {
    const feed = await this.resolve(token);
    if (!feed) throw new NotFoundException('Calendar feed not found');
    const user = await this.db.getRepository(User).findOneBy({ id: feed.userId, status: 'active' });
    if (!user) throw new NotFoundException('Calendar feed not found');
    const now = this.clock.now();
    await this.db.getRepository(CalendarFeed).update(feed.id, { lastFetchedAt: now });
    let entries = await this.entries(user, now);
    let name = 'CJN deadlines';
    if (feed.scopeType !== 'all' && feed.scopeId) {
      const visible = this.access.knows(feed.scopeType) && (await this.access.allowedIds(user, feed.scopeType, [feed.scopeId], 'read')).has(feed.scopeId);
      const scope = visible ? (await this.access.describe(feed.scopeType, [feed.scopeId])).get(feed.scopeId) : undefined;
      entries = scope ? entries.filter((e) => e.within(scope)) : [];
      name = scope ? `CJN: ${scope.title}` : 'CJN deadlines';
    }
    return buildCalendar(name, entries, user.timeZone, now);
  }

  private async entries(user: User, now: Date): Promise<(FeedEntry & { within: (scope: SubjectInfo) => boolean })[]> {
    const qb = this.db
      .getRepository(Deadline)
      .createQueryBuilder('d')
      .where("d.status <> 'cancelled'")
      .andWhere('d.due_at >= :since', { since: new Date(now.getTime() - HISTORY_MS) });
    if (!(await this.visibility.restrict(user, qb))) return [];
    const deadlines = await qb.orderBy('d.due_at').take(MAX_EVENTS).getMany();
    const subjects = new Map<string, SubjectInfo>();
    const byType = new Map<string, string[]>();
    for (const d of deadlines) byType.set(d.subjectType, [...(byType.get(d.subjectType) ?? []), d.subjectId]);
    for (const [type, ids] of byType) for (const [id, info] of await this.access.describe(type, ids)) subjects.set(`${type}:${id}`, info);
    return deadlines.flatMap((d) => {
      const s = subjects.get(`${d.subjectType}:${d.subjectId}`);
      if (!s) return [];
      return [
        {
          id: d.id,
          title: d.title,
          kind: d.kind,
          status: d.status,
          dueAt: d.dueAt,
          dueDate: d.dueDate,
          timeZone: d.timeZone,
          reminderOffsets: d.reminderOffsets,
          subjectLabel: this.access.label(d.subjectType),
          subjectTitle: s.title,
          url: this.config.link(s.path),
          // A record's feed holds its own deadlines and those of what sits under it (partners, checklist, sections).
          within: (scope: SubjectInfo) => (d.subjectType === scope.type && d.subjectId === scope.id) || s.path.startsWith(`${scope.path}/`),
        },
      ];
    });
  }

  private token(feed: CalendarFeed): string {
    return `${feed.id}.${this.mac(feed)}`;
  }

  private mac(feed: CalendarFeed): string {
    return hmac(this.config.sessionSecret, 'calendar', `${feed.id}:${feed.generation}`).toString('base64url').slice(0, 32);
  }

  private async resolve(token: string): Promise<CalendarFeed | null> {
    const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{32})$/.exec(token);
    if (!match) return null;
    const feed = await this.db.getRepository(CalendarFeed).findOneBy({ id: match[1] });
    if (!feed) return null;
    return safeEqual(match[2], this.mac(feed)) ? feed : null;
  }
}
