import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHANNELS,
  type Channel,
  DIGEST_MODES,
  type DigestMode,
  ROLES,
  type Role,
  USER_STATUSES,
  type UserStatus,
} from './user.entity.js';

export class QuietHoursResponse {
  /** HH:mm in the user's time zone */
  start: string;
  /** HH:mm in the user's time zone */
  end: string;
}

export class NotificationPreferencesResponse {
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel', isArray: true })
  channels: Channel[];

  @ApiProperty({ type: () => QuietHoursResponse, nullable: true })
  quietHours: QuietHoursResponse | null;

  @ApiProperty({ enum: DIGEST_MODES, enumName: 'DigestMode' })
  digest: DigestMode;
}

/** A user as the API shows them (`users/user.view.ts`): never a secret. */
export class UserResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  email: string;

  name: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role: Role;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organizationId: string | null;

  /** IANA time zone, e.g. Asia/Phnom_Penh */
  timeZone: string;

  /** en or km */
  language: string;

  @ApiProperty({ enum: USER_STATUSES, enumName: 'UserStatus' })
  status: UserStatus;

  @ApiProperty({ type: () => NotificationPreferencesResponse })
  notificationPreferences: NotificationPreferencesResponse;

  /** Whether a Telegram chat receives this user's reminders */
  telegramLinked: boolean;

  lastLoginAt: Date | null;

  createdAt: Date;

  updatedAt: Date;
}

/** The channels this server is set up to deliver through; the others are not offered. */
export class ChannelsResponse {
  /** SMTP is configured (SMTP_URL) */
  email: boolean;

  /** A Telegram bot is configured (TELEGRAM_BOT_TOKEN) */
  telegram: boolean;
}

/** The signed-in user, with what the server can deliver to them. */
export class MeResponse extends UserResponse {
  @ApiProperty({ type: () => ChannelsResponse })
  channels: ChannelsResponse;
}

export class InvitationOutcomeResponse {
  /** `email`: queued for sending; `link`: no SMTP configured, hand the link over yourself. */
  @ApiProperty({ enum: ['email', 'link'], enumName: 'InvitationDelivery' })
  delivery: 'email' | 'link';

  /** The invitation link, when it is not e-mailed */
  @ApiPropertyOptional()
  url?: string;
}

export class CreatedUserResponse extends UserResponse {
  /** Present when the user was created without a password */
  @ApiPropertyOptional({ type: () => InvitationOutcomeResponse })
  invitation?: InvitationOutcomeResponse;
}
