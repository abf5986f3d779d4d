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

/** The wait after the 1st, 2nd … failure, up to the first that reaches the longest (Redis reads from it). */
export const WAIT_SCHEDULE_SECONDS: readonly number[] = (() => {
  const waits: number[] = [];
  for (let n = 1; !waits.length || waits[waits.length - 1] < MAX_WAIT_SECONDS; n++) waits.push(waitAfterFailures(n));
  return waits;
})();

/**
 * One step in Redis, so parallel requests cannot all pass before any failure is counted: refuse while the
 * pair must wait (answering the milliseconds left), else count this attempt as a failure and set the wait
 * after it. KEYS[1]: the pair; ARGV: now (ms), seconds to remember, then WAIT_SCHEDULE_SECONDS.
 */
const ATTEMPT_SCRIPT = `
local now = tonumber(ARGV[1])
local waitUntil = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
if waitUntil > now then return waitUntil - now end
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
local wait = tonumber(ARGV[2 + math.min(failures, #ARGV - 2)])
redis.call('HSET', KEYS[1], 'until', string.format('%d', now + wait * 1000))
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 0
`;

/**
 * Limits sign-in attempts per IP, and slows down failures per account *and* address with a growing
 * wait: a guesser is slowed, while the account's owner, signing in from elsewhere, is never locked out.
 * Counts live in Redis so every API replica shares them. An attempt counts as a failure before the
 * password is checked (a success clears the count), so requests sent at once are counted like a sequence.
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

  /**
   * Counts an attempt from this IP, and for this account from this IP (as a failure until `succeeded`);
   * refuses while the IP is over its limit or the pair must still wait.
   */
  async attempt(ip: string, email: string): Promise<void> {
    try {
      await this.perIp.consume(ip);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes)
        throw tooMany('Too many sign-in attempts from this address', rejection.msBeforeNext);
      throw rejection;
    }
    const waitMs = await this.redis
      .eval(
        ATTEMPT_SCRIPT,
        1,
        this.key(ip, email),
        this.clock.now().getTime(),
        FAILURES_REMEMBERED_SECONDS,
        ...WAIT_SCHEDULE_SECONDS,
      )
      // Redis away: the per-IP limit (with its in-memory insurance) still holds.
      .catch(() => 0);
    if (Number(waitMs) > 0)
      throw tooMany('Too many failed sign-ins for this account from this address', Number(waitMs));
  }

  /** The right password: the failures this address counted for the account are forgotten. */
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
