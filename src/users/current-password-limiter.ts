import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';

/** Wrong `currentPassword`s allowed per account in the window: a stolen session cannot guess the password. */
export const CURRENT_PASSWORD_FAILURES = 5;
const WINDOW_SECONDS = 15 * 60;

/**
 * Each check of a `currentPassword` takes a point before the password is compared (one atomic
 * increment in Redis, so checks sent at once cannot all pass), and a right one gives it back.
 */
@Injectable()
export class CurrentPasswordLimiter {
  private readonly failures: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, config: AppConfig) {
    this.failures = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.queuePrefix}:current-password`,
      points: CURRENT_PASSWORD_FAILURES,
      duration: WINDOW_SECONDS,
      insuranceLimiter: new RateLimiterMemory({ points: CURRENT_PASSWORD_FAILURES, duration: WINDOW_SECONDS }),
    });
  }

  /** Counts a check as a failure until `succeeded`; 429 once the account has used its failures. */
  async before(userId: string): Promise<void> {
    try {
      await this.failures.consume(userId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new HttpException(
        {
          message: `Too many wrong current passwords; try again in ${Math.ceil(retryAfter / 60)} minute(s)`,
          code: 'too_many_attempts',
          params: { retryAfter },
          details: { retryAfter },
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  /** The right password: the point its check took is given back. */
  async succeeded(userId: string): Promise<void> {
    await this.failures.reward(userId, 1).catch(() => undefined);
  }
}
