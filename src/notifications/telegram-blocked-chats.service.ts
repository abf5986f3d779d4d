import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { TelegramBlockedChat } from './telegram-blocked-chat.entity.js';

/** Chats Telegram refused: nothing goes there until the chat is linked again. */
@Injectable()
export class TelegramBlockedChats {
  constructor(@InjectRepository(TelegramBlockedChat) private readonly chats: Repository<TelegramBlockedChat>) {}

  async all(): Promise<Set<string>> {
    const rows = await this.chats.find({ select: { chatId: true } });
    return new Set(rows.map((r) => r.chatId));
  }

  async block(chatId: string, reason: string): Promise<void> {
    await this.chats
      .createQueryBuilder()
      .insert()
      .values({ chatId, reason: reason.slice(0, 300), blockedAt: () => 'now()' })
      .orUpdate(['reason', 'blocked_at'], ['chat_id'])
      .updateEntity(false)
      .execute();
  }

  async unblock(manager: EntityManager, chatId: string): Promise<void> {
    await manager.getRepository(TelegramBlockedChat).delete({ chatId });
  }
}
