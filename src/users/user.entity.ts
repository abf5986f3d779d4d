import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ROLES = ['admin', 'coordinator', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const CHANNELS = ['email', 'telegram', 'inApp'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIGEST_MODES = ['off', 'daily', 'weekly'] as const;
export type DigestMode = (typeof DIGEST_MODES)[number];

export interface QuietHours {
  start: string; // HH:mm in the user's time zone
  end: string;
}

export interface NotificationPreferences {
  channels: Channel[];
  quietHours: QuietHours | null;
  digest: DigestMode;
}

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  channels: ['email', 'inApp'],
  quietHours: null,
  digest: 'off',
};

export const USER_STATUSES = ['active', 'invited', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored as typed; uniqueness is on lower(email) (see the migration). */
  @Column()
  email: string;

  @Column()
  name: string;

  @Column({ type: 'varchar' })
  role: Role;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ name: 'time_zone', default: 'Asia/Phnom_Penh' })
  timeZone: string;

  @Column({ default: 'en' })
  language: string;

  @Column({ name: 'notification_preferences', type: 'jsonb' })
  notificationPreferences: NotificationPreferences;

  @Column({ name: 'telegram_chat_id', type: 'varchar', nullable: true })
  telegramChatId: string | null;

  @Column({ type: 'varchar', default: 'active' })
  status: UserStatus;

  @Column({ name: 'password_hash', type: 'varchar', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ name: 'invitation_token_hash', type: 'varchar', nullable: true, select: false })
  invitationTokenHash: string | null;

  @Column({ name: 'invitation_expires_at', type: 'timestamptz', nullable: true })
  invitationExpiresAt: Date | null;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
