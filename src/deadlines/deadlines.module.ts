import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OpportunitiesModule } from '../opportunities/opportunities.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { ReviewsModule } from '../reviews/reviews.module.js';
import { AssessmentRoundsController } from './assessment-rounds.controller.js';
import { ReviewDeadlines } from './review-deadlines.service.js';
import { UsersModule } from '../users/users.module.js';
import { ClosingDeadline } from './closing-deadline.service.js';
import { DeadlineBatch } from './deadline-batch.service.js';
import { Deadline, DeadlineAssignee } from './deadline.entity.js';
import { DeadlineMissed } from './deadline-missed.service.js';
import { DeadlineTemplatesService } from './deadline-templates.service.js';
import { DeadlineVisibility } from './deadline-visibility.service.js';
import { DeadlinesController } from './deadlines.controller.js';
import { DeadlinesService } from './deadlines.service.js';
import { Reminder } from './reminder.entity.js';
import { ReminderScheduler } from './reminder-scheduler.service.js';
import { RemindersRepository } from './reminders.repository.js';

/** Deadlines, their status (missed included) and their reminder rows with the jobs that fire them. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Deadline, DeadlineAssignee, Reminder]),
    UsersModule,
    OpportunitiesModule,
    ReviewsModule,
    OrganizationsModule,
  ],
  controllers: [DeadlinesController, AssessmentRoundsController],
  providers: [
    ClosingDeadline,
    ReviewDeadlines,
    DeadlinesService,
    DeadlineBatch,
    DeadlineVisibility,
    DeadlineTemplatesService,
    ReminderScheduler,
    RemindersRepository,
    DeadlineMissed,
  ],
  exports: [DeadlinesService, DeadlineVisibility, ReminderScheduler, RemindersRepository, DeadlineMissed],
})
export class DeadlinesModule {}
