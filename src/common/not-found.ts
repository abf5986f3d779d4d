import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request, Response } from 'express';
import { serveWebApp, webAppDirectory } from '../web/web-app.js';
import { errorBody } from './errors.js';

/**
 * Nest answers unknown paths under /api/v1 itself; the web app (when built) answers every other page
 * GET; anything else (/api/docs/x, POST /nope) would reach Express's HTML page. Registered once routing
 * is set up, so it only sees what nothing else served.
 */
@Injectable()
export class JsonNotFound implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const express = this.adapterHost.httpAdapter?.getInstance();
    if (!express) return;
    const webApp = webAppDirectory();
    if (webApp) serveWebApp(express, webApp);
    express.use((req: Request, res: Response) => {
      res.status(404).json(errorBody(404, `Cannot ${req.method} ${req.path}`));
    });
  }
}
