import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ActivityService } from '../activity/activity.service.js';
import { User } from './user.entity.js';

/** How a user is reached, changed from outside the settings page: Telegram linking, unsubscribe links, a dead chat. */
@Injectable()
export class UserChannelsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly activity: ActivityService,
  ) {}

  findActive(id: string, manager: EntityManager = this.db.manager): Promise<User | null> {
    return manager.getRepository(User).findOneBy({ id, status: 'active' });
  }

  /** Stops reminder e-mails and digests (a signed unsubscribe link). */
  async unsubscribeEmail(user: User): Promise<void> {
    await this.db.transaction(async (manager) => {
      const prefs = user.notificationPreferences;
      const next = { ...prefs, channels: prefs.channels.filter((c) => c !== 'email'), digest: 'off' as const };
      await manager.getRepository(User).update(user.id, { notificationPreferences: next });
      await this.activity.record(manager, {
        actorId: user.id,
        action: 'user.unsubscribed',
        subjectType: 'user',
        subjectId: user.id,
        summary: `${user.name} stopped reminder e-mails from a link`,
        changes: { notificationPreferences: [prefs, next] },
      });
    });
  }

  /** Binds a Telegram chat to the user and turns the Telegram channel on; call inside the linking transaction. */
  async linkTelegram(manager: EntityManager, user: User, chatId: string): Promise<void> {
    const prefs = user.notificationPreferences;
    const channels = prefs.channels.includes('telegram') ? prefs.channels : [...prefs.channels, 'telegram' as const];
    await manager.getRepository(User).update(user.id, { telegramChatId: chatId, notificationPreferences: { ...prefs, channels } });
  }

  async unlinkTelegram(manager: EntityManager, userId: string): Promise<void> {
    await manager.getRepository(User).update(userId, { telegramChatId: null });
  }

  /** Forgets a chat Telegram refused, unless the user has linked another one since. */
  async forgetTelegramChat(userId: string, chatId: string): Promise<void> {
    await this.db.getRepository(User).update({ id: userId, telegramChatId: chatId }, { telegramChatId: null });
  }
}
