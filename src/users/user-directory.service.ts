import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { ActivityService } from '../activity/activity.service.js';
import { User } from './user.entity.js';

/** What other modules need of users: who is active, who gets digests, and how a user is reached (Telegram linking, unsubscribe links, a dead chat). */
@Injectable()
export class UserDirectory {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly activity: ActivityService,
  ) {}

  findActive(id: string, manager: EntityManager = this.users.manager): Promise<User | null> {
    return manager.getRepository(User).findOneBy({ id, status: 'active' });
  }

  /** The active users among `ids`, by id. */
  activeAmong(ids: string[]): Promise<User[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.users
      .createQueryBuilder('u')
      .where("u.status = 'active'")
      .andWhere('u.id = ANY(:ids)', { ids })
      .orderBy('u.id')
      .getMany();
  }

  /** The active members (not viewers) of the organisations, by name. */
  activeMembersOf(organizationIds: string[]): Promise<User[]> {
    if (!organizationIds.length) return Promise.resolve([]);
    return this.users
      .createQueryBuilder('u')
      .where("u.status = 'active' AND u.role <> 'viewer'")
      .andWhere('u.organization_id = ANY(:organizationIds)', { organizationIds })
      .orderBy('u.name')
      .getMany();
  }

  /** Active users who chose a daily or weekly digest and e-mail. */
  digestSubscribers(): Promise<User[]> {
    return this.users
      .createQueryBuilder('u')
      .where("u.status = 'active'")
      .andWhere("u.notification_preferences->>'digest' IN ('daily','weekly')")
      .andWhere(`u.notification_preferences->'channels' ? 'email'`)
      .getMany();
  }

  /** Whether every id is an existing user who is not disabled. */
  async allEnabled(ids: string[]): Promise<boolean> {
    const found = await this.users
      .createQueryBuilder('u')
      .where('u.id = ANY(:ids)', { ids })
      .andWhere("u.status <> 'disabled'")
      .getCount();
    return found === ids.length;
  }

  /** Stops reminder e-mails and digests (a signed unsubscribe link). */
  async unsubscribeEmail(user: User): Promise<void> {
    await this.users.manager.transaction(async (manager) => {
      const prefs = user.notificationPreferences;
      const next = { ...prefs, channels: prefs.channels.filter((c) => c !== 'email'), digest: 'off' as const };
      await manager.getRepository(User).update(user.id, { notificationPreferences: next });
      await this.activity.record(manager, {
        actorId: user.id,
        action: 'user.unsubscribed',
        subjectType: 'user',
        subjectId: user.id,
        summary: `${user.name} stopped reminder e-mails from a link`,
        params: { name: user.name },
        changes: { notificationPreferences: [prefs, next] },
      });
    });
  }

  /** Binds a Telegram chat to the user and turns the Telegram channel on; call inside the linking transaction. */
  async linkTelegram(manager: EntityManager, user: User, chatId: string): Promise<void> {
    const prefs = user.notificationPreferences;
    const channels = prefs.channels.includes('telegram') ? prefs.channels : [...prefs.channels, 'telegram' as const];
    await manager
      .getRepository(User)
      .update(user.id, { telegramChatId: chatId, notificationPreferences: { ...prefs, channels } });
  }

  async unlinkTelegram(manager: EntityManager, userId: string): Promise<void> {
    await manager.getRepository(User).update(userId, { telegramChatId: null });
  }

  /** Forgets a chat Telegram refused, unless the user has linked another one since. */
  async forgetTelegramChat(userId: string, chatId: string): Promise<void> {
    await this.users.update({ id: userId, telegramChatId: chatId }, { telegramChatId: null });
  }
}
