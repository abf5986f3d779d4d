import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { ApiTokensService } from './api-tokens.service.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { Authenticator } from './authenticator.js';
import { LoginLimiter } from './login-limiter.js';
import { OriginGuard } from './origin.guard.js';
import { PasswordResetLimiter } from './password-reset-limiter.js';
import { PasswordResetService } from './password-reset.service.js';
import { SessionsService } from './sessions.service.js';
import { TokensController } from './tokens.controller.js';

@Module({
  imports: [UsersModule],
  controllers: [AuthController, TokensController],
  providers: [
    AuthService,
    SessionsService,
    ApiTokensService,
    Authenticator,
    LoginLimiter,
    AuthGuard,
    OriginGuard,
    PasswordResetService,
    PasswordResetLimiter,
  ],
  exports: [SessionsService, ApiTokensService, Authenticator, AuthGuard, OriginGuard, PasswordResetService],
})
export class AuthModule {}
