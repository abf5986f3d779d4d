import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request, Response } from 'express';
import { errorBody } from './errors.js';

/**
 * Nest answers unknown paths under /api/v1 itself; anything else (/api/docs/x, /nope) would reach
 * Express's HTML page. Registered once routing is set up, so it only sees what nothing else served.
 */
@Injectable()
export class JsonNotFound implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const express = this.adapterHost.httpAdapter?.getInstance();
    express?.use((req: Request, res: Response) => {
      res.status(404).json(errorBody(404, `Cannot ${req.method} ${req.path}`));
    });
  }
}
