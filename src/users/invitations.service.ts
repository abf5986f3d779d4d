import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, MoreThan } from 'typeorm';
import { ActivityService } from '../activity/activity.service.js';
import { hashPassword } from './passwords.js';
import { randomToken, sha256 } from '../common/secrets.js';
import { AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { QUEUES } from '../queue/queues.js';
import { User } from './user.entity.js';
import { Refusal } from '../common/refusal.js';
import { PasswordRules } from './password-rules.service.js';

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export interface InvitationOutcome {
  /** `email`: queued for sending; `link`: no SMTP configured, hand the link over yourself. */
  delivery: 'email' | 'link';
  url?: string;
}

@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.invitations) private readonly queue: Queue,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly activity: ActivityService,
    private readonly passwordRules: PasswordRules,
  ) {}

  async invite(user: User): Promise<InvitationOutcome> {
    if (this.config.emailEnabled) {
      await this.queue.add(
        'invitation',
        { userId: user.id },
        { jobId: `invitation-${user.id}-${this.clock.now().getTime()}` },
      );
      return { delivery: 'email' };
    }
    return { delivery: 'link', url: await this.issueLink(user.id) };
  }

  /** A fresh link; any earlier one stops working. */
  async issueLink(userId: string): Promise<string> {
    const token = randomToken();
    await this.db.getRepository(User).update(userId, {
      invitationTokenHash: sha256(token),
      invitationExpiresAt: new Date(this.clock.now().getTime() + INVITATION_TTL_MS),
    });
    return this.config.link(`/invitation?token=${encodeURIComponent(token)}`);
  }

  async accept(token: string, password: string): Promise<User> {
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const user = await repo.findOne({
        where: {
          invitationTokenHash: sha256(token),
          status: 'invited',
          invitationExpiresAt: MoreThan(this.clock.now()),
        },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user)
        throw new Refusal(
          400,
          'invitation_invalid',
          'This invitation link is invalid or has expired; ask an admin for a new one',
        );
      await this.passwordRules.check('password', password, user);
      await repo.update(user.id, {
        passwordHash: await hashPassword(password),
        status: 'active',
        invitationTokenHash: null,
        invitationExpiresAt: null,
      });
      await this.activity.record(manager, {
        actorId: user.id,
        action: 'user.invitation_accepted',
        subjectType: 'user',
        subjectId: user.id,
        summary: `${user.name} accepted their invitation`,
        params: { name: user.name },
      });
      return { ...user, status: 'active' };
    });
  }
}
