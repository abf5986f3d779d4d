import { hmac, safeEqual } from './hmac.js';

/** What a signed link lets its holder do without signing in. */
export type LinkAction = 'ack' | 'done' | 'unsubscribe';

export interface LinkPayload {
  /** action */
  a: LinkAction;
  /** user the link was sent to */
  u: string;
  /** deadline id (ack, done) */
  d?: string;
  /** expiry, seconds since the epoch */
  e: number;
}

const mac = (secret: string, body: string) => hmac(secret, 'cjn-link', body);

/** `<payload>.<hmac>`, both base64url; HMAC-SHA256 with SESSION_SECRET. */
export function signLink(secret: string, payload: LinkPayload): string {
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** The payload when the signature is ours and the link has not expired; otherwise null. */
export function verifyLink(secret: string, token: string, now: Date): LinkPayload | null {
  if (typeof token !== 'string' || token.length > 1000) return null;
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  // Compared as text: decoding first would let junk appended to the signature through.
  if (!safeEqual(signature, mac(secret, body).toString('base64url'))) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as LinkPayload;
    if (!['ack', 'done', 'unsubscribe'].includes(payload.a) || typeof payload.u !== 'string') return null;
    if (typeof payload.e !== 'number' || payload.e * 1000 < now.getTime()) return null;
    return payload;
  } catch {
    return null;
  }
}

/** Unsubscribe links (in every reminder and digest) work for a year after the message. */
export function unsubscribeExpiry(sentAt: Date): number {
  return Math.floor(sentAt.getTime() / 1000) + 365 * 24 * 3600;
}

/** Action links in reminders work for two weeks after the deadline. */
export function actionExpiry(dueAt: Date): number {
  return Math.floor(dueAt.getTime() / 1000) + 14 * 24 * 3600;
}
