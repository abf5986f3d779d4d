import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, MinRole } from '../common/auth.decorators.js';
import type { User } from '../users/user.entity.js';
import { CreateOrganizationDto, OrganizationQuery, UpdateOrganizationDto } from './dto/organization.dto.js';
import { OrganizationsService } from './organizations.service.js';
import { ApiCreated, ApiNoContent, ApiOk, PageOf } from '../common/openapi.js';
import { OrganizationResponse } from './organization.response.js';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOperation({ summary: 'Partner organisations, funders and agencies of the network' })
  @ApiOk(PageOf(OrganizationResponse))
  list(@Query() query: OrganizationQuery) {
    return this.organizations.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One organisation' })
  @ApiOk(OrganizationResponse)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.organizations.get(id);
  }

  @Post()
  @MinRole('coordinator')
  @ApiOperation({ summary: 'Add an organisation (coordinators)' })
  @ApiCreated(OrganizationResponse)
  create(@CurrentUser() user: User, @Body() dto: CreateOrganizationDto) {
    return this.organizations.create(user, dto);
  }

  @Patch(':id')
  @MinRole('coordinator')
  @ApiOperation({ summary: 'Change an organisation (coordinators)' })
  @ApiOk(OrganizationResponse)
  update(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOrganizationDto) {
    return this.organizations.update(user, id, dto);
  }

  @Delete(':id')
  @MinRole('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Archive an organisation (records keep pointing at it)' })
  @ApiNoContent()
  archive(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    return this.organizations.archive(user, id);
  }
}
