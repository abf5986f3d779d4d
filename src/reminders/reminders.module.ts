import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { Delivery } from './delivery.entity.js';
import { DeliveryRepository } from './delivery.repository.js';
import { QueueBoard } from './queue-board.js';
import { ReminderHistoryController } from './reminder-history.controller.js';
import { WorkerHealth } from './worker-health.js';

/** The API side: what was sent for each reminder, the queue dashboard, worker health. */
@Module({
  imports: [TypeOrmModule.forFeature([Delivery]), AuthModule, DeadlinesModule],
  controllers: [ReminderHistoryController],
  providers: [DeliveryRepository, QueueBoard, WorkerHealth],
  exports: [DeliveryRepository, WorkerHealth],
})
export class RemindersModule {}
