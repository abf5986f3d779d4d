import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { ACCEPTED_TYPES } from '../files/file-type.js';

/** One multipart file in field `file` (size limit from MAX_UPLOAD_BYTES, see the module's multer options). */
export function FileUpload(description = `${ACCEPTED_TYPES}; at most MAX_UPLOAD_BYTES`) {
  return applyDecorators(
    UseInterceptors(FileInterceptor('file')),
    ApiConsumes('multipart/form-data'),
    ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description } } } }),
  );
}
