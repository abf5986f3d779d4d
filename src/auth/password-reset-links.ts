import { hmac, safeEqual } from './hmac.js';

/** A reset link works for an hour after it is e-mailed. */
export const PASSWORD_RESET_TTL_SECONDS = 60 * 60;

interface ResetPayload {
  /** user the link was sent to */
  u: string;
  /** expiry, seconds since the epoch */
  e: number;
  /** fingerprint of the password hash when the link was made: a new password (this link's, or any) spends it */
  f: string;
}

export type ResetLinkCheck =
  | { outcome: 'invalid' }
  | { outcome: 'expired'; userId: string }
  | { outcome: 'valid'; userId: string; fingerprint: string };

const mac = (secret: string, body: string) => hmac(secret, 'password-reset', body).toString('base64url');

/** Stands for the password hash without revealing anything about it; unknown without SESSION_SECRET. */
export function passwordFingerprint(secret: string, userId: string, passwordHash: string): string {
  return hmac(secret, 'password-reset', `fingerprint:${userId}:${passwordHash}`).subarray(0, 12).toString('base64url');
}

/**
 * `<payload>.<hmac>`, both base64url. Nothing is stored: the link is single-use because it names the
 * password it replaces, and any new password (set through it or otherwise) no longer matches.
 */
export function signResetToken(secret: string, userId: string, fingerprint: string, now: Date): string {
  const payload: ResetPayload = {
    u: userId,
    e: Math.floor(now.getTime() / 1000) + PASSWORD_RESET_TTL_SECONDS,
    f: fingerprint,
  };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${mac(secret, body)}`;
}

/** Whether the token is ours, and if so whether it has expired. Whether it was used is for the caller to see. */
export function checkResetToken(secret: string, token: string, now: Date): ResetLinkCheck {
  if (typeof token !== 'string' || token.length > 1000) return { outcome: 'invalid' };
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { outcome: 'invalid' };
  if (!safeEqual(signature, mac(secret, body))) return { outcome: 'invalid' };
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as ResetPayload;
    if (typeof payload.u !== 'string' || typeof payload.e !== 'number' || typeof payload.f !== 'string')
      return { outcome: 'invalid' };
    if (payload.e * 1000 < now.getTime()) return { outcome: 'expired', userId: payload.u };
    return { outcome: 'valid', userId: payload.u, fingerprint: payload.f };
  } catch {
    return { outcome: 'invalid' };
  }
}
