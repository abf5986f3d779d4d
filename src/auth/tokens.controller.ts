import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { User } from '../users/user.entity.js';
import { ApiTokensService } from './api-tokens.service.js';
import { CurrentUser } from './auth.decorators.js';
import { CreateApiTokenDto } from './dto/auth.dto.js';
import { SessionOnlyGuard } from './session-only.guard.js';

@ApiTags('me')
@Controller('me/tokens')
export class TokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @UseGuards(SessionOnlyGuard)
  @ApiOperation({ summary: 'Create a personal API token (signed in with a session, not a token); the token is shown only in this answer' })
  async create(@CurrentUser() user: User, @Body() dto: CreateApiTokenDto) {
    const { token, apiToken } = await this.tokens.create(user, dto.name, dto.expiresAt ? new Date(dto.expiresAt) : undefined);
    return { ...apiToken, token };
  }

  @Get()
  async list(@CurrentUser() user: User) {
    return { items: await this.tokens.list(user.id) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a token at once' })
  revoke(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    return this.tokens.revoke(user, id);
  }
}
