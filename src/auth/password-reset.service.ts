import { BadRequestException, GoneException, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { QUEUES } from '../queue/queues.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { checkResetToken, passwordFingerprint, signResetToken } from './password-reset-links.js';
import { PasswordResetLimiter } from './password-reset-limiter.js';

export interface PasswordResetJob {
  userId: string;
}

const refusal = (code: string, message: string) => ({ message, details: { code } });
const INVALID = refusal('passwordReset.invalid', 'This password-reset link is not valid; ask for a new one');
const EXPIRED = refusal('passwordReset.expired', 'This password-reset link has expired; ask for a new one');
const USED = refusal(
  'passwordReset.used',
  'This password-reset link has already been used; sign in, or ask for a new link',
);

/**
 * Forgotten passwords: a request e-mails a signed link (to known, active accounts only, and always
 * answers the same), and the link sets a new password once.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectQueue(QUEUES.passwordResets) private readonly queue: Queue<PasswordResetJob>,
    private readonly users: UsersService,
    private readonly limiter: PasswordResetLimiter,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Queues the e-mail when the address is an active account's. Nothing for an invited one: a fresh
   * invitation would void the link an admin already sent, and only an admin re-issues invitations.
   */
  async request(email: string, ip: string): Promise<void> {
    await this.limiter.consume(ip, email);
    if (!this.config.emailEnabled) return;
    const user = await this.users.findForSignIn(email);
    if (!user) return;
    if (user.status === 'active') {
      await this.queue.add(
        'password-reset',
        { userId: user.id },
        { jobId: `password-reset-${user.id}-${this.clock.now().getTime()}` },
      );
    }
  }

  /** The link to e-mail to `user` (an active account with a password), valid for an hour. */
  link(user: User & { passwordHash: string }): string {
    const secret = this.config.sessionSecret;
    const token = signResetToken(
      secret,
      user.id,
      passwordFingerprint(secret, user.id, user.passwordHash),
      this.clock.now(),
    );
    return this.config.link(`/reset-password?token=${encodeURIComponent(token)}`);
  }

  async confirm(token: string, password: string): Promise<User> {
    const secret = this.config.sessionSecret;
    const checked = checkResetToken(secret, token, this.clock.now());
    if (checked.outcome === 'invalid') throw new BadRequestException(INVALID);
    if (checked.outcome === 'expired') throw new GoneException(EXPIRED);
    return this.users.resetPassword(checked.userId, password, (user) => {
      if (user.status !== 'active' || !user.passwordHash) throw new BadRequestException(INVALID);
      if (passwordFingerprint(secret, user.id, user.passwordHash) !== checked.fingerprint)
        throw new GoneException(USED);
    });
  }
}
