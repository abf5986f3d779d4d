import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { QueueBoard } from './queue-board.js';
import { ReminderScheduler } from './reminder-scheduler.service.js';
import { TelegramController } from './telegram.controller.js';
import { TelegramLinkService } from './telegram-link.service.js';
import { WorkerHealth } from './worker-health.js';

/** The API side: reminder rows and their jobs, Telegram linking, the queue dashboard, worker health. */
@Module({
  imports: [AuthModule],
  controllers: [TelegramController],
  providers: [ReminderScheduler, TelegramLinkService, QueueBoard, WorkerHealth],
  exports: [ReminderScheduler, WorkerHealth],
})
export class RemindersModule {}
