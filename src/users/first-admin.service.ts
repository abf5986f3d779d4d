import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, FIRST_ADMIN_NAME } from '../config/app-config.js';
import type { StartupWarning } from './startup-warning.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

/**
 * Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when the database has no admin, and says so
 * (in the log and on the admin's health view) when it ignored them because an admin already existed.
 */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdminService.name);
  private ignored: StartupWarning | null = null;
  private settle!: () => void;
  /** Resolves once the first admin was created, or not. */
  readonly settled = new Promise<void>((resolve) => (this.settle = resolve));

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.createIfNone();
    } finally {
      this.settle();
    }
  }

  /** Why ADMIN_EMAIL was ignored at start-up, or null. */
  warning(): StartupWarning | null {
    return this.ignored;
  }

  private async createIfNone(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword || !this.config.runsApi) return;
    const admins = await this.db.getRepository(User).countBy({ role: 'admin' });
    if (admins) {
      this.noteIgnored(adminEmail, admins);
      return;
    }
    try {
      await this.users.create(null, {
        email: adminEmail,
        password: adminPassword,
        name: FIRST_ADMIN_NAME,
        role: 'admin',
      });
      this.logger.log(`Created the first admin ${adminEmail}`);
    } catch (error) {
      // Another replica starting at the same moment may have won the race; that is fine.
      this.logger.warn(`First admin not created: ${(error as Error).message}`);
    }
  }

  private noteIgnored(adminEmail: string, admins: number): void {
    const message =
      `ADMIN_EMAIL (${adminEmail}) was ignored: the database already has ${admins} admin(s), and ADMIN_EMAIL ` +
      'with ADMIN_PASSWORD only creates the first admin while there is none; ADMIN_PASSWORD changed no ' +
      "account's password. Sign in as an admin to add admins or set passwords, and unset ADMIN_EMAIL and " +
      'ADMIN_PASSWORD.';
    this.ignored = { code: 'admin_email_ignored', message, params: { adminEmail, reason: 'admin_exists', admins } };
    this.logger.warn(message);
  }
}
