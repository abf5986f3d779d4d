import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { AuthenticatedRequest } from '../common/auth.decorators.js';

/** For routes a person must do signed in: a leaked API token cannot make itself more tokens. */
@Injectable()
export class SessionOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (req.authMethod === 'token') {
      throw new ForbiddenException('API tokens cannot do this; sign in with your password in the web app');
    }
    return true;
  }
}
