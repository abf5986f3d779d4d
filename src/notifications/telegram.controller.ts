import { Body, Controller, Delete, ForbiddenException, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, MinRole, Public, SignedRequest } from '../common/auth.decorators.js';
import { safeEqual } from '../auth/hmac.js';
import type { User } from '../users/user.entity.js';
import { TelegramLinkService } from './telegram-link.service.js';
import { ApiCreated, ApiNoContent, ApiOk } from '../common/openapi.js';
import {
  TelegramLinkResponse,
  TelegramPollResponse,
  TelegramWebhookRegisteredResponse,
  TelegramWebhookResponse,
} from './telegram.response.js';

@ApiTags('telegram')
@Controller()
export class TelegramController {
  constructor(private readonly telegram: TelegramLinkService) {}

  @Post('me/telegram/link')
  @ApiOperation({
    summary: 'A one-time deep link (t.me/<bot>?start=<token>) that binds your Telegram chat for reminders',
  })
  @ApiCreated(TelegramLinkResponse, 400)
  link(@CurrentUser() user: User) {
    return this.telegram.createLink(user);
  }

  @Delete('me/telegram')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop Telegram reminders to your chat' })
  @ApiNoContent()
  async unlink(@CurrentUser() user: User) {
    await this.telegram.unlink(user);
  }

  @Post('telegram/webhook')
  @Public()
  @SignedRequest()
  @HttpCode(200)
  @ApiOperation({ summary: 'Telegram Bot API webhook (checks X-Telegram-Bot-Api-Secret-Token)' })
  @ApiOk(TelegramWebhookResponse, 403)
  @ApiBody({ description: 'A Telegram Update (Bot API)', schema: { type: 'object', additionalProperties: true } })
  async webhook(@Headers('x-telegram-bot-api-secret-token') secret: string | undefined, @Body() update: unknown) {
    if (!safeEqual(secret, this.telegram.webhookSecret)) throw new ForbiddenException('Wrong webhook secret');
    return { result: await this.telegram.handleUpdate(update as never) };
  }

  @Post('telegram/poll')
  @MinRole('admin')
  @ApiOperation({ summary: 'Fetch pending /start messages with getUpdates (for servers Telegram cannot reach)' })
  @ApiCreated(TelegramPollResponse, 400)
  poll() {
    return this.telegram.poll();
  }

  @Post('telegram/webhook/register')
  @MinRole('admin')
  @ApiOperation({ summary: 'Point the bot webhook at PUBLIC_URL/api/v1/telegram/webhook with the secret' })
  @ApiCreated(TelegramWebhookRegisteredResponse, 400)
  register() {
    return this.telegram.registerWebhook();
  }
}
