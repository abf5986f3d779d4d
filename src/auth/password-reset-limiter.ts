import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';
import { tooMany } from './login-limiter.js';

/** Reset requests allowed per IP address in a window. */
export const RESET_REQUESTS_PER_IP = 20;
/** Reset requests allowed per e-mail address in a window, known or not: nobody's inbox is flooded. */
export const RESET_REQUESTS_PER_EMAIL = 3;
const WINDOW_SECONDS = 60 * 60;

/**
 * Limits password-reset requests per IP and per e-mail address, counted in Redis so every API replica
 * shares them. An unknown address is counted like a known one, so the limit reveals nothing either.
 */
@Injectable()
export class PasswordResetLimiter {
  private readonly perIp: RateLimiterRedis;
  private readonly perEmail: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, config: AppConfig) {
    const limiter = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        duration: WINDOW_SECONDS,
        keyPrefix: `${config.queuePrefix}:password-reset-${name}`,
        points,
        insuranceLimiter: new RateLimiterMemory({ points, duration: WINDOW_SECONDS }),
      });
    this.perIp = limiter('ip', RESET_REQUESTS_PER_IP);
    this.perEmail = limiter('email', RESET_REQUESTS_PER_EMAIL);
  }

  async consume(ip: string, email: string): Promise<void> {
    const account = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
    try {
      await this.perIp.consume(ip);
      await this.perEmail.consume(account);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes)
        throw tooMany('Too many password-reset requests', rejection.msBeforeNext);
      throw rejection;
    }
  }
}
