import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config.js';
import { REDIS } from '../../redis/redis.module.js';
import { UserDirectory } from '../../users/user-directory.service.js';
import { TelegramBlockedChats } from '../telegram-blocked-chats.service.js';
import { type ReminderContent, renderTelegram } from '../reminder-message.js';
import { type DeliveryChannel, type DeliveryTarget, PermanentDeliveryError, RetryLaterError } from './channel.js';
import { TelegramApi, TelegramApiError } from './telegram-api.js';

/** Bot API limits: about one message a second to a chat, twenty a minute to a group. */
export const PRIVATE_CHAT_INTERVAL_MS = 1_000;
export const GROUP_CHAT_INTERVAL_MS = 3_000;

export function paceInterval(chatId: string): number {
  return chatId.startsWith('-') ? GROUP_CHAT_INTERVAL_MS : PRIVATE_CHAT_INTERVAL_MS;
}

/**
 * Telegram: direct messages to linked users and to group chats. Paced per chat across
 * all workers (a Redis key per chat), honours 429 retry_after, and a chat that blocked
 * the bot or no longer exists is switched off instead of retried.
 */
@Injectable()
export class TelegramChannel implements DeliveryChannel {
  readonly name = 'telegram' as const;
  private readonly logger = new Logger(TelegramChannel.name);
  private readonly api: TelegramApi | null;

  constructor(
    private readonly config: AppConfig,
    private readonly blockedChats: TelegramBlockedChats,
    private readonly users: UserDirectory,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.api = config.telegramBotToken ? new TelegramApi(config.telegramApiBaseUrl, config.telegramBotToken) : null;
  }

  available(): boolean {
    return this.api !== null;
  }

  async send(target: DeliveryTarget, content: ReminderContent): Promise<string | null> {
    if (!this.api) throw new PermanentDeliveryError('Telegram is not configured');
    const chatId = target.address;
    if (!chatId) throw new PermanentDeliveryError('no Telegram chat');
    await this.pace(chatId);
    try {
      const sent = await this.api.sendMessage(chatId, renderTelegram(content));
      return String(sent.message_id);
    } catch (error) {
      if (!(error instanceof TelegramApiError)) throw error;
      if (error.status === 429) {
        const waitMs = Math.max(1, error.retryAfterSeconds ?? 5) * 1000;
        // Nothing else goes to this chat before Telegram's wait is over.
        await this.redis.set(this.paceKey(chatId), '1', 'PX', waitMs).catch(() => undefined);
        throw new RetryLaterError(waitMs, `Telegram asked to wait ${waitMs / 1000} s`);
      }
      if (error.chatUnreachable) {
        await this.disableChat(chatId, target.userId, error.description);
        throw new PermanentDeliveryError(`Telegram chat unreachable: ${error.description}`);
      }
      throw error;
    }
  }

  /** Takes this chat's send slot, or says how long until it is free. */
  private async pace(chatId: string): Promise<void> {
    const ok = await this.redis.set(this.paceKey(chatId), '1', 'PX', paceInterval(chatId), 'NX');
    if (ok === 'OK') return;
    const ttl = await this.redis.pttl(this.paceKey(chatId));
    throw new RetryLaterError(Math.max(ttl, 50), 'paced');
  }

  private paceKey(chatId: string): string {
    return `${this.config.queuePrefix}:telegram-pace:${chatId}`;
  }

  private async disableChat(chatId: string, userId: string | null, reason: string): Promise<void> {
    this.logger.warn(
      `Telegram chat ${chatId} is unreachable (${reason}); no more messages go there until it is linked again`,
    );
    await this.blockedChats.block(chatId, reason);
    if (userId) await this.users.forgetTelegramChat(userId, chatId);
  }
}
