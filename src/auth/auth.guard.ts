import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasRole } from '../access/roles.js';
import type { Role } from '../users/user.entity.js';
import { ApiTokensService } from './api-tokens.service.js';
import { type AuthenticatedRequest, IS_PUBLIC, MIN_ROLE } from './auth.decorators.js';
import { SESSION_COOKIE, SessionsService } from './sessions.service.js';

/** Signs the caller in from a bearer token or the session cookie, then checks the route's role. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly tokens: ApiTokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (isPublic) {
      // Public routes still learn who is calling (logout needs the session) but never refuse.
      await this.authenticate(req).catch(() => undefined);
      return true;
    }
    await this.authenticate(req);
    if (!req.user) throw new UnauthorizedException('Sign in first (session cookie or Authorization: Bearer token)');

    const minRole = this.reflector.getAllAndOverride<Role | undefined>(MIN_ROLE, targets);
    if (minRole && !hasRole(req.user.role, minRole)) {
      throw new ForbiddenException(`This needs the ${minRole} role or higher`);
    }
    return true;
  }

  private async authenticate(req: AuthenticatedRequest): Promise<void> {
    const header = req.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const user = match ? await this.tokens.resolve(match[1]) : null;
      if (!user) throw new UnauthorizedException('The API token is invalid, expired or revoked');
      req.user = user;
      req.authMethod = 'token';
      return;
    }
    const cookie = (req.signedCookies as Record<string, string | false> | undefined)?.[SESSION_COOKIE];
    if (!cookie) return;
    const found = await this.sessions.resolve(cookie);
    if (!found) return;
    req.user = found.user;
    req.sessionId = found.sessionId;
    req.authMethod = 'session';
  }
}
