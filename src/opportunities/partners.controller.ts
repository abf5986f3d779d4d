import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth.decorators.js';
import type { User } from '../users/user.entity.js';
import { CreatePartnerDto, PartnerQuery, UpdatePartnerDto } from './dto/partner.dto.js';
import { PartnersService } from './partners.service.js';
import { ApiCreated, ApiNoContent, ApiOk } from '../common/openapi.js';
import { PartnerPageResponse, PartnerResponse } from './partner.response.js';

@ApiTags('opportunities')
@Controller('opportunities/:id/partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Get()
  @ApiOperation({ summary: 'The consortium, with budget totals per currency' })
  @ApiOk(PartnerPageResponse)
  list(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Query() query: PartnerQuery) {
    return this.partners.list(user, id, query);
  }

  @Post()
  @ApiOperation({ summary: 'Invite an organisation (coordinators); its members are notified' })
  @ApiCreated(PartnerResponse)
  create(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreatePartnerDto) {
    return this.partners.create(user, id, dto);
  }

  @Get(':partnerId')
  @ApiOperation({ summary: 'One partner of the consortium' })
  @ApiOk(PartnerResponse)
  get(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
  ) {
    return this.partners.get(user, id, partnerId);
  }

  @Patch(':partnerId')
  @ApiOperation({ summary: "Coordinators change anything; the partner's own members confirm or decline (status)" })
  @ApiOk(PartnerResponse)
  update(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Body() dto: UpdatePartnerDto,
  ) {
    return this.partners.update(user, id, partnerId, dto);
  }

  @Delete(':partnerId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take an organisation out of the consortium (coordinators)' })
  @ApiNoContent()
  remove(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
  ) {
    return this.partners.remove(user, id, partnerId);
  }
}
