import type { User } from './user.entity.js';

/** A user as the API shows them: never a secret, and e-mail only to those who may see it. */
export function userView(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organizationId: user.organizationId,
    timeZone: user.timeZone,
    language: user.language,
    status: user.status,
    notificationPreferences: user.notificationPreferences,
    telegramLinked: !!user.telegramChatId,
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

/** Another user as `viewer` sees them: without e-mail address and last sign-in unless they share an organisation or a record. */
export function userViewFor(user: User, contactVisible: boolean) {
  const { email, lastLoginAt, ...rest } = userView(user);
  return contactVisible ? { ...rest, email, lastLoginAt } : rest;
}
