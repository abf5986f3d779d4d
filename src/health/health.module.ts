import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module.js';
import { HealthController } from './health.controller.js';
import { ServiceChecks } from './service-checks.js';

@Module({ imports: [RemindersModule], controllers: [HealthController], providers: [ServiceChecks] })
export class HealthModule {}
