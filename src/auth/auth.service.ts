import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActivityService } from '../activity/activity.service.js';
import { Clock } from '../common/clock.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { LoginLimiter } from './login-limiter.js';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../users/passwords.js';
import { SessionsService } from './sessions.service.js';
import { Refusal } from '../common/refusal.js';

const WRONG_CREDENTIALS = 'Wrong e-mail or password';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly limiter: LoginLimiter,
    private readonly activity: ActivityService,
    private readonly clock: Clock,
    private readonly users: UsersService,
  ) {}

  async login(email: string, password: string, meta: { ip: string; userAgent?: string }) {
    // Counted as a failure before the check, so parallel guesses cannot all pass; a success clears it.
    await this.limiter.attempt(meta.ip, email);
    const user = await this.users.findForSignIn(email);
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
    if (!user || !ok || user.status !== 'active') {
      throw user && ok
        ? new Refusal(401, 'account_disabled', 'This account is disabled')
        : new Refusal(401, 'wrong_credentials', WRONG_CREDENTIALS);
    }
    await this.limiter.succeeded(meta.ip, email);
    const { token } = await this.sessions.create(user.id, meta);
    const now = this.clock.now();
    await this.db.transaction(async (manager) => {
      await this.users.recordSignIn(manager, user.id, now);
      await this.activity.record(manager, {
        actorId: user.id,
        action: 'user.signed_in',
        subjectType: 'user',
        subjectId: user.id,
        summary: `${user.name} signed in`,
        params: { name: user.name },
      });
    });
    const { passwordHash: _hidden, ...signedIn } = user;
    return { token, user: { ...signedIn, lastLoginAt: now } as User };
  }
}
