import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, FIRST_ADMIN_NAME } from '../config/app-config.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

/** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when the database has no admin. */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdminService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword || !this.config.runsApi) return;
    if (await this.db.getRepository(User).existsBy({ role: 'admin' })) return;
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
}
