import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { AccessService } from '../access/access.service.js';
import type { AuthenticatedRequest } from '../common/auth.decorators.js';
import { ACCEPTED_TYPES } from '../files/file-type.js';

const UPLOAD_TARGET = 'uploadTarget';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The record an upload goes to: its access subject and the path parameter holding its id. */
export interface UploadTarget {
  subjectType: string;
  idParam: string;
}

/**
 * Checks write access to the upload's record before the file is read: guards run before
 * interceptors, so an outsider's 10 MB never reaches memory. The service checks again.
 */
@Injectable()
export class UploadAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const target = this.reflector.get<UploadTarget | undefined>(UPLOAD_TARGET, context.getHandler());
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const id = req.params[target?.idParam ?? ''];
    // A malformed id is the parameter pipe's 400, after this guard.
    if (target && req.user && typeof id === 'string' && UUID.test(id)) {
      await this.access.requireAccess(req.user, target.subjectType, id, 'write');
    }
    return true;
  }
}

/**
 * One multipart file in field `file` (size limit from MAX_UPLOAD_BYTES, see UploadsInMemory), and the other
 * form fields `fields` the route reads.
 */
export function FileUpload(
  target?: UploadTarget,
  description = `${ACCEPTED_TYPES}; at most MAX_UPLOAD_BYTES`,
  fields: Record<string, SchemaObject> = {},
) {
  return applyDecorators(
    SetMetadata(UPLOAD_TARGET, target),
    UseGuards(UploadAccessGuard),
    UseInterceptors(FileInterceptor('file')),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file', ...Object.keys(fields)],
        properties: { file: { type: 'string', format: 'binary', description }, ...fields },
      },
    }),
  );
}
