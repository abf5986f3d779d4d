import { describe, expect, it } from '@jest/globals';
import { actionExpiry, signLink, unsubscribeExpiry, verifyLink } from './signed-links.js';

const secret = 'a-test-secret-of-some-length';
const now = new Date('2026-05-01T00:00:00Z');

describe('signed links', () => {
  it('round-trips a payload signed with the secret', () => {
    const token = signLink(secret, { a: 'ack', u: 'user-1', d: 'deadline-1', e: actionExpiry(now) });
    expect(verifyLink(secret, token, now)).toEqual({ a: 'ack', u: 'user-1', d: 'deadline-1', e: actionExpiry(now) });
  });

  it('refuses another secret, a changed payload and an expired link', () => {
    const token = signLink(secret, {
      a: 'done',
      u: 'user-1',
      d: 'deadline-1',
      e: Math.floor(now.getTime() / 1000) + 60,
    });
    expect(verifyLink('another-secret-entirely', token, now)).toBeNull();
    const [, sig] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ a: 'done', u: 'user-2', d: 'deadline-1' })).toString('base64url')}.${sig}`;
    expect(verifyLink(secret, forged, now)).toBeNull();
    expect(verifyLink(secret, token, new Date(now.getTime() + 61_000))).toBeNull();
    expect(verifyLink(secret, 'garbage', now)).toBeNull();
  });

  it('refuses anything appended to the signature, and a link without an expiry', () => {
    const token = signLink(secret, { a: 'ack', u: 'user-1', d: 'deadline-1', e: actionExpiry(now) });
    for (const junk of ['A', 'x', '!!', '%20', '=']) expect(verifyLink(secret, `${token}${junk}`, now)).toBeNull();
    expect(verifyLink(secret, signLink(secret, { a: 'unsubscribe', u: 'user-1' } as never), now)).toBeNull();
  });

  it('unsubscribe links work for a year after the message, then expire', () => {
    const token = signLink(secret, { a: 'unsubscribe', u: 'user-1', e: unsubscribeExpiry(now) });
    expect(verifyLink(secret, token, new Date('2027-04-30T00:00:00Z'))?.a).toBe('unsubscribe');
    expect(verifyLink(secret, token, new Date('2027-05-02T00:00:00Z'))).toBeNull();
  });
});
