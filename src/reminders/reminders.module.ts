import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { OpportunitiesModule } from '../opportunities/opportunities.module.js';
import { UsersModule } from '../users/users.module.js';
import { DeadlineLinksController } from './deadline-links.controller.js';
import { DeadlineLinksService } from './deadline-links.service.js';
import { Delivery } from './delivery.entity.js';
import { DeliveryRepository } from './delivery.repository.js';
import { QueueBoard } from './queue-board.js';
import { ReminderHistoryController } from './reminder-history.controller.js';
import { WorkerHealth } from './worker-health.js';

/** The API side: what was sent for each reminder, what the signed links in reminders do, the queue dashboard, worker health. */
@Module({
  imports: [TypeOrmModule.forFeature([Delivery]), AuthModule, DeadlinesModule, UsersModule, OpportunitiesModule],
  controllers: [ReminderHistoryController, DeadlineLinksController],
  providers: [DeadlineLinksService, DeliveryRepository, QueueBoard, WorkerHealth],
  exports: [DeliveryRepository, WorkerHealth],
})
export class RemindersModule {}
