import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';

/** Sign-in attempts allowed per IP address in a window. */
export const LOGIN_ATTEMPTS_PER_IP = 30;
/** Failed sign-ins from one address to one account before each further try must wait. */
export const FREE_LOGIN_FAILURES = 3;
const WINDOW_SECONDS = 15 * 60;
const MAX_WAIT_SECONDS = 15 * 60;
const FAILURES_REMEMBERED_SECONDS = 24 * 60 * 60;

/** Seconds to wait after the n-th failed sign-in of an account from one address: 0, 0, 0, 2, 4, 8 … 15 min. */
export function waitAfterFailures(failures: number): number {
  if (failures <= FREE_LOGIN_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_LOGIN_FAILURES), MAX_WAIT_SECONDS);
}

/**
 * Limits sign-in attempts per IP, and slows down failures per account *and* address with a growing
 * wait: a guesser is slowed, while the account's owner, signing in from elsewhere, is never locked out.
 * Counts live in Redis so every API replica shares them.
 */
@Injectable()
export class LoginLimiter {
  private readonly perIp: RateLimiterRedis;
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.prefix = `${config.queuePrefix}:login-failures`;
    this.perIp = new RateLimiterRedis({
      storeClient: redis,
      duration: WINDOW_SECONDS,
      blockDuration: WINDOW_SECONDS,
      keyPrefix: `${config.queuePrefix}:login-ip`,
      points: LOGIN_ATTEMPTS_PER_IP,
      insuranceLimiter: new RateLimiterMemory({ points: LOGIN_ATTEMPTS_PER_IP, duration: WINDOW_SECONDS }),
    });
  }

  /** Counts an attempt from this IP and refuses while the IP is over its limit or the pair must still wait. */
  async before(ip: string, email: string): Promise<void> {
    try {
      await this.perIp.consume(ip);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes)
        throw tooMany('Too many sign-in attempts from this address', rejection.msBeforeNext);
      throw rejection;
    }
    const until = Number((await this.redis.hget(this.key(ip, email), 'until').catch(() => null)) ?? 0);
    const waitMs = until - this.clock.now().getTime();
    if (waitMs > 0) throw tooMany('Too many failed sign-ins for this account from this address', waitMs);
  }

  async failed(ip: string, email: string): Promise<void> {
    const key = this.key(ip, email);
    try {
      const failures = await this.redis.hincrby(key, 'failures', 1);
      const until = this.clock.now().getTime() + waitAfterFailures(failures) * 1000;
      await this.redis.multi().hset(key, 'until', String(until)).expire(key, FAILURES_REMEMBERED_SECONDS).exec();
    } catch {
      // Redis away: the per-IP limit (with its in-memory insurance) still holds.
    }
  }

  async succeeded(ip: string, email: string): Promise<void> {
    await this.redis.del(this.key(ip, email)).catch(() => undefined);
  }

  private key(ip: string, email: string): string {
    const account = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
    return `${this.prefix}:${account}:${ip}`;
  }
}

/** A 429 in the app's error shape, with `details.retryAfter` in seconds (also sent as Retry-After). */
export function tooMany(message: string, msBeforeNext: number): HttpException {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const wait = retryAfter < 60 ? `${retryAfter} second(s)` : `${Math.ceil(retryAfter / 60)} minute(s)`;
  return new HttpException(
    {
      message: `${message}; try again in ${wait}`,
      code: 'too_many_attempts',
      params: { retryAfter },
      details: { retryAfter },
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
