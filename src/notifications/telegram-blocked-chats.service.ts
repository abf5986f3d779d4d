import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { TelegramBlockedChat } from './telegram-blocked-chat.entity.js';

/** Chats Telegram refused: nothing goes there until the chat is linked again. */
@Injectable()
export class TelegramBlockedChats {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async all(): Promise<Set<string>> {
    const rows = await this.db.getRepository(TelegramBlockedChat).find({ select: { chatId: true } });
    return new Set(rows.map((r) => r.chatId));
  }

  async block(chatId: string, reason: string): Promise<void> {
    await this.db
      .createQueryBuilder()
      .insert()
      .into(TelegramBlockedChat)
      .values({ chatId, reason: reason.slice(0, 300), blockedAt: () => 'now()' })
      .orUpdate(['reason', 'blocked_at'], ['chat_id'])
      .execute();
  }

  async unblock(manager: EntityManager, chatId: string): Promise<void> {
    await manager.getRepository(TelegramBlockedChat).delete({ chatId });
  }
}
