import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { User } from '../users/user.entity.js';
import { ApiCreated, ApiNoContent, ApiOk, ListOf } from '../common/openapi.js';
import { ApiTokenResponse, CreatedApiTokenResponse } from './api-token.response.js';
import { ApiTokensService } from './api-tokens.service.js';
import { CurrentUser } from '../common/auth.decorators.js';
import { CreateApiTokenDto } from './dto/auth.dto.js';
import { SessionOnlyGuard } from './session-only.guard.js';

@ApiTags('me')
@Controller('me/tokens')
export class TokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @UseGuards(SessionOnlyGuard)
  @ApiOperation({
    summary:
      'Create a personal API token (signed in with a session, not a token); the token is shown only in this answer',
  })
  @ApiSecurity('cookie')
  @ApiCreated(CreatedApiTokenResponse)
  async create(@CurrentUser() user: User, @Body() dto: CreateApiTokenDto) {
    const { token, apiToken } = await this.tokens.create(
      user,
      dto.name,
      dto.expiresAt ? new Date(dto.expiresAt) : undefined,
    );
    return { ...apiToken, token };
  }

  @Get()
  @ApiOperation({ summary: 'Your API tokens that are not revoked, newest first' })
  @ApiOk(ListOf(ApiTokenResponse))
  async list(@CurrentUser() user: User) {
    return { items: await this.tokens.list(user.id) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a token at once' })
  @ApiNoContent()
  revoke(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    return this.tokens.revoke(user, id);
  }
}
