import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { TelegramBlockedChats } from './telegram-blocked-chats.service.js';
import { TelegramController } from './telegram.controller.js';
import { TelegramLinkService } from './telegram-link.service.js';

/** The in-app inbox and Telegram linking. */
@Module({
  imports: [UsersModule],
  controllers: [NotificationsController, TelegramController],
  providers: [NotificationsService, TelegramLinkService, TelegramBlockedChats],
  exports: [NotificationsService, TelegramBlockedChats],
})
export class NotificationsModule {}
