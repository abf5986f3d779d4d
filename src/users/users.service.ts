import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ActivityService, diffFields } from '../activity/activity.service.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { type Page, pageWindow, toPage } from '../common/pagination.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { CreateUserDto, UpdateMeDto, UpdateUserDto, UserQuery } from './dto/user.dto.js';
import { InvitationsService, type InvitationOutcome } from './invitations.service.js';
import { CurrentPasswordLimiter } from './current-password-limiter.js';
import { PasswordRules } from './password-rules.service.js';
import { DEFAULT_NOTIFICATION_PREFERENCES, User } from './user.entity.js';
import { isCoordinator } from '../access/roles.js';
import { allPasswordHashes, contactsVisible, emailTaken, listUsers, withPasswordHash } from './users.repository.js';
import { badField, fieldProblem, notFound, Refusal } from '../common/refusal.js';

export interface AccessChange {
  passwordChanged: boolean;
  keepSessionId?: string;
}
export type AccessRevokedHook = (manager: EntityManager, userId: string, change: AccessChange) => Promise<void>;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly activity: ActivityService,
    private readonly invitations: InvitationsService,
    private readonly organizations: OrganizationsService,
    private readonly passwordChecks: CurrentPasswordLimiter,
    private readonly passwordRules: PasswordRules,
  ) {}

  private readonly revokedHooks: AccessRevokedHook[] = [];

  /**
   * Runs `hook` in the transaction that changes a user's password, role or status: auth ends their
   * sessions (all, or all but the one that changed its own password) and, for a new password, their API tokens.
   */
  onAccessRevoked(hook: AccessRevokedHook): void {
    this.revokedHooks.push(hook);
  }

  private async revoked(manager: EntityManager, userId: string, change: AccessChange): Promise<void> {
    for (const hook of this.revokedHooks) await hook(manager, userId, change);
  }

  /** Everyone is listed (names are needed to assign and mention); `q` matches an e-mail only where the viewer may see it. */
  async list(viewer: User, query: UserQuery): Promise<Page<User>> {
    const window = pageWindow(query);
    const [items, total] = await listUsers(this.db.manager, viewer, query, window);
    return toPage(items, total, window);
  }

  /** The ids among `ids` whose e-mail address and last sign-in `viewer` may see (docs/permissions.md). */
  async contactsVisibleTo(viewer: User, ids: string[]): Promise<Set<string>> {
    if (isCoordinator(viewer.role)) return new Set(ids);
    if (!ids.length) return new Set();
    return contactsVisible(this.db.manager, viewer, ids);
  }

  async get(id: string): Promise<User> {
    const user = await this.db.getRepository(User).findOneBy({ id });
    if (!user) throw notFound('user', 'User not found');
    return user;
  }

  async create(actor: User | null, dto: CreateUserDto): Promise<{ user: User; invitation?: InvitationOutcome }> {
    const { password, ...fields } = dto;
    if (password) await this.passwordRules.check('password', password, dto);
    const created = await this.db.transaction(async (manager) => {
      await this.assertEmailFree(manager, dto.email);
      await this.assertOrganization(dto.organizationId);
      const repo = manager.getRepository(User);
      const user = await repo.save(
        repo.create({
          ...fields,
          notificationPreferences: dto.notificationPreferences ?? DEFAULT_NOTIFICATION_PREFERENCES,
          passwordHash: password ? await hashPassword(password) : null,
          status: password ? 'active' : 'invited',
        }),
      );
      await this.activity.record(manager, {
        actorId: actor?.id ?? null,
        action: 'user.created',
        subjectType: 'user',
        subjectId: user.id,
        summary: `Created ${user.role} ${user.name} <${user.email}>${password ? '' : ' (invited)'}`,
        params: { name: user.name, email: user.email, role: user.role, invited: !password },
      });
      return user;
    });
    if (password) return { user: created };
    return { user: created, invitation: await this.invitations.invite(created) };
  }

  async update(actor: User, id: string, dto: UpdateUserDto): Promise<User> {
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('user', 'User not found');
      if (actor.id === id && ((dto.role && dto.role !== 'admin') || dto.status === 'disabled')) {
        throw new Refusal(403, 'self_demotion', 'Admins cannot demote or disable themselves; ask another admin');
      }
      if (dto.email && dto.email.toLowerCase() !== user.email.toLowerCase())
        await this.assertEmailFree(manager, dto.email);
      await this.assertOrganization(dto.organizationId);
      if (dto.status === 'active' && user.status === 'invited') {
        throw new BadRequestException(
          'An invited user becomes active by accepting the invitation or being given a password',
        );
      }
      const { password, ...fields } = dto;
      const changes = diffFields(user, fields);
      repo.merge(user, fields);
      if (password) {
        await this.passwordRules.check('password', password, user);
        user.passwordHash = await hashPassword(password);
        if (user.status === 'invited') user.status = 'active';
        changes.password = ['(hidden)', '(changed)'];
      }
      const saved = await repo.save(user);
      // A changed role, a disabled account or a reset password applies to every open session at once.
      if (password || changes.status || changes.role) await this.revoked(manager, id, { passwordChanged: !!password });
      if (Object.keys(changes).length) {
        await this.activity.record(manager, {
          actorId: actor.id,
          action: 'user.updated',
          subjectType: 'user',
          subjectId: id,
          summary: `Updated ${Object.keys(changes).join(', ')} of ${saved.name}`,
          params: { name: saved.name, fields: Object.keys(changes) },
          changes,
        });
      }
      return saved;
    });
  }

  /** `sessionId`: the session asking, which stays signed in when it changes its own password. */
  async updateMe(me: User, dto: UpdateMeDto, sessionId?: string): Promise<User> {
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const user = await withPasswordHash(manager, { id: me.id }).getOneOrFail();
      const { currentPassword, newPassword, ...fields } = dto;
      const changes = diffFields(user, fields);
      repo.merge(user, fields);
      if (newPassword) {
        // Counted before the check, so parallel guesses cannot all pass; a right password is not counted.
        await this.passwordChecks.before(me.id);
        if (!currentPassword || !user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
          throw new Refusal(400, 'current_password_wrong', 'currentPassword is missing or wrong', {}, [
            fieldProblem('currentPassword', 'current_password_wrong', 'currentPassword is missing or wrong'),
          ]);
        }
        await this.passwordChecks.succeeded(me.id);
        await this.passwordRules.check('newPassword', newPassword, user);
        user.passwordHash = await hashPassword(newPassword);
        changes.password = ['(hidden)', '(changed)'];
      } else if (currentPassword) {
        throw new Refusal(400, 'current_password_unneeded', 'currentPassword is only needed with newPassword');
      }
      const saved = await repo.save(user);
      if (newPassword) await this.revoked(manager, me.id, { passwordChanged: true, keepSessionId: sessionId });
      if (Object.keys(changes).length) {
        await this.activity.record(manager, {
          actorId: me.id,
          action: 'user.updated',
          subjectType: 'user',
          subjectId: me.id,
          summary: `${me.name} updated their ${Object.keys(changes).join(', ')}`,
          params: { name: me.name, fields: Object.keys(changes) },
          changes,
        });
      }
      return saved;
    });
  }

  /**
   * Sets a forgotten password through a reset link. `check` sees the account, with its current password
   * hash, under a row lock and throws when the link no longer applies (used, or the account disabled).
   * Every session ends and every API token is revoked, as with any new password.
   */
  async resetPassword(userId: string, newPassword: string, check: (user: User) => void): Promise<User> {
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const user = await withPasswordHash(manager, { id: userId }).setLock('pessimistic_write').getOne();
      if (!user) throw new BadRequestException('This password-reset link is not valid');
      check(user);
      await this.passwordRules.check('password', newPassword, user);
      user.passwordHash = await hashPassword(newPassword);
      const { passwordHash: _hidden, ...saved } = await repo.save(user);
      await this.revoked(manager, userId, { passwordChanged: true });
      await this.activity.record(manager, {
        actorId: userId,
        action: 'user.password_reset',
        subjectType: 'user',
        subjectId: userId,
        summary: `${user.name} set a new password through a reset link`,
        params: { name: user.name },
        changes: { password: ['(hidden)', '(changed)'] },
      });
      return saved as User;
    });
  }

  /** A user with their password hash, for making a reset link that this password's replacement spends. */
  async findWithPasswordHash(id: string): Promise<User | null> {
    return withPasswordHash(this.db.manager, { id }).getOne();
  }

  async resendInvitation(actor: User, id: string): Promise<InvitationOutcome> {
    const user = await this.get(id);
    if (user.status !== 'invited')
      throw new Refusal(409, 'invitation_accepted', 'This user has already accepted their invitation');
    await this.activity.record(this.db.manager, {
      actorId: actor.id,
      action: 'user.invited',
      subjectType: 'user',
      subjectId: id,
      summary: `Sent a new invitation to ${user.email}`,
      params: { name: user.name, email: user.email },
    });
    return this.invitations.invite(user);
  }

  /** Every account that has a password, with its hash: for the start-up check for published passwords. */
  async withPasswordHashes(): Promise<{ id: string; email: string; passwordHash: string }[]> {
    return allPasswordHashes(this.db.manager);
  }

  /** The user with this e-mail (any case), with their password hash, for signing in. */
  async findForSignIn(email: string): Promise<User | null> {
    return withPasswordHash(this.db.manager, { email }).getOne();
  }

  /** An active user, for resolving a session or token; null when unknown or not active. */
  async recordSignIn(manager: EntityManager, userId: string, at: Date): Promise<void> {
    await manager.getRepository(User).update(userId, { lastLoginAt: at });
  }

  /**
   * Links a Telegram chat to the user (and turns the telegram channel on), or unlinks it with null.
   * `ifChatId`: only while the user's chat is still that one (a chat that blocked the bot clears only itself).
   * Returns whether the user changed.
   */
  async setTelegramChatId(
    userId: string,
    chatId: string | null,
    options: { manager?: EntityManager; ifChatId?: string } = {},
  ): Promise<boolean> {
    const repo = (options.manager ?? this.db.manager).getRepository(User);
    const user = await repo.findOneBy({
      id: userId,
      ...(options.ifChatId ? { telegramChatId: options.ifChatId } : {}),
    });
    if (!user) return false;
    const channels = user.notificationPreferences.channels;
    const withTelegram = chatId && !channels.includes('telegram') ? [...channels, 'telegram' as const] : channels;
    await repo.update(userId, {
      telegramChatId: chatId,
      notificationPreferences: { ...user.notificationPreferences, channels: withTelegram },
    });
    return true;
  }

  /** Disables rather than deletes: their activity, comments and revisions stay attributed. */
  async disable(actor: User, id: string): Promise<void> {
    await this.update(actor, id, { status: 'disabled' });
  }

  private async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    if (await emailTaken(manager, email))
      throw new Refusal(409, 'email_taken', `A user with the e-mail ${email} already exists`, { email }, [
        fieldProblem('email', 'email_taken', 'a user with this e-mail already exists'),
      ]);
  }

  private async assertOrganization(organizationId: string | undefined): Promise<void> {
    if (!organizationId) return;
    const exists = (await this.organizations.namesByIds([organizationId])).has(organizationId);
    if (!exists) throw badField('organizationId', 'no_such_record', 'no such organisation');
  }
}
