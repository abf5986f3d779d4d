import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasRole } from '../access/roles.js';
import type { Role } from '../users/user.entity.js';
import { type AuthenticatedRequest, IS_PUBLIC, MIN_ROLE } from '../common/auth.decorators.js';
import { Authenticator } from './authenticator.js';
import { Refusal } from '../common/refusal.js';

/** Signs the caller in from a bearer token or the session cookie, then checks the route's role. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
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
    if (!req.user)
      throw new Refusal(401, 'sign_in_required', 'Sign in first (session cookie or Authorization: Bearer token)');

    const minRole = this.reflector.getAllAndOverride<Role | undefined>(MIN_ROLE, targets);
    if (minRole && !hasRole(req.user.role, minRole)) {
      throw new Refusal(403, 'role_required', `This needs the ${minRole} role or higher`, { role: minRole });
    }
    return true;
  }

  private async authenticate(req: AuthenticatedRequest): Promise<void> {
    const principal = await this.authenticator.principal(req);
    if (!principal) return;
    req.user = principal.user;
    req.authMethod = principal.authMethod;
    if (principal.authMethod === 'session') req.sessionId = principal.sessionId;
  }
}
