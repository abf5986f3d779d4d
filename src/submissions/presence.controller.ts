import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth.decorators.js';
import { ApiNoContent, ApiOk, ListOf } from '../common/openapi.js';
import type { User } from '../users/user.entity.js';
import { PresenceService } from './presence.service.js';
import { PresenceResponse } from './section.response.js';

@ApiTags('submissions')
@Controller('submissions/:id/sections/:sectionId/presence')
export class PresenceController {
  constructor(private readonly presence: PresenceService) {}

  @Get()
  @ApiOperation({ summary: 'Who else has the section open in the editor (a hint, not a lock)' })
  @ApiOk(ListOf(PresenceResponse))
  async list(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
  ) {
    return { items: await this.presence.list(user, id, sectionId) };
  }

  @Put()
  @ApiOperation({
    summary:
      'Say you have the section open to write (send every 15 s; it lapses after 45 s): only those who may save its text; answers who else has',
  })
  @ApiOk(ListOf(PresenceResponse))
  async beat(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
  ) {
    return { items: await this.presence.beat(user, id, sectionId) };
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Say you closed the section' })
  @ApiNoContent()
  leave(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
  ) {
    return this.presence.leave(user, id, sectionId);
  }
}
