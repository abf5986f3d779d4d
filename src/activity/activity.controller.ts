import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { MinRole } from '../common/auth.decorators.js';
import { CountablePageQuery, PageQuery } from '../common/pagination.js';
import { ActivityService } from './activity.service.js';
import { ApiOk } from '../common/openapi.js';
import { ActivityPageResponse } from './activity.response.js';

export class ActivityQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'opportunity' })
  @IsOptional()
  @Matches(/^[a-zA-Z_]{1,40}$/)
  subjectType?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'user.created' })
  @IsOptional()
  @IsString()
  action?: string;
}

@ApiTags('activity')
@Controller('activity')
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  @Get('recent')
  @MinRole('coordinator')
  @ApiOperation({
    summary: 'Recent activity for the dashboard: as the full list, without sign-ins and edits of one’s own account',
  })
  @ApiOk(ActivityPageResponse, 403)
  recent(@Query() page: CountablePageQuery) {
    return this.activity.recent(page);
  }

  @Get()
  @MinRole('coordinator')
  @ApiOperation({ summary: 'Who did what to which record, newest first (coordinators and admins); the audit log' })
  @ApiOk(ActivityPageResponse, 403)
  list(@Query() query: ActivityQuery) {
    const { subjectType, subjectId, actorId, action, ...page } = query;
    return this.activity.list({ subjectType, subjectId, actorId, action }, page);
  }
}
