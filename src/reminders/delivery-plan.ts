import type { Channel, NotificationPreferences } from '../users/user.entity.js';
import { deferForQuietHours } from './quiet-hours.js';

export interface RecipientUser {
  id: string;
  email: string;
  timeZone: string;
  telegramChatId: string | null;
  notificationPreferences: NotificationPreferences;
}

export interface PlannedDelivery {
  recipient: string;
  userId: string | null;
  channel: Channel;
  address: string | null;
  notBefore: Date;
}

export interface ChannelAvailability {
  email: boolean;
  telegram: boolean;
  blockedChats: Set<string>;
}

/**
 * Who gets a reminder on which channel, and when (DESIGN steps 3–4): each user on
 * the channels they chose that are configured — no per-reminder e-mail for users on
 * a digest — e-mail and Telegram deferred past their quiet hours in their own zone,
 * in-app at once; plus the record's Telegram group, if it has one.
 */
export function planDeliveries(
  users: RecipientUser[],
  groupChatId: string | null,
  available: ChannelAvailability,
  now: Date,
): PlannedDelivery[] {
  const out: PlannedDelivery[] = [];
  for (const user of users) {
    const prefs = user.notificationPreferences;
    const channels = new Set(prefs?.channels ?? []);
    const later = deferForQuietHours(now, prefs?.quietHours ?? null, user.timeZone);
    const recipient = `user:${user.id}`;
    if (channels.has('inApp'))
      out.push({ recipient, userId: user.id, channel: 'inApp', address: null, notBefore: now });
    if (channels.has('email') && available.email && (prefs.digest ?? 'off') === 'off') {
      out.push({ recipient, userId: user.id, channel: 'email', address: user.email, notBefore: later });
    }
    if (
      channels.has('telegram') &&
      available.telegram &&
      user.telegramChatId &&
      !available.blockedChats.has(user.telegramChatId)
    ) {
      out.push({ recipient, userId: user.id, channel: 'telegram', address: user.telegramChatId, notBefore: later });
    }
  }
  if (groupChatId && available.telegram && !available.blockedChats.has(groupChatId)) {
    out.push({
      recipient: `chat:${groupChatId}`,
      userId: null,
      channel: 'telegram',
      address: groupChatId,
      notBefore: now,
    });
  }
  return out;
}
