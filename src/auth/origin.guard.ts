import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Reflector } from '@nestjs/core';
import { AppConfig } from '../config/app-config.js';
import { SIGNED_REQUEST } from '../common/auth.decorators.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for cookie sessions: besides SameSite=Lax, a state-changing
 * request from a browser must come from our own origin. Bearer-token calls
 * (scripts) carry no ambient credentials and are not checked.
 */
@Injectable()
export class OriginGuard implements CanActivate {
  private readonly publicOrigin: string;

  constructor(
    config: AppConfig,
    private readonly reflector: Reflector,
  ) {
    this.publicOrigin = new URL(config.publicUrl).origin;
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(SIGNED_REQUEST, [context.getHandler(), context.getClass()]))
      return true;
    const refusal = crossSiteRefusal(context.switchToHttp().getRequest<Request>(), this.publicOrigin);
    if (refusal) throw new ForbiddenException(refusal);
    return true;
  }
}

/** Why a state-changing cookie request looks cross-site, or null when it may go on (also used outside Nest's guards). */
export function crossSiteRefusal(req: Request, publicOrigin: string): string | null {
  if (SAFE_METHODS.has(req.method) || req.headers.authorization) return null;
  const origin = req.headers.origin ?? refererOrigin(req.headers.referer);
  if (origin) {
    const ownOrigin = `${req.protocol}://${req.headers.host}`;
    return origin !== publicOrigin && origin !== ownOrigin
      ? 'Cross-site request refused: the Origin is not this application'
      : null;
  }
  return req.headers['sec-fetch-site'] === 'cross-site' ? 'Cross-site request refused' : null;
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'invalid';
  }
}
