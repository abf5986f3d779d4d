import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, type OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { hasRole } from '../access/roles.js';
import { Authenticator } from '../auth/authenticator.js';
import { crossSiteRefusal } from '../auth/origin.guard.js';
import { AppConfig } from '../config/app-config.js';
import { errorBody } from '../common/errors.js';
import { QUEUES } from '../queue/queues.js';
import type { User } from '../users/user.entity.js';

export const QUEUE_BOARD_PATH = '/admin/queues';

/** bull-board at /admin/queues, for admins only (session cookie or bearer token). */
@Injectable()
export class QueueBoard implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly authenticator: Authenticator,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http || !this.config.runsApi) return;
    const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
    const queues = Object.values(QUEUES).map(
      (name) => new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })),
    );
    // @bull-board/express 9.10.1 pins its own copy of @bull-board/api; the types differ, the objects do not.
    createBullBoard({
      queues,
      serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
      options: { uiConfig: { boardTitle: 'CJN Tracker queues' } },
    });
    const publicOrigin = new URL(this.config.publicUrl).origin;
    http.getInstance().use(
      QUEUE_BOARD_PATH,
      (req: Request, res: Response, next: NextFunction) => {
        // Its retry, clean and remove buttons change the queues: the same origin check as every other change.
        const refusal = crossSiteRefusal(req, publicOrigin);
        if (refusal) return void res.status(403).json(errorBody(403, refusal));
        this.admin(req).then((user) => {
          if (!user) return void res.status(401).json(errorBody(401, 'Sign in as an admin to see the queues'));
          if (!hasRole(user.role, 'admin'))
            return void res.status(403).json(errorBody(403, 'The queue dashboard is for admins'));
          next();
        }, next);
      },
      serverAdapter.getRouter(),
    );
  }

  /** The auth guard's sign-in (session cookie or bearer token); a token that is not valid counts as not signed in. */
  private async admin(req: Request): Promise<User | null> {
    const principal = await this.authenticator.principal(req).catch((error: unknown) => {
      if (error instanceof UnauthorizedException) return null;
      throw error;
    });
    return principal?.user ?? null;
  }
}
