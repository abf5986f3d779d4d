import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from './access/access.module.js';
import { ActivityModule } from './activity/activity.module.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthModule } from './auth/auth.module.js';
import { AuthWorkerModule } from './auth/auth-worker.module.js';
import { OriginGuard } from './auth/origin.guard.js';
import { Clock, clockOf } from './common/clock.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { JsonNotFound } from './common/not-found.js';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { API_POOL_SIZE, dataSourceOptions, WORKER_POOL_SIZE } from './database/data-source.js';
import { HealthModule } from './health/health.module.js';
import { MailModule } from './mail/mail.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OpportunitiesModule } from './opportunities/opportunities.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { QueueModule } from './queue/queue.module.js';
import { RedisModule } from './redis/redis.module.js';
import { SubmissionsModule } from './submissions/submissions.module.js';
import { UsersModule } from './users/users.module.js';
import { UsersWorkerModule } from './users/users-worker.module.js';
import { DeadlinesModule } from './deadlines/deadlines.module.js';
import { ReviewsModule } from './reviews/reviews.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { RemindersModule } from './reminders/reminders.module.js';
import { RemindersWorkerModule } from './reminders/reminders-worker.module.js';

@Module({})
class ClockModule {}

/** Modules whose BullMQ processors run only in worker processes (APP_ROLE worker or all). */
const WORKER_MODULES = [UsersWorkerModule, AuthWorkerModule, RemindersWorkerModule];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        {
          module: ClockModule,
          global: true,
          providers: [{ provide: Clock, useValue: options.clock ?? clockOf(config) }],
          exports: [Clock],
        },
        TypeOrmModule.forRoot(
          dataSourceOptions(config.databaseUrl, config.runsWorkers ? WORKER_POOL_SIZE : API_POOL_SIZE),
        ),
        RedisModule,
        QueueModule,
        MailModule,
        AccessModule,
        ActivityModule,
        AuthModule,
        UsersModule,
        OrganizationsModule,
        SubmissionsModule,
        HealthModule,
        NotificationsModule,
        OpportunitiesModule,
        RemindersModule,
        DeadlinesModule,
        ReviewsModule,
        CalendarModule,
        ...(config.runsWorkers ? WORKER_MODULES : []),
      ],
      providers: [
        { provide: APP_GUARD, useExisting: OriginGuard },
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        JsonNotFound,
      ],
    };
  }
}
