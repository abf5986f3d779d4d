import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { ReadStream } from 'node:fs';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { ACCEPTED_FORMATS, ACCEPTED_TYPES, detectFileType, hiddenContent } from './file-type.js';
import { StoredFile } from './stored-file.entity.js';
import { notFound, Refusal } from '../common/refusal.js';

export interface Upload {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/**
 * Keeps uploaded bytes under UPLOAD_DIR (the size limit is multer's, from MAX_UPLOAD_BYTES)
 * and their metadata in Postgres. Whoever serves a file checks access first.
 */
@Injectable()
export class FilesService {
  constructor(private readonly config: AppConfig) {}

  /** Type-checks by content, writes the bytes, and inserts the row in the caller's transaction. */
  async store(manager: EntityManager, upload: Upload | undefined, uploadedBy: string): Promise<StoredFile> {
    if (!upload || upload.size === 0)
      throw new Refusal(415, 'file_missing', `Send one non-empty file in the "file" field (${ACCEPTED_TYPES})`, {
        accepted: ACCEPTED_FORMATS,
      });
    const type = detectFileType(upload.buffer);
    if (!type)
      throw new Refusal(415, 'file_type_not_accepted', `This file type is not accepted; send ${ACCEPTED_TYPES}`, {
        accepted: ACCEPTED_FORMATS,
      });
    const hidden = hiddenContent(upload.buffer, type);
    if (hidden)
      throw new Refusal(
        415,
        'file_type_not_accepted',
        `This ${type.ext.toUpperCase()} file also holds ${hidden}; such files are refused`,
        { accepted: ACCEPTED_FORMATS, type: type.ext.toUpperCase() },
      );
    const id = randomUUID();
    const storageKey = `${id.slice(0, 2)}/${id}.${type.ext}`;
    const target = this.pathOf(storageKey);
    await mkdir(resolve(target, '..'), { recursive: true });
    const temp = `${target}.part`;
    await writeFile(temp, upload.buffer, { flag: 'wx' });
    await rename(temp, target);
    const repo = manager.getRepository(StoredFile);
    const row = repo.create({
      id,
      storageKey,
      originalName: safeName(upload.originalname, type.ext),
      contentType: type.mime,
      sizeBytes: upload.size,
      sha256: createHash('sha256').update(upload.buffer).digest('hex'),
      uploadedBy,
    });
    await repo.insert(row);
    return row;
  }

  async open(manager: EntityManager, fileId: string): Promise<{ file: StoredFile; stream: ReadStream }> {
    const file = await manager
      .getRepository(StoredFile)
      .createQueryBuilder('f')
      .addSelect('f.storageKey')
      .where('f.id = :fileId', { fileId })
      .getOne();
    if (!file) throw notFound('file', 'File not found');
    const stream = createReadStream(this.pathOf(file.storageKey));
    await new Promise<void>((ok, fail) => {
      stream.once('open', () => ok());
      stream.once('error', () => fail(new Refusal(404, 'file_gone', 'The file is no longer stored')));
    });
    return { file, stream };
  }

  /** Deletes the file's row in the caller's transaction; returns its storage key, for removeBytes once committed. */
  async forget(manager: EntityManager, fileId: string): Promise<string | null> {
    const repo = manager.getRepository(StoredFile);
    const file = await repo
      .createQueryBuilder('f')
      .addSelect('f.storageKey')
      .where('f.id = :fileId', { fileId })
      .getOne();
    if (!file) return null;
    await repo.delete(fileId);
    return file.storageKey;
  }

  /** Best effort, after the row is gone or the transaction failed. */
  async removeBytes(storageKey: string): Promise<void> {
    await rm(this.pathOf(storageKey), { force: true });
  }

  private pathOf(storageKey: string): string {
    return join(resolve(this.config.uploadDir), storageKey);
  }
}

/** A file name safe for Content-Disposition, with the extension of what the file really is. */
export function safeName(original: string, ext: string): string {
  const stem = basename((original || 'file').normalize('NFC'))
    .replace(/\.[^.]*$/, '')
    // Letters with their marks (Khmer vowel signs are marks), digits, and a few safe separators.
    .replace(/[^\p{L}\p{M}\p{N} ._()-]+/gu, '_')
    .slice(0, 120)
    .trim();
  return `${stem || 'file'}.${ext}`;
}
