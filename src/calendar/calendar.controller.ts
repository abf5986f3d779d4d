import { Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { Response } from 'express';
import { CurrentUser, Public } from '../common/auth.decorators.js';
import type { User } from '../users/user.entity.js';
import { CalendarService, FEED_SCOPES } from './calendar.service.js';
import { ApiCreated, ApiFile, ApiOk } from '../common/openapi.js';
import { CalendarFeedResponse } from './calendar.response.js';

export class FeedScopeQuery {
  @ApiPropertyOptional({
    enum: FEED_SCOPES,
    enumName: 'FeedSubjectType',
    description: 'A feed of one opportunity or submission only',
  })
  @IsOptional()
  @IsIn(FEED_SCOPES)
  subjectType?: (typeof FEED_SCOPES)[number];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;
}

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('me/calendar')
  @ApiOperation({ summary: 'Your calendar feed URL (secret; subscribe to it in Google Calendar or Outlook)' })
  @ApiOk(CalendarFeedResponse, 404)
  feed(@CurrentUser() user: User, @Query() scope: FeedScopeQuery) {
    return this.calendar.feedUrl(user, scope);
  }

  @Post('me/calendar/regenerate')
  @ApiOperation({
    summary: 'A new feed URL; every feed URL you had (this one and those of single records) stops working',
  })
  @ApiCreated(CalendarFeedResponse, 404)
  regenerate(@CurrentUser() user: User, @Query() scope: FeedScopeQuery) {
    return this.calendar.feedUrl(user, scope, true);
  }

  @Get('calendar/:token.ics')
  @Public()
  @ApiOperation({ summary: 'iCalendar feed of the deadlines its user can see' })
  @ApiFile(['text/calendar'])
  async ics(@Param('token') token: string, @Res() res: Response) {
    const body = await this.calendar.render(token);
    res.status(200).type('text/calendar; charset=utf-8').setHeader('Cache-Control', 'private, max-age=300');
    res.send(body);
  }
}
