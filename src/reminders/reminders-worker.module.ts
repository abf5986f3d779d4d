import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { DELIVERY_CHANNELS, type DeliveryChannel } from './channels/channel.js';
import { EmailChannel } from './channels/email.channel.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { InAppChannel } from './channels/in-app.channel.js';
import { TelegramChannel } from './channels/telegram.channel.js';
import { DeliverySender } from './delivery-sender.service.js';
import { DigestService } from './digest.service.js';
import { MaintenanceScheduler } from './maintenance-scheduler.service.js';
import { Reconciler } from './reconciler.service.js';
import { RecipientsService } from './recipients.service.js';
import { ReminderFiring } from './reminder-firing.service.js';
import { RemindersModule } from './reminders.module.js';
import { DeliveryProcessor, MaintenanceProcessor, ReminderProcessor } from './reminders.processors.js';

/** Loaded only when this process runs workers (APP_ROLE worker or all). */
@Module({
  imports: [RemindersModule, DeadlinesModule, NotificationsModule],
  providers: [
    EmailChannel,
    TelegramChannel,
    InAppChannel,
    {
      provide: DELIVERY_CHANNELS,
      inject: [EmailChannel, TelegramChannel, InAppChannel],
      useFactory: (...channels: DeliveryChannel[]) => channels,
    },
    RecipientsService,
    ReminderFiring,
    DeliverySender,
    Reconciler,
    DigestService,
    MaintenanceScheduler,
    ReminderProcessor,
    DeliveryProcessor,
    MaintenanceProcessor,
  ],
})
export class RemindersWorkerModule {}
