import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Response } from 'express';
import { ApiNoContent, ApiOk } from '../common/openapi.js';
import { AppConfig } from '../config/app-config.js';
import { UserResponse } from '../users/user.response.js';
import { userView } from '../users/user.view.js';
import { type AuthenticatedRequest, Public } from '../common/auth.decorators.js';
import { AuthService } from './auth.service.js';
import { LoginDto } from './dto/auth.dto.js';
import { SESSION_COOKIE, SESSION_TTL_MS, SessionsService } from './sessions.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
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

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.config.secureCookies, path: '/' };
  }
}
