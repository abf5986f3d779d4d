import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A one-time `/start <token>` deep link that binds a Telegram chat to a user. */
@Entity('telegram_links')
export class TelegramLink {
  @PrimaryColumn({ name: 'token_hash' })
  tokenHash: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
