import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Response } from 'express';
import { ApiAcceptedWith, ApiNoContent, ApiOk } from '../common/openapi.js';
import { PasswordResetRequestResponse } from './password-reset.response.js';
import { AppConfig } from '../config/app-config.js';
import { UserResponse } from '../users/user.response.js';
import { userView } from '../users/user.view.js';
import { type AuthenticatedRequest, Public } from '../common/auth.decorators.js';
import { AuthService } from './auth.service.js';
import { LoginDto, PasswordResetConfirmDto, PasswordResetRequestDto } from './dto/auth.dto.js';
import { PasswordResetService } from './password-reset.service.js';
import { SESSION_COOKIE, SESSION_TTL_MS, SessionsService } from './sessions.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
    private readonly resets: PasswordResetService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; sets the httpOnly session cookie and returns the user' })
  @ApiOk(UserResponse, 400, 401, 429)
  async login(@Body() dto: LoginDto, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const { token, user } = await this.auth.login(dto.email, dto.password, {
      ip: req.ip ?? 'unknown',
      userAgent: req.headers['user-agent'],
    });
    res.cookie(SESSION_COOKIE, token, { ...this.cookieOptions(), maxAge: SESSION_TTL_MS, signed: true });
    return userView(user);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends this session on the server and clears the cookie' })
  @ApiNoContent()
  async logout(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (req.sessionId) await this.sessions.delete(req.sessionId);
    res.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Forgot password: e-mails a reset link (valid 1 hour, usable once) if the address is an active account',
    description:
      'Always answers 202 with the same body whether or not the address is known. `emailConfigured` says whether ' +
      'this server can send e-mail at all: when false, no link is sent to anyone and an admin must help instead. ' +
      'Limited per IP address and per e-mail address (429).',
  })
  @ApiAcceptedWith(PasswordResetRequestResponse, 400, 429)
  async requestPasswordReset(
    @Body() dto: PasswordResetRequestDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<PasswordResetRequestResponse> {
    await this.resets.request(dto.email, req.ip ?? 'unknown');
    return { emailConfigured: this.config.emailEnabled };
  }

  @Post('password-reset/confirm')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set a new password with the token from a reset e-mail; ends every session and revokes every API token',
    description:
      'A token that is not ours is 400 (`details.code` passwordReset.invalid); an expired or already used one is 410 (passwordReset.expired, passwordReset.used).',
  })
  @ApiOk(UserResponse, 400, 410)
  async confirmPasswordReset(@Body() dto: PasswordResetConfirmDto) {
    return userView(await this.resets.confirm(dto.token, dto.password));
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.config.secureCookies, path: '/' };
  }
}
