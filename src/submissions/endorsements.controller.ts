import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth.decorators.js';
import type { User } from '../users/user.entity.js';
import { CreateEndorsementDto, EndorsementQuery } from './dto/endorsement.dto.js';
import { EndorsementsService } from './endorsements.service.js';
import { ApiCreated, ApiNoContent, ApiOk, PageOf } from '../common/openapi.js';
import { EndorsementResponse } from './endorsement.response.js';

@ApiTags('submissions')
@Controller('submissions/:id/endorsements')
export class EndorsementsController {
  constructor(private readonly endorsements: EndorsementsService) {}

  @Get()
  @ApiOperation({ summary: 'The signatories, in the order they signed on' })
  @ApiOk(PageOf(EndorsementResponse))
  list(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Query() query: EndorsementQuery) {
    return this.endorsements.list(user, id, query.includeWithdrawn === 'true');
  }

  @Post()
  @ApiOperation({ summary: 'Sign your organisation on (coordinators may sign for another organisation)' })
  @ApiCreated(EndorsementResponse)
  create(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateEndorsementDto) {
    return this.endorsements.endorse(user, id, dto);
  }

  @Delete(':endorsementId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw an endorsement (before submission)' })
  @ApiNoContent()
  withdraw(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('endorsementId', ParseUUIDPipe) endorsementId: string,
  ) {
    return this.endorsements.withdraw(user, id, endorsementId);
  }
}
