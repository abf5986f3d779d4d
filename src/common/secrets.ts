import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret with an optional readable prefix. */
export function randomToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Tokens are random and long, so a fast hash is enough to store them safely. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
