import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { NotificationsWorkerModule } from '../notifications/notifications-worker.module.js';
import { UsersModule } from '../users/users.module.js';
import { DeliverySender } from './delivery-sender.service.js';
import { MaintenanceScheduler } from './maintenance-scheduler.service.js';
import { Reconciler } from './reconciler.service.js';
import { RecipientsService } from './recipients.service.js';
import { ReminderContentService } from './reminder-content.service.js';
import { FiringPreparation } from './firing-preparation.service.js';
import { ReminderFiring } from './reminder-firing.service.js';
import { RemindersModule } from './reminders.module.js';
import { DeliveryProcessor, MaintenanceProcessor, ReminderProcessor } from './reminders.processors.js';

/** Loaded only when this process runs workers (APP_ROLE worker or all). */
@Module({
  imports: [RemindersModule, DeadlinesModule, NotificationsModule, NotificationsWorkerModule, UsersModule],
  providers: [
    RecipientsService,
    ReminderContentService,
    ReminderFiring,
    FiringPreparation,
    DeliverySender,
    Reconciler,
    MaintenanceScheduler,
    ReminderProcessor,
    DeliveryProcessor,
    MaintenanceProcessor,
  ],
})
export class RemindersWorkerModule {}
