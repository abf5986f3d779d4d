import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ActivityService } from '../activity/activity.service.js';
import { hmac } from '../auth/hmac.js';
import { randomToken, sha256 } from '../common/secrets.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import type { User } from '../users/user.entity.js';
import { UserDirectory } from '../users/user-directory.service.js';
import { TelegramApi } from './channels/telegram-api.js';
import { TelegramBlockedChats } from './telegram-blocked-chats.service.js';
import { TelegramLink } from './telegram-link.entity.js';
import { Refusal } from '../common/refusal.js';

const LINK_TTL_MS = 24 * 3600 * 1000;

interface TelegramUpdate {
  update_id?: number;
  message?: { text?: string; chat?: { id?: number | string; type?: string } };
}

/**
 * Linking a Telegram chat to a user: the app hands out a one-time `/start <token>`
 * deep link; when the user presses Start, Telegram sends the update to our webhook
 * (or an admin pulls it with getUpdates) and the chat is bound to that user.
 */
@Injectable()
export class TelegramLinkService {
  private readonly logger = new Logger(TelegramLinkService.name);
  private readonly api: TelegramApi | null;
  private botName: Promise<string | null> | null = null;

  constructor(
    @InjectRepository(TelegramLink) private readonly links: Repository<TelegramLink>,
    private readonly activity: ActivityService,
    private readonly users: UserDirectory,
    private readonly blockedChats: TelegramBlockedChats,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.api = config.telegramBotToken ? new TelegramApi(config.telegramApiBaseUrl, config.telegramBotToken) : null;
  }

  /** The secret Telegram must send in X-Telegram-Bot-Api-Secret-Token (set with setWebhook). */
  get webhookSecret(): string {
    return hmac(this.config.sessionSecret, 'telegram-webhook').toString('hex').slice(0, 48);
  }

  async createLink(user: User) {
    if (!this.api)
      throw new Refusal(
        400,
        'telegram_not_configured',
        'Telegram is not configured on this server (TELEGRAM_BOT_TOKEN)',
      );
    const token = randomToken()
      .slice(0, 40)
      .replace(/[^A-Za-z0-9_-]/g, '');
    const expiresAt = new Date(this.clock.now().getTime() + LINK_TTL_MS);
    await this.links.insert({ tokenHash: sha256(token), userId: user.id, expiresAt });
    const bot = await this.username();
    return {
      startCommand: `/start ${token}`,
      url: bot ? `https://t.me/${bot}?start=${token}` : null,
      expiresAt: expiresAt.toISOString(),
    };
  }

  async unlink(user: User): Promise<void> {
    await this.links.manager.transaction(async (manager) => {
      await this.users.unlinkTelegram(manager, user.id);
      await this.activity.record(manager, {
        actorId: user.id,
        action: 'user.telegram_unlinked',
        subjectType: 'user',
        subjectId: user.id,
        summary: `${user.name} unlinked Telegram`,
        params: { name: user.name },
      });
    });
  }

  /** Handles one Bot API update; returns what it did. Unknown updates are ignored. */
  async handleUpdate(update: TelegramUpdate): Promise<string> {
    const text = update?.message?.text;
    const chat = update?.message?.chat;
    const match = typeof text === 'string' ? /^\/start(?:@\w+)?\s+([A-Za-z0-9_-]{10,64})\s*$/.exec(text) : null;
    if (!match || chat?.id === undefined) return 'ignored';
    const chatId = String(chat.id);
    if (chat.type && chat.type !== 'private') return 'ignored: link from a private chat';
    const linked = await this.links.manager.transaction(async (manager) => {
      const link = await manager
        .getRepository(TelegramLink)
        .findOne({ where: { tokenHash: sha256(match[1]) }, lock: { mode: 'pessimistic_write' } });
      if (!link || link.usedAt || link.expiresAt < this.clock.now()) return null;
      const user = await this.users.findActive(link.userId, manager);
      if (!user) return null;
      await manager.getRepository(TelegramLink).update(link.tokenHash, { usedAt: this.clock.now() });
      await this.users.linkTelegram(manager, user, chatId);
      await this.blockedChats.unblock(manager, chatId);
      await this.activity.record(manager, {
        actorId: user.id,
        action: 'user.telegram_linked',
        subjectType: 'user',
        subjectId: user.id,
        summary: `${user.name} linked a Telegram chat`,
        params: { name: user.name },
      });
      return user;
    });
    if (!linked) {
      await this.reply(
        chatId,
        'This link has expired or was already used. Ask CJN Tracker for a new one (Settings → Telegram).',
      );
      return 'refused';
    }
    await this.reply(chatId, `Linked: CJN Tracker will send ${linked.name}'s deadline reminders here.`);
    return 'linked';
  }

  /** For servers Telegram cannot reach: fetch pending updates once and handle them. */
  async poll(): Promise<{ handled: number; linked: number }> {
    if (!this.api)
      throw new Refusal(
        400,
        'telegram_not_configured',
        'Telegram is not configured on this server (TELEGRAM_BOT_TOKEN)',
      );
    const updates = await this.api.call<TelegramUpdate[]>('getUpdates', { timeout: 0, allowed_updates: ['message'] });
    let linked = 0;
    for (const u of updates) if ((await this.handleUpdate(u)) === 'linked') linked += 1;
    const last = updates.at(-1)?.update_id;
    if (last !== undefined) await this.api.call('getUpdates', { offset: last + 1, timeout: 0 });
    return { handled: updates.length, linked };
  }

  /** Points the bot's webhook at this server, with our secret. */
  async registerWebhook(): Promise<{ url: string }> {
    if (!this.api)
      throw new Refusal(
        400,
        'telegram_not_configured',
        'Telegram is not configured on this server (TELEGRAM_BOT_TOKEN)',
      );
    const url = this.config.link('/api/v1/telegram/webhook');
    await this.api.call('setWebhook', { url, secret_token: this.webhookSecret, allowed_updates: ['message'] });
    return { url };
  }

  private async reply(chatId: string, text: string): Promise<void> {
    await this.api
      ?.call('sendMessage', { chat_id: chatId, text })
      .catch((e: Error) => this.logger.warn(`Telegram reply failed: ${e.message}`));
  }

  private username(): Promise<string | null> {
    this.botName ??= (this.api?.call<{ username?: string }>('getMe', {}) ?? Promise.resolve(null))
      .then((me) => me?.username ?? null)
      .catch(() => {
        this.botName = null;
        return null;
      });
    return this.botName;
  }
}
