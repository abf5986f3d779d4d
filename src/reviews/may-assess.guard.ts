import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { AuthenticatedRequest } from '../common/auth.decorators.js';
import { AssessmentsService } from './assessments.service.js';

/**
 * Refuses an evidence upload from someone who may not assess the recommendation (`:id`) before the
 * file is read: guards run before the upload interceptor, so their megabytes never reach memory.
 */
@Injectable()
export class MayAssessGuard implements CanActivate {
  constructor(private readonly assessments: AssessmentsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const id = req.params.id;
    // A malformed id is the parameter pipe's 400, after this guard.
    if (req.user && typeof id === 'string' && isUUID(id)) await this.assessments.requireMayAssess(req.user, id);
    return true;
  }
}
