import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { User } from '../users/user.entity.js';
import { ApiCreated, ApiNoContent, ApiOk, ListOf } from '../common/openapi.js';
import { ApiTokenResponse, CreatedApiTokenResponse } from './api-token.response.js';
import { ApiTokensService } from './api-tokens.service.js';
import { CurrentUser } from './auth.decorators.js';
import { CreateApiTokenDto } from './dto/auth.dto.js';

@ApiTags('me')
@Controller('me/tokens')
export class TokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @ApiOperation({ summary: 'Create a personal API token; the token is shown only in this answer' })
  @ApiCreated(CreatedApiTokenResponse)
  async create(@CurrentUser() user: User, @Body() dto: CreateApiTokenDto) {
    const { token, apiToken } = await this.tokens.create(user, dto.name, dto.expiresAt);
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
