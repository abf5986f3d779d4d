import { BadRequestException, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, Repository } from 'typeorm';
import { AccessService, type SubjectInfo } from '../access/access.service.js';
import { hmac, safeEqual } from '../auth/hmac.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { DeadlineVisibility } from '../deadlines/deadline-visibility.service.js';
import { t } from '../i18n/translate.js';
import type { User } from '../users/user.entity.js';
import { UserDirectory } from '../users/user-directory.service.js';
import { UsersService } from '../users/users.service.js';
import { CalendarFeed } from './calendar-feed.entity.js';
import { buildCalendar, type FeedEntry } from './ics.js';
import { notFound } from '../common/refusal.js';

/** Records that can have a feed of their own (their deadlines and their children's). */
export const FEED_SCOPES = ['opportunity', 'submission'] as const;
const HISTORY_MS = 180 * 24 * 3600 * 1000;
const MAX_EVENTS = 2000;

/**
 * iCalendar feeds by secret URL. The token is `<feed id>.<HMAC(SESSION_SECRET, id, generation)>`:
 * nothing secret is stored, the same URL is shown each time, and regenerating
 * (generation + 1) revokes the old one. Regenerating any feed, and any new password, revokes every
 * feed of the user, those of single records included. A feed shows what its user can see at fetch time.
 */
@Injectable()
export class CalendarService implements OnModuleInit {
  constructor(
    @InjectRepository(CalendarFeed) private readonly feeds: Repository<CalendarFeed>,
    private readonly visibility: DeadlineVisibility,
    private readonly access: AccessService,
    private readonly users: UserDirectory,
    private readonly accounts: UsersService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // A new password (changed, reset, or set by an admin) ends what the old one opened, feeds included.
    this.accounts.onAccessRevoked(async (manager, userId, change) => {
      if (change.passwordChanged) await this.revokeAllFor(userId, manager);
    });
  }

  /** Every feed URL of the user stops working; asking for one again hands out a new URL. */
  private async revokeAllFor(userId: string, manager: EntityManager = this.feeds.manager): Promise<void> {
    await manager.getRepository(CalendarFeed).increment({ userId }, 'generation', 1);
  }

  async feedUrl(user: User, scope: { subjectType?: string; subjectId?: string }, regenerate = false) {
    const scopeType = scope.subjectType ?? 'all';
    const scopeId = scope.subjectId ?? null;
    if ((scopeType === 'all') !== (scopeId === null))
      throw new BadRequestException('Give both subjectType and subjectId, or neither');
    if (scopeId) await this.access.requireAccess(user, scopeType, scopeId, 'read');
    const repo = this.feeds;
    // (user, scope) is unique (an index on coalesce(scope_id, …)): a second request adds nothing.
    await repo
      .createQueryBuilder()
      .insert()
      .values({ userId: user.id, scopeType, scopeId })
      .orIgnore()
      .updateEntity(false)
      .execute();
    let feed = await repo.findOneByOrFail({ userId: user.id, scopeType, scopeId: scopeId ?? IsNull() });
    if (regenerate) {
      // Whoever has one leaked URL may have the others: regenerating ends every feed of the user.
      await this.revokeAllFor(user.id);
      feed = await repo.findOneByOrFail({ id: feed.id });
    }
    const url = this.config.link(`/api/v1/calendar/${this.token(feed)}.ics`);
    return {
      url,
      webcalUrl: url.replace(/^https?:/, 'webcal:'),
      scope: { subjectType: scopeType, subjectId: scopeId },
    };
  }

  /** The ICS text for a feed token; 404 for an unknown, revoked or disabled one. */
  async render(token: string): Promise<string> {
    const feed = await this.resolve(token);
    if (!feed) throw notFound('calendarFeed', 'Calendar feed not found');
    const user = await this.users.findActive(feed.userId);
    if (!user) throw notFound('calendarFeed', 'Calendar feed not found');
    const now = this.clock.now();
    await this.feeds.update(feed.id, { lastFetchedAt: now });
    let entries = await this.entries(user, now);
    let name = t(user.language, 'calendar.name');
    if (feed.scopeType !== 'all' && feed.scopeId) {
      const visible =
        this.access.knows(feed.scopeType) &&
        (await this.access.allowedIds(user, feed.scopeType, [feed.scopeId], 'read')).has(feed.scopeId);
      const scope = visible
        ? (await this.access.describe(feed.scopeType, [feed.scopeId])).get(feed.scopeId)
        : undefined;
      entries = scope ? entries.filter((e) => e.within(scope)) : [];
      name = scope
        ? t(user.language, 'calendar.scopedName', { title: scope.title })
        : t(user.language, 'calendar.name');
    }
    return buildCalendar(name, entries, user.timeZone, now, user.language);
  }

  private async entries(user: User, now: Date): Promise<(FeedEntry & { within: (scope: SubjectInfo) => boolean })[]> {
    const deadlines = await this.visibility.visible(user, {
      statuses: ['open', 'done', 'missed'],
      from: new Date(now.getTime() - HISTORY_MS),
      limit: MAX_EVENTS,
    });
    const subjects = await this.access.describeEach(deadlines.map((d) => ({ type: d.subjectType, id: d.subjectId })));
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
          subjectType: d.subjectType,
          subjectLabel: this.access.label(d.subjectType),
          subjectTitle: s.title,
          url: this.config.link(s.path),
          // A record's feed holds its own deadlines and those of what sits under it (partners, checklist, sections).
          within: (scope: SubjectInfo) =>
            (d.subjectType === scope.type && d.subjectId === scope.id) || s.path.startsWith(`${scope.path}/`),
        },
      ];
    });
  }

  private token(feed: CalendarFeed): string {
    return `${feed.id}.${this.mac(feed)}`;
  }

  private mac(feed: CalendarFeed): string {
    return hmac(this.config.sessionSecret, 'calendar', `${feed.id}:${feed.generation}`)
      .toString('base64url')
      .slice(0, 32);
  }

  private async resolve(token: string): Promise<CalendarFeed | null> {
    const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{32})$/.exec(token);
    if (!match) return null;
    const feed = await this.feeds.findOneBy({ id: match[1] });
    if (!feed) return null;
    return safeEqual(match[2], this.mac(feed)) ? feed : null;
  }
}
