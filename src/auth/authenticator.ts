import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../users/user.entity.js';
import { ApiTokensService } from './api-tokens.service.js';
import { SESSION_COOKIE, SessionsService } from './sessions.service.js';
import { Refusal } from '../common/refusal.js';

export type Principal = { user: User; authMethod: 'token' } | { user: User; authMethod: 'session'; sessionId: string };

/** Who is calling: a bearer token wins over the session cookie. Used by the auth guard and by routes mounted outside Nest (bull-board). */
@Injectable()
export class Authenticator {
  constructor(
    private readonly sessions: SessionsService,
    private readonly tokens: ApiTokensService,
  ) {}

  /** The caller, or null when they sent no (live) session; a bearer token that is not valid is a 401. */
  async principal(req: Request): Promise<Principal | null> {
    const header = req.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const user = match ? await this.tokens.resolve(match[1]) : null;
      if (!user) throw new Refusal(401, 'token_invalid', 'The API token is invalid, expired or revoked');
      return { user, authMethod: 'token' };
    }
    const cookie = (req.signedCookies as Record<string, string | false> | undefined)?.[SESSION_COOKIE];
    if (!cookie) return null;
    const found = await this.sessions.resolve(cookie);
    return found ? { user: found.user, authMethod: 'session', sessionId: found.sessionId } : null;
  }
}
