import type { EntityManager } from 'typeorm';
import type { FilesService } from '../files/files.service.js';
import { fileReferenced } from './opportunities.repository.js';

/**
 * A replaced or removed upload: forgets its row when nothing refers to it any more, in the caller's
 * transaction, and returns the storage key whose bytes go once that transaction has committed.
 */
export async function releaseIfUnreferenced(
  manager: EntityManager,
  files: FilesService,
  fileId: string | null,
): Promise<string | null> {
  if (!fileId || (await fileReferenced(manager, fileId))) return null;
  return files.forget(manager, fileId);
}
