import { Module } from '@nestjs/common';
import { ReminderScheduler } from './reminder-scheduler.service.js';

/** What the API side needs: writing reminder rows and queueing their jobs. */
@Module({
  providers: [ReminderScheduler],
  exports: [ReminderScheduler],
})
export class RemindersModule {}
