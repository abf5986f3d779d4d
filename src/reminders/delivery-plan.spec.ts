import { describe, expect, it } from '@jest/globals';
import { type RecipientUser, planDeliveries } from './delivery-plan.js';

const now = new Date('2026-05-10T15:30:00Z'); // 22:30 in Phnom Penh
const user = (
  over: Partial<RecipientUser> & { prefs?: Partial<RecipientUser['notificationPreferences']> } = {},
): RecipientUser => ({
  id: over.id ?? 'u1',
  email: 'u1@example.org',
  timeZone: over.timeZone ?? 'Asia/Phnom_Penh',
  telegramChatId: over.telegramChatId ?? null,
  notificationPreferences: { channels: ['email', 'inApp', 'telegram'], quietHours: null, digest: 'off', ...over.prefs },
});
const all = { email: true, telegram: true, blockedChats: new Set<string>() };

describe('planDeliveries', () => {
  it('one delivery per chosen, configured channel', () => {
    const plan = planDeliveries([user({ telegramChatId: '42' })], null, all, now);
    expect(plan.map((p) => [p.channel, p.address])).toEqual([
      ['inApp', null],
      ['email', 'u1@example.org'],
      ['telegram', '42'],
    ]);
  });

  it('skips channels that are off, not linked or blocked', () => {
    expect(planDeliveries([user()], null, { ...all, email: false }, now).map((p) => p.channel)).toEqual(['inApp']);
    expect(
      planDeliveries([user({ telegramChatId: '42' })], null, { ...all, blockedChats: new Set(['42']) }, now).map(
        (p) => p.channel,
      ),
    ).toEqual(['inApp', 'email']);
  });

  it('a user on a digest gets no per-reminder e-mail', () => {
    expect(planDeliveries([user({ prefs: { digest: 'daily' } })], null, all, now).map((p) => p.channel)).toEqual([
      'inApp',
    ]);
  });

  it('quiet hours defer e-mail and Telegram to the end of the window; in-app is immediate', () => {
    const plan = planDeliveries(
      [user({ telegramChatId: '42', prefs: { quietHours: { start: '21:00', end: '07:00' } } })],
      null,
      all,
      now,
    );
    expect(plan.find((p) => p.channel === 'inApp')!.notBefore).toEqual(now);
    expect(plan.find((p) => p.channel === 'email')!.notBefore.toISOString()).toBe('2026-05-11T00:00:00.000Z'); // 07:00 Phnom Penh
    expect(plan.find((p) => p.channel === 'telegram')!.notBefore.toISOString()).toBe('2026-05-11T00:00:00.000Z');
  });

  it('adds the record’s Telegram group', () => {
    const plan = planDeliveries([], '-1001', all, now);
    expect(plan).toEqual([
      { recipient: 'chat:-1001', userId: null, channel: 'telegram', address: '-1001', notBefore: now },
    ]);
    expect(planDeliveries([], '-1001', { ...all, telegram: false }, now)).toEqual([]);
  });
});
