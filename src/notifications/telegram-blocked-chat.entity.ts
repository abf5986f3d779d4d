import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A chat Telegram refused (bot blocked, chat gone): nothing is sent there until it is linked again. */
@Entity('telegram_blocked_chats')
export class TelegramBlockedChat {
  @PrimaryColumn({ name: 'chat_id', type: 'varchar' })
  chatId: string;

  @Column({ type: 'varchar' })
  reason: string;

  @Column({ name: 'blocked_at', type: 'timestamptz', default: () => 'now()' })
  blockedAt: Date;
}
