import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, MinRole } from '../common/auth.decorators.js';
import { CreateUserDto, UpdateUserDto, UserQuery } from './dto/user.dto.js';
import type { User } from './user.entity.js';
import { userView, userViewFor } from './user.view.js';
import { UsersService } from './users.service.js';
import { ApiCreated, ApiNoContent, ApiOk, PageOf } from '../common/openapi.js';
import { CreatedUserResponse, InvitationOutcomeResponse, UserResponse } from './user.response.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({
    summary: 'People of the network (to assign sections, mention, invite)',
    description:
      'email and lastLoginAt only for people who share an organisation or a record with the caller (everyone for coordinators and admins)',
  })
  @ApiOk(PageOf(UserResponse))
  async list(@CurrentUser() viewer: User, @Query() query: UserQuery) {
    const page = await this.users.list(viewer, query);
    const visible = await this.users.contactsVisibleTo(
      viewer,
      page.items.map((u) => u.id),
    );
    return { ...page, items: page.items.map((u) => userViewFor(u, visible.has(u.id))) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A person; email and lastLoginAt as in the list' })
  @ApiOk(UserResponse)
  async get(@CurrentUser() viewer: User, @Param('id', ParseUUIDPipe) id: string) {
    const user = await this.users.get(id);
    return userViewFor(user, (await this.users.contactsVisibleTo(viewer, [id])).has(id));
  }

  @Post()
  @MinRole('admin')
  @ApiOperation({ summary: 'Create a user; without a password an invitation is e-mailed (or its link returned)' })
  @ApiCreated(CreatedUserResponse)
  async create(@CurrentUser() actor: User, @Body() dto: CreateUserDto) {
    const { user, invitation } = await this.users.create(actor, dto);
    return { ...userView(user), invitation };
  }

  @Patch(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Change a user (admins): name, role, organisation, status, preferences' })
  @ApiOk(UserResponse)
  async update(@CurrentUser() actor: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto) {
    return userView(await this.users.update(actor, id, dto));
  }

  @Post(':id/invitation')
  @MinRole('admin')
  @ApiOperation({ summary: 'Send a new invitation (the old link stops working)' })
  @ApiCreated(InvitationOutcomeResponse)
  resendInvitation(@CurrentUser() actor: User, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.resendInvitation(actor, id);
  }

  @Delete(':id')
  @MinRole('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Disable a user (their work stays attributed to them)' })
  @ApiNoContent()
  disable(@CurrentUser() actor: User, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.disable(actor, id);
  }
}
