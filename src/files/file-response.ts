import { StreamableFile } from '@nestjs/common';
import type { ReadStream } from 'node:fs';
import type { StoredFile } from './stored-file.entity.js';

/** An attachment download that browsers will not sniff or render inline. */
export function fileResponse(file: StoredFile, stream: ReadStream): StreamableFile {
  const ascii = file.originalName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new StreamableFile(stream, {
    type: file.contentType,
    length: file.sizeBytes,
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
  });
}
