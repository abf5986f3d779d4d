import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan, Not } from 'typeorm';
import { Clock } from '../common/clock.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { randomToken, sha256 } from '../common/secrets.js';
import { Session } from './session.entity.js';

export const SESSION_COOKIE = 'cjn_session';
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
/** Only refresh last_seen/expiry once in a while, not on every request. */
const TOUCH_AFTER_MS = 60 * 1000;

@Injectable()
export class SessionsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    // A changed role, a disabled account or a reset password applies to every open session at once.
    this.users.onAccessRevoked((manager, userId, change) => this.deleteAllFor(userId, manager, change.keepSessionId));
  }

  async create(
    userId: string,
    meta: { ip?: string; userAgent?: string },
  ): Promise<{ token: string; session: Session }> {
    const token = randomToken();
    const now = this.clock.now();
    const session = await this.db.getRepository(Session).save({
      userId,
      tokenHash: sha256(token),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      lastSeenAt: now,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return { token, session };
  }

  /** The active user behind a session token, or null. Sliding expiry. */
  async resolve(token: string): Promise<{ user: User; sessionId: string } | null> {
    const now = this.clock.now();
    const session = await this.db
      .getRepository(Session)
      .findOneBy({ tokenHash: sha256(token), expiresAt: MoreThan(now) });
    if (!session) return null;
    const user = await this.users.findActive(session.userId);
    if (!user) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      await this.db
        .getRepository(Session)
        .update(session.id, { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) });
    }
    return { user, sessionId: session.id };
  }

  async delete(sessionId: string): Promise<void> {
    await this.db.getRepository(Session).delete(sessionId);
  }

  async deleteAllFor(userId: string, manager = this.db.manager, exceptSessionId?: string): Promise<void> {
    await manager.getRepository(Session).delete(exceptSessionId ? { userId, id: Not(exceptSessionId) } : { userId });
  }
}
