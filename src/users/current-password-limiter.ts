import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';

/** Wrong `currentPassword`s allowed per account in the window: a stolen session cannot guess the password. */
export const CURRENT_PASSWORD_FAILURES = 5;
const WINDOW_SECONDS = 15 * 60;

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

  async before(userId: string): Promise<void> {
    const used = await this.failures.get(userId);
    if (used && used.consumedPoints >= CURRENT_PASSWORD_FAILURES) {
      const retryAfter = Math.max(1, Math.ceil(used.msBeforeNext / 1000));
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

  async failed(userId: string): Promise<void> {
    await this.failures.penalty(userId, 1).catch((rejection: unknown) => {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
    });
  }
}
