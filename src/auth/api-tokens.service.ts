import { BadRequestException, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { ActivityService } from '../activity/activity.service.js';
import { Clock } from '../common/clock.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { ApiToken } from './api-token.entity.js';
import { randomToken, sha256 } from '../common/secrets.js';
import { notFound } from '../common/refusal.js';
import { preparedQuery } from '../database/prepared-query.js';
import { USER_COLUMNS, userFromRow, type UserRow } from '../users/user.row.js';

export const API_TOKEN_PREFIX = 'cjn_';

@Injectable()
export class ApiTokensService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly activity: ActivityService,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    // A new password ends what the old one opened: a leaked token stops working with it.
    this.users.onAccessRevoked(async (manager, userId, change) => {
      if (change.passwordChanged) await this.revokeAllFor(manager, userId);
    });
  }

  private async revokeAllFor(manager: EntityManager, userId: string): Promise<void> {
    await manager.getRepository(ApiToken).update({ userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  async create(user: User, name: string, expiresAt?: Date): Promise<{ token: string; apiToken: ApiToken }> {
    if (expiresAt && expiresAt <= this.clock.now()) throw new BadRequestException('expiresAt must be in the future');
    const token = randomToken(API_TOKEN_PREFIX);
    return this.db.transaction(async (manager) => {
      const saved = await manager.getRepository(ApiToken).save({
        userId: user.id,
        name,
        prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
        tokenHash: sha256(token),
        expiresAt: expiresAt ?? null,
      });
      const { tokenHash: _hidden, ...apiToken } = saved;
      await this.activity.record(manager, {
        actorId: user.id,
        action: 'api_token.created',
        subjectType: 'user',
        subjectId: user.id,
        summary: `Created API token "${name}"`,
        params: { name },
      });
      return { token, apiToken: apiToken as ApiToken };
    });
  }

  list(userId: string): Promise<ApiToken[]> {
    return this.db
      .getRepository(ApiToken)
      .find({ where: { userId, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  async revoke(user: User, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const result = await manager
        .getRepository(ApiToken)
        .update({ id, userId: user.id, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
      if (!result.affected) throw notFound('apiToken', 'API token not found');
      await this.activity.record(manager, {
        actorId: user.id,
        action: 'api_token.revoked',
        subjectType: 'user',
        subjectId: user.id,
        summary: `Revoked an API token`,
        params: {},
        changes: { tokenId: id },
      });
    });
  }

  /** The active user behind a bearer token, or null: one round trip, as it runs on every request. */
  async resolve(token: string): Promise<User | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const now = this.clock.now();
    const [found] = await preparedQuery<UserRow & { token_id: string; last_used_at: Date | null }>(
      this.db,
      `SELECT t.id AS token_id, t.last_used_at, ${USER_COLUMNS}
         FROM api_tokens t JOIN users u ON u.id = t.user_id AND u.status = 'active'
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2)`,
      [sha256(token), now],
    );
    if (!found) return null;
    if (!found.last_used_at || now.getTime() - found.last_used_at.getTime() > 60_000) {
      await this.db.getRepository(ApiToken).update(found.token_id, { lastUsedAt: now });
    }
    return userFromRow(found);
  }
}
