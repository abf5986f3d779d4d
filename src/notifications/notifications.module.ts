import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module.js';
import { Notification } from './notification.entity.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { TelegramBlockedChat } from './telegram-blocked-chat.entity.js';
import { TelegramBlockedChats } from './telegram-blocked-chats.service.js';
import { TelegramLink } from './telegram-link.entity.js';
import { TelegramController } from './telegram.controller.js';
import { TelegramLinkService } from './telegram-link.service.js';

/** The in-app inbox and Telegram linking. */
@Module({
  imports: [TypeOrmModule.forFeature([Notification, TelegramLink, TelegramBlockedChat]), UsersModule],
  controllers: [NotificationsController, TelegramController],
  providers: [NotificationsService, TelegramLinkService, TelegramBlockedChats],
  exports: [NotificationsService, TelegramBlockedChats],
})
export class NotificationsModule {}
