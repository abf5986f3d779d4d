import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not } from 'typeorm';
import { Clock } from '../common/clock.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { randomToken, sha256 } from '../common/secrets.js';
import { Session } from './session.entity.js';
import { preparedQuery } from '../database/prepared-query.js';
import { USER_COLUMNS, userFromRow, type UserRow } from '../users/user.row.js';

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

  /** The active user behind a session token, or null: one round trip, as it runs on every request. Sliding expiry. */
  async resolve(token: string): Promise<{ user: User; sessionId: string } | null> {
    const now = this.clock.now();
    const [found] = await preparedQuery<UserRow & { session_id: string; last_seen_at: Date }>(
      this.db,
      `SELECT s.id AS session_id, s.last_seen_at, ${USER_COLUMNS}
         FROM sessions s JOIN users u ON u.id = s.user_id AND u.status = 'active'
        WHERE s.token_hash = $1 AND s.expires_at > $2`,
      [sha256(token), now],
    );
    if (!found) return null;
    if (now.getTime() - found.last_seen_at.getTime() > TOUCH_AFTER_MS) {
      await this.db
        .getRepository(Session)
        .update(found.session_id, { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) });
    }
    return { user: userFromRow(found), sessionId: found.session_id };
  }

  async delete(sessionId: string): Promise<void> {
    await this.db.getRepository(Session).delete(sessionId);
  }

  async deleteAllFor(userId: string, manager = this.db.manager, exceptSessionId?: string): Promise<void> {
    await manager.getRepository(Session).delete(exceptSessionId ? { userId, id: Not(exceptSessionId) } : { userId });
  }
}
