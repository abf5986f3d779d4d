import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { AuthenticatedRequest } from '../common/auth.decorators.js';
import { Refusal } from '../common/refusal.js';

/** For routes a person must do signed in: a leaked API token cannot make itself more tokens. */
@Injectable()
export class SessionOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (req.authMethod === 'token') {
      throw new Refusal(
        403,
        'api_token_not_allowed',
        'API tokens cannot do this; sign in with your password in the web app',
      );
    }
    return true;
  }
}
