import { User, type NotificationPreferences, type Role, type UserStatus } from './user.entity.js';

/**
 * The columns of `users` as another area reads them in a join (alias `u`), without the secrets that
 * the entity never selects either. Used where a request must be answered in one round trip: the
 * caller's credential and their account, on every request.
 */
export const USER_COLUMNS = `u.id AS user_id, u.email AS user_email, u.name AS user_name, u.role AS user_role,
  u.organization_id AS user_organization_id, u.time_zone AS user_time_zone, u.language AS user_language,
  u.notification_preferences AS user_notification_preferences, u.telegram_chat_id AS user_telegram_chat_id,
  u.status AS user_status, u.invitation_expires_at AS user_invitation_expires_at,
  u.last_login_at AS user_last_login_at, u.created_at AS user_created_at, u.updated_at AS user_updated_at`;

export interface UserRow {
  user_id: string;
  user_email: string;
  user_name: string;
  user_role: Role;
  user_organization_id: string | null;
  user_time_zone: string;
  user_language: string;
  user_notification_preferences: NotificationPreferences;
  user_telegram_chat_id: string | null;
  user_status: UserStatus;
  user_invitation_expires_at: Date | null;
  user_last_login_at: Date | null;
  user_created_at: Date;
  user_updated_at: Date;
}

/** The user that `USER_COLUMNS` read, as `findOneBy` would give it. */
export function userFromRow(row: UserRow): User {
  return Object.assign(new User(), {
    id: row.user_id,
    email: row.user_email,
    name: row.user_name,
    role: row.user_role,
    organizationId: row.user_organization_id,
    timeZone: row.user_time_zone,
    language: row.user_language,
    notificationPreferences: row.user_notification_preferences,
    telegramChatId: row.user_telegram_chat_id,
    status: row.user_status,
    invitationExpiresAt: row.user_invitation_expires_at,
    lastLoginAt: row.user_last_login_at,
    createdAt: row.user_created_at,
    updatedAt: row.user_updated_at,
  });
}
