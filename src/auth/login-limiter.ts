import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';

/** Failed sign-ins allowed per account before it is locked for a while. */
export const LOGIN_FAILURES_PER_ACCOUNT = 5;
/** Sign-in attempts allowed per IP address. */
export const LOGIN_ATTEMPTS_PER_IP = 30;
const WINDOW_SECONDS = 15 * 60;

/**
 * Limits sign-in attempts per IP and failed attempts per account, in Redis so
 * every API replica shares the count (with an in-memory fallback while Redis is down).
 */
@Injectable()
export class LoginLimiter {
  private readonly perIp: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, config: AppConfig) {
    const base = { storeClient: redis, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS };
    this.perIp = new RateLimiterRedis({
      ...base,
      keyPrefix: `${config.queuePrefix}:login-ip`,
      points: LOGIN_ATTEMPTS_PER_IP,
      insuranceLimiter: new RateLimiterMemory({ points: LOGIN_ATTEMPTS_PER_IP, duration: WINDOW_SECONDS }),
    });
    this.perAccount = new RateLimiterRedis({
      ...base,
      keyPrefix: `${config.queuePrefix}:login-account`,
      points: LOGIN_FAILURES_PER_ACCOUNT,
      insuranceLimiter: new RateLimiterMemory({ points: LOGIN_FAILURES_PER_ACCOUNT, duration: WINDOW_SECONDS }),
    });
  }

  /** Counts an attempt from this IP and refuses when the IP or the account is over its limit. */
  async before(ip: string, email: string): Promise<void> {
    await this.consume(this.perIp, ip, 'Too many sign-in attempts from this address');
    const account = await this.perAccount.get(email.toLowerCase());
    if (account && account.consumedPoints >= LOGIN_FAILURES_PER_ACCOUNT) {
      throw tooMany('Too many failed sign-ins for this account', account.msBeforeNext);
    }
  }

  async failed(email: string): Promise<void> {
    await this.perAccount.penalty(email.toLowerCase(), 1).catch(() => undefined);
  }

  async succeeded(email: string): Promise<void> {
    await this.perAccount.delete(email.toLowerCase()).catch(() => undefined);
  }

  private async consume(limiter: RateLimiterRedis, key: string, message: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw tooMany(message, rejection.msBeforeNext);
      throw rejection;
    }
  }
}

function tooMany(message: string, msBeforeNext: number): HttpException {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new HttpException(
    { message: `${message}; try again in ${Math.ceil(retryAfter / 60)} minute(s)`, details: { retryAfter } },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
