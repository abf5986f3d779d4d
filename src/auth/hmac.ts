import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a MAC on SESSION_SECRET vouches for; each purpose signs a different message, so one cannot stand in for another. */
export type HmacPurpose = 'cjn-link' | 'calendar' | 'telegram-webhook' | 'password-reset';

/** HMAC-SHA256 over `<purpose>:<data>` (or `<purpose>` alone when there is no data), keyed with SESSION_SECRET. */
export function hmac(secret: string, purpose: HmacPurpose, data = ''): Buffer {
  return createHmac('sha256', secret)
    .update(data === '' ? purpose : `${purpose}:${data}`)
    .digest();
}

/** Constant-time comparison; false for values of different lengths or types. */
export function safeEqual(given: unknown, expected: string | Buffer): boolean {
  if (typeof given !== 'string' && !Buffer.isBuffer(given)) return false;
  const a = Buffer.isBuffer(given) ? given : Buffer.from(given);
  const b = Buffer.isBuffer(expected) ? expected : Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
