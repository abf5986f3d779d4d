import { ApiProperty } from '@nestjs/swagger';

export class TelegramLinkResponse {
  /** Send this to the bot if the link does not open Telegram */
  startCommand: string;

  /** t.me/<bot>?start=<token>, when the bot's name is known */
  url: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt: string;
}

export class TelegramWebhookResponse {
  /** What the update did (for Telegram's delivery log) */
  result: string;
}

export class TelegramPollResponse {
  /** Updates read */
  handled: number;

  /** Chats linked from them */
  linked: number;
}

export class TelegramWebhookRegisteredResponse {
  /** The webhook URL Telegram now calls */
  url: string;
}
