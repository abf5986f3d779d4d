import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, MinRole } from '../auth/auth.decorators.js';
import { ApiCreated, ApiNoContent, ApiOk, PageOf } from '../common/openapi.js';
import { CreateUserDto, UpdateUserDto, UserQuery } from './dto/user.dto.js';
import type { User } from './user.entity.js';
import { CreatedUserResponse, InvitationOutcomeResponse, UserResponse } from './user.response.js';
import { userView } from './user.view.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'People of the network (to assign sections, mention, invite)' })
  @ApiOk(PageOf(UserResponse))
  async list(@Query() query: UserQuery) {
    const page = await this.users.list(query);
    return { ...page, items: page.items.map(userView) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user' })
  @ApiOk(UserResponse)
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return userView(await this.users.get(id));
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
