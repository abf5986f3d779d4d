import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import { PUBLIC_EXTENSION, SIGNED_REQUEST_EXTENSION } from '../common/openapi.js';
import type { Role, User } from '../users/user.entity.js';

export const IS_PUBLIC = 'isPublic';
export const SIGNED_REQUEST = 'signedRequest';
export const MIN_ROLE = 'minRole';

/** No sign-in needed (login, health, calendar feeds, signed links); the OpenAPI document says so. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));

/**
 * The request proves itself with a secret it carries (a signed link token, a webhook secret),
 * not with ambient cookies, so the cross-site origin check does not apply (RFC 8058 one-click
 * unsubscribe comes from the mail provider's servers, Telegram's webhook from Telegram).
 */
export const SignedRequest = () =>
  applyDecorators(SetMetadata(SIGNED_REQUEST, true), ApiExtension(SIGNED_REQUEST_EXTENSION, true));

/** The lowest role allowed; higher roles are allowed too (admin > coordinator > member > viewer). */
export const MinRole = (role: Role) => SetMetadata(MIN_ROLE, role);

export interface AuthenticatedRequest extends Request {
  user?: User;
  sessionId?: string;
  authMethod?: 'session' | 'token';
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): User => {
  const user = ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a route without authentication');
  return user;
});
