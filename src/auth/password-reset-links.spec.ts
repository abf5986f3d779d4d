import { describe, expect, it } from '@jest/globals';
import { signLink, verifyLink } from './signed-links.js';
import {
  checkResetToken,
  PASSWORD_RESET_TTL_SECONDS,
  passwordFingerprint,
  signResetToken,
} from './password-reset-links.js';

const SECRET = 'a test secret that is long enough to sign with';
const NOW = new Date('2027-03-01T10:00:00Z');

describe('password-reset links', () => {
  const fingerprint = passwordFingerprint(SECRET, 'user-1', '$argon2id$old-hash');
  const token = signResetToken(SECRET, 'user-1', fingerprint, NOW);

  it('names the user and the password it replaces, for an hour', () => {
    expect(checkResetToken(SECRET, token, NOW)).toEqual({ outcome: 'valid', userId: 'user-1', fingerprint });
    const justBefore = new Date(NOW.getTime() + PASSWORD_RESET_TTL_SECONDS * 1000 - 1000);
    expect(checkResetToken(SECRET, token, justBefore).outcome).toBe('valid');
    const after = new Date(NOW.getTime() + (PASSWORD_RESET_TTL_SECONDS + 1) * 1000);
    expect(checkResetToken(SECRET, token, after)).toEqual({ outcome: 'expired', userId: 'user-1' });
  });

  it('a new password changes the fingerprint, so the link is spent', () => {
    expect(passwordFingerprint(SECRET, 'user-1', '$argon2id$new-hash')).not.toBe(fingerprint);
    expect(passwordFingerprint(SECRET, 'user-2', '$argon2id$old-hash')).not.toBe(fingerprint);
  });

  it('refuses a token signed with another secret, altered, or with anything appended', () => {
    const [body, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ u: 'admin', e: 9999999999, f: fingerprint })).toString('base64url');
    for (const bad of [
      signResetToken('another secret', 'user-1', fingerprint, NOW),
      `${forged}.${mac}`,
      `${body}.${mac}x`,
      `${body}.${mac}.more`,
      body,
      '',
      'x'.repeat(2000),
    ])
      expect(checkResetToken(SECRET, bad, NOW)).toEqual({ outcome: 'invalid' });
  });

  it('is not an unsubscribe or reminder link, nor they one of it', () => {
    const reminder = signLink(SECRET, { a: 'unsubscribe', u: 'user-1', e: 9999999999 });
    expect(checkResetToken(SECRET, reminder, NOW)).toEqual({ outcome: 'invalid' });
    expect(verifyLink(SECRET, token, NOW)).toBeNull();
  });
});
