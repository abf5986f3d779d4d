import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { AppConfig, PUBLISHED_PASSWORDS } from '../config/app-config.js';
import { FirstAdminService } from './first-admin.service.js';
import { verifyPassword } from './passwords.js';
import type { StartupWarning } from './startup-warning.js';
import { UsersService } from './users.service.js';

/**
 * Once at start-up (after the first admin is made), verifies every account's password hash against the
 * few passwords published in this repository (the demo seed's, the ADMIN_PASSWORD examples): anyone who
 * read the README can sign in to such an account. Warns in the log, and on the admin's health view until
 * each of those accounts has a new password. Never per request: argon2 is slow on purpose.
 */
@Injectable()
export class PublishedPasswords implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(PublishedPasswords.name);
  /** Accounts (id → e-mail) whose password is a published one. */
  private readonly found = new Map<string, string>();
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly users: UsersService,
    private readonly firstAdmin: FirstAdminService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // A new password (changed, reset, set by an admin) takes the account off the list.
    this.users.onAccessRevoked(async (_manager, userId, change) => {
      if (change.passwordChanged) this.found.delete(userId);
    });
  }

  onApplicationBootstrap(): void {
    if (!this.config.runsApi) return;
    // In the background: start-up does not wait for a few hundred argon2 verifications.
    this.done = this.firstAdmin.settled.then(() => this.check());
  }

  /** Resolves when the start-up check has finished. */
  checked(): Promise<void> {
    return this.done;
  }

  warning(): StartupWarning | null {
    if (!this.found.size) return null;
    const accounts = [...this.found.values()].sort();
    return {
      code: 'published_password',
      message: publishedMessage(accounts),
      params: { accounts },
    };
  }

  private async check(): Promise<void> {
    try {
      // Accounts made by one seed share one hash: each distinct hash is verified once.
      const published = new Map<string, Promise<boolean>>();
      for (const account of await this.users.withPasswordHashes()) {
        let isPublished = published.get(account.passwordHash);
        if (!isPublished) {
          isPublished = matchesAny(account.passwordHash);
          published.set(account.passwordHash, isPublished);
        }
        if (await isPublished) this.found.set(account.id, account.email);
      }
      const warning = this.warning();
      if (warning) this.logger.warn(warning.message);
    } catch (error) {
      this.logger.warn(`Could not check for published passwords: ${(error as Error).message}`);
    }
  }
}

async function matchesAny(passwordHash: string): Promise<boolean> {
  for (const password of PUBLISHED_PASSWORDS) if (await verifyPassword(passwordHash, password)) return true;
  return false;
}

function publishedMessage(accounts: string[]): string {
  const shown = accounts.slice(0, 10).join(', ') + (accounts.length > 10 ? ` and ${accounts.length - 10} more` : '');
  return (
    `${accounts.length} account(s) still have a password published in this repository (the demo seed's ` +
    `or an example ADMIN_PASSWORD), which anyone can use to sign in: ${shown}. Give each a new password ` +
    '(an admin: PATCH /api/v1/users/:id {"password"}), or disable the account.'
  );
}
