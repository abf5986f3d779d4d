import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';
import type { User } from '../users/user.entity.js';
import { SectionsService } from './sections.service.js';
import { findSection, userNames } from './submissions.repository.js';

/** How long a presence lasts without a heartbeat; the editor beats every 15 s. */
export const PRESENCE_TTL_MS = 45_000;

export interface PresenceView {
  user: { id: string; name: string };
  expiresAt: Date;
}

/**
 * Who has a section open in the editor: a hint shown to the others ("being edited by …"), never a lock —
 * the version check on save stays the guarantee. Kept in Redis only, one sorted set per section scored by
 * expiry, so a closed tab or a lost connection drops out by itself.
 */
@Injectable()
export class PresenceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly sections: SectionsService,
  ) {}

  /** Records that `user` has the section open and returns the others who have it open. */
  async beat(user: User, submissionId: string, sectionId: string): Promise<PresenceView[]> {
    // Only those who may write the section appear as editing it; readers may still ask who is there.
    await this.sections.requireTextWriter(user, submissionId, sectionId);
    const now = this.clock.now().getTime();
    const key = this.key(sectionId);
    await this.redis
      .multi()
      .zadd(key, now + PRESENCE_TTL_MS, user.id)
      .pexpire(key, PRESENCE_TTL_MS)
      .exec();
    return this.others(user, sectionId, now);
  }

  async list(user: User, submissionId: string, sectionId: string): Promise<PresenceView[]> {
    await this.check(user, submissionId, sectionId);
    return this.others(user, sectionId, this.clock.now().getTime());
  }

  async leave(user: User, submissionId: string, sectionId: string): Promise<void> {
    await this.check(user, submissionId, sectionId);
    await this.redis.zrem(this.key(sectionId), user.id);
  }

  private async others(user: User, sectionId: string, now: number): Promise<PresenceView[]> {
    const key = this.key(sectionId);
    await this.redis.zremrangebyscore(key, '-inf', now);
    const entries = await this.redis.zrange(key, 0, -1, 'WITHSCORES');
    const present: { id: string; expiresAt: number }[] = [];
    for (let i = 0; i < entries.length; i += 2) {
      if (entries[i] !== user.id) present.push({ id: entries[i], expiresAt: Number(entries[i + 1]) });
    }
    const names = await userNames(
      this.db.manager,
      present.map((p) => p.id),
    );
    return present
      .filter((p) => names.has(p.id))
      .map((p) => ({ user: { id: p.id, name: names.get(p.id)! }, expiresAt: new Date(p.expiresAt) }));
  }

  private async check(user: User, submissionId: string, sectionId: string): Promise<void> {
    await this.access.requireAccess(user, 'submission', submissionId, 'read');
    await findSection(this.db.manager, submissionId, sectionId);
  }

  private key(sectionId: string): string {
    return `${this.config.queuePrefix}:presence:section:${sectionId}`;
  }
}
