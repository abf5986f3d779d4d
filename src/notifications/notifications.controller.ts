import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentUser } from '../common/auth.decorators.js';
import { PageQuery } from '../common/pagination.js';
import type { User } from '../users/user.entity.js';
import { NotificationsService } from './notifications.service.js';
import { ApiOk } from '../common/openapi.js';
import { MarkedReadResponse, NotificationPageResponse, NotificationResponse } from './notification.response.js';

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], enumName: 'BooleanString', description: 'Only unread entries' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'My in-app inbox, unread first (with the unread count)' })
  @ApiOk(NotificationPageResponse)
  list(@CurrentUser() user: User, @Query() query: NotificationQuery) {
    return this.notifications.list(user, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every notification of mine read' })
  @ApiOk(MarkedReadResponse)
  readAll(@CurrentUser() user: User) {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one notification read' })
  @ApiOk(NotificationResponse)
  read(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    return this.notifications.markRead(user, id);
  }
}
