import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module.js';
import { UsersModule } from '../users/users.module.js';
import { HealthController } from './health.controller.js';
import { ServiceChecks } from './service-checks.js';

@Module({ imports: [RemindersModule, UsersModule], controllers: [HealthController], providers: [ServiceChecks] })
export class HealthModule {}
