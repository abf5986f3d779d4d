import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SentMarkers } from '../common/sent-markers.js';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { UsersModule } from '../users/users.module.js';
import { DELIVERY_CHANNELS, type DeliveryChannel } from './channels/channel.js';
import { EmailChannel } from './channels/email.channel.js';
import { InAppChannel } from './channels/in-app.channel.js';
import { TelegramChannel } from './channels/telegram.channel.js';
import { Digest } from './digest.entity.js';
import { DigestService } from './digest.service.js';
import { NotificationsModule } from './notifications.module.js';

/** The channels (e-mail, Telegram, in-app) and the digests; loaded only in worker processes. */
@Module({
  imports: [TypeOrmModule.forFeature([Digest]), NotificationsModule, UsersModule, DeadlinesModule],
  providers: [
    EmailChannel,
    TelegramChannel,
    InAppChannel,
    {
      provide: DELIVERY_CHANNELS,
      inject: [EmailChannel, TelegramChannel, InAppChannel],
      useFactory: (...channels: DeliveryChannel[]) => channels,
    },
    DigestService,
    SentMarkers,
  ],
  exports: [DELIVERY_CHANNELS, DigestService, InAppChannel, SentMarkers],
})
export class NotificationsWorkerModule {}
