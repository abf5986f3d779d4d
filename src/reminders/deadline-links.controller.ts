import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, SignedRequest } from '../common/auth.decorators.js';
import { escapeHtml } from '../mail/mail.service.js';
import { DeadlineLinksService } from './deadline-links.service.js';
import { ApiHtmlPage } from '../common/openapi.js';

function page(res: Response, status: number, title: string, body: string): void {
  res
    .status(status)
    .type('html')
    .send(
      `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>` +
        `<body style="font-family:sans-serif;max-width:32rem;margin:3rem auto"><h1 style="font-size:1.3rem">${escapeHtml(title)}</h1>${body}</body></html>`,
    );
}

/**
 * Links in reminder messages that work without signing in. GET shows a button (link
 * scanners must not act); POST acts. Unsubscribe POST is RFC 8058 one-click.
 */
@ApiTags('links')
@Controller()
@Public()
@SignedRequest()
export class DeadlineLinksController {
  constructor(private readonly links: DeadlineLinksService) {}

  @Get('links/:token')
  @ApiOperation({ summary: 'Confirmation page of a signed reminder link (acknowledge / mark done)' })
  @ApiHtmlPage()
  async show(@Param('token') token: string, @Res() res: Response) {
    return this.confirm(token, res, 'ack');
  }

  @Post('links/:token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge a deadline or mark it done, from a signed link' })
  @ApiHtmlPage()
  async act(@Param('token') token: string, @Res() res: Response) {
    return this.perform(token, res, 'ack');
  }

  @Get('unsubscribe/:token')
  @ApiOperation({ summary: 'Confirmation page for stopping reminder e-mails' })
  @ApiHtmlPage()
  async showUnsubscribe(@Param('token') token: string, @Res() res: Response) {
    return this.confirm(token, res, 'unsubscribe');
  }

  @Post('unsubscribe/:token')
  @HttpCode(200)
  @ApiOperation({ summary: 'One-click unsubscribe (RFC 8058 List-Unsubscribe-Post)' })
  @ApiHtmlPage()
  async unsubscribe(@Param('token') token: string, @Res() res: Response) {
    return this.perform(token, res, 'unsubscribe');
  }

  private async confirm(token: string, res: Response, kind: 'ack' | 'unsubscribe') {
    const payload = this.links.verify(token);
    if (!payload || (kind === 'unsubscribe') !== (payload.a === 'unsubscribe'))
      return page(res, 404, 'Link not valid', '<p>This link is invalid or has expired.</p>');
    const what = await this.links.describe(payload);
    return page(
      res,
      200,
      what,
      `<form method="post"><button type="submit" style="font-size:1rem;padding:.5rem 1rem">${escapeHtml(what)}</button></form>`,
    );
  }

  private async perform(token: string, res: Response, kind: 'ack' | 'unsubscribe') {
    const payload = this.links.verify(token);
    if (!payload || (kind === 'unsubscribe') !== (payload.a === 'unsubscribe'))
      return page(res, 404, 'Link not valid', '<p>This link is invalid or has expired.</p>');
    const outcome = await this.links.perform(payload);
    return page(
      res,
      outcome.ok ? 200 : 404,
      outcome.ok ? 'Done' : 'Not possible',
      `<p>${escapeHtml(outcome.message)}</p>`,
    );
  }
}
