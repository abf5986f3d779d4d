import { Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, SignedRequest } from '../common/auth.decorators.js';
import type { LinkPayload } from '../auth/signed-links.js';
import { type Language, languageOf, t } from '../i18n/translate.js';
import { escapeHtml } from '../mail/mail.service.js';
import { DeadlineLinksService } from './deadline-links.service.js';
import { ApiHtmlPage } from '../common/openapi.js';

function page(res: Response, status: number, language: Language, title: string, body: string): void {
  res
    .status(status)
    .type('html')
    .send(
      `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · CJN Tracker</title></head>` +
        `<body style="font-family:sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.6"><main><h1 style="font-size:1.3rem">${escapeHtml(title)}</h1>${body}</main></body></html>`,
    );
}

/** A link that does not verify has no user: its page follows the browser's language. */
function invalidLink(res: Response, acceptLanguage: string | undefined): void {
  const language = languageOf(/^\s*km\b/i.test(acceptLanguage ?? '') ? 'km' : 'en');
  page(res, 404, language, t(language, 'links.invalidTitle'), `<p>${escapeHtml(t(language, 'links.invalid'))}</p>`);
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
  async show(@Param('token') token: string, @Res() res: Response, @Headers('accept-language') acceptLanguage?: string) {
    return this.confirm(token, res, 'ack', acceptLanguage);
  }

  @Post('links/:token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge a deadline or mark it done, from a signed link' })
  @ApiHtmlPage()
  async act(@Param('token') token: string, @Res() res: Response, @Headers('accept-language') acceptLanguage?: string) {
    return this.perform(token, res, 'ack', acceptLanguage);
  }

  @Get('unsubscribe/:token')
  @ApiOperation({ summary: 'Confirmation page for stopping reminder e-mails' })
  @ApiHtmlPage()
  async showUnsubscribe(
    @Param('token') token: string,
    @Res() res: Response,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    return this.confirm(token, res, 'unsubscribe', acceptLanguage);
  }

  @Post('unsubscribe/:token')
  @HttpCode(200)
  @ApiOperation({ summary: 'One-click unsubscribe (RFC 8058 List-Unsubscribe-Post)' })
  @ApiHtmlPage()
  async unsubscribe(
    @Param('token') token: string,
    @Res() res: Response,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    return this.perform(token, res, 'unsubscribe', acceptLanguage);
  }

  private verified(token: string, kind: 'ack' | 'unsubscribe'): LinkPayload | null {
    const payload = this.links.verify(token);
    return payload && (kind === 'unsubscribe') === (payload.a === 'unsubscribe') ? payload : null;
  }

  private async confirm(token: string, res: Response, kind: 'ack' | 'unsubscribe', acceptLanguage?: string) {
    const payload = this.verified(token, kind);
    if (!payload) return invalidLink(res, acceptLanguage);
    const [language, what] = await Promise.all([this.links.language(payload), this.links.describe(payload)]);
    return page(
      res,
      200,
      language,
      what,
      `<form method="post"><button type="submit" style="font-size:1rem;padding:.5rem 1rem">${escapeHtml(what)}</button></form>`,
    );
  }

  private async perform(token: string, res: Response, kind: 'ack' | 'unsubscribe', acceptLanguage?: string) {
    const payload = this.verified(token, kind);
    if (!payload) return invalidLink(res, acceptLanguage);
    const language = await this.links.language(payload);
    const outcome = await this.links.perform(payload);
    return page(
      res,
      outcome.ok ? 200 : 404,
      language,
      t(language, outcome.ok ? 'links.doneTitle' : 'links.notPossibleTitle'),
      `<p>${escapeHtml(outcome.message)}</p>`,
    );
  }
}
