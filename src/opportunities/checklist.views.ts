import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Not } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { StoredFile } from '../files/stored-file.entity.js';
import type { User } from '../users/user.entity.js';
import { ChecklistItem } from './checklist-item.entity.js';
import { OrganizationDocument } from './organization-document.entity.js';
import { ORGANIZATION_DOCUMENTS } from './organization-documents-access.js';
import { Partner } from './partner.entity.js';
import { ReadinessService } from './readiness.service.js';

/** Checklist items as clients see them, and which organisation documents a reader may open through one. */
@Injectable()
export class ChecklistViews {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly readiness: ReadinessService,
  ) {}

  /**
   * The organisations (among `organizationIds`) whose documents `user` may open through a checklist item of
   * the opportunity: those they may open directly (their own, or any for a coordinator), and, for staff of an
   * organisation in this consortium (not one that declined), its partners'. Anyone else, such as a member who
   * sees a network-wide opportunity without taking part, is refused as on the direct route.
   */
  async documentsReadable(user: User, opportunityId: string, organizationIds: string[]): Promise<Set<string>> {
    const direct = await this.access.allowedIds(user, ORGANIZATION_DOCUMENTS, organizationIds, 'read');
    if (direct.size === new Set(organizationIds).size || !user.organizationId) return direct;
    const inConsortium = await this.db.getRepository(Partner).exists({
      where: { opportunityId, organizationId: user.organizationId, status: Not('declined') },
    });
    return inConsortium ? new Set(organizationIds) : direct;
  }

  /** Checklist items as `user` sees them: their file, their document (where they may open it) and whether they may edit them. */
  async many(user: User, items: ChecklistItem[], manager: EntityManager = this.db.manager) {
    const fileIds = items.map((i) => i.fileId).filter((x): x is string => !!x);
    const docIds = items.map((i) => i.documentId).filter((x): x is string => !!x);
    const files = fileIds.length ? await manager.getRepository(StoredFile).findBy({ id: In(fileIds) }) : [];
    const docs = docIds.length ? await manager.getRepository(OrganizationDocument).findBy({ id: In(docIds) }) : [];
    const writable = await this.access.allowedIds(
      user,
      'checklistItem',
      items.map((i) => i.id),
      'write',
    );
    const readableDocs = new Set<string>();
    for (const opportunityId of new Set(items.map((i) => i.opportunityId))) {
      const orgs = docs
        .filter((d) => items.some((i) => i.opportunityId === opportunityId && i.documentId === d.id))
        .map((d) => d.organizationId);
      if (!orgs.length) continue;
      const readable = await this.documentsReadable(user, opportunityId, orgs);
      for (const d of docs) if (readable.has(d.organizationId)) readableDocs.add(`${opportunityId}:${d.id}`);
    }
    const today = this.readiness.today();
    const fileById = new Map(files.map((f) => [f.id, f]));
    const docById = new Map(docs.map((d) => [d.id, d]));
    return items.map((item) => {
      const file = item.fileId ? fileById.get(item.fileId) : undefined;
      const doc = item.documentId ? docById.get(item.documentId) : undefined;
      // An organisation document the reader may not open shows what it is, not where to get it.
      const docOpen = !!doc && readableDocs.has(`${item.opportunityId}:${doc.id}`);
      return {
        ...item,
        file: file
          ? {
              id: file.id,
              name: file.originalName,
              contentType: file.contentType,
              sizeBytes: file.sizeBytes,
              uploadedAt: file.createdAt,
            }
          : null,
        document: doc
          ? {
              id: doc.id,
              title: doc.title,
              kind: doc.kind,
              expiresOn: doc.expiresOn,
              expired: !!doc.expiresOn && doc.expiresOn < today,
              hasFile: !!doc.fileId,
              url: docOpen ? doc.url : null,
            }
          : null,
        downloadPath:
          item.fileId || (docOpen && doc?.fileId)
            ? `/api/v1/opportunities/${item.opportunityId}/checklist/${item.id}/file`
            : null,
        canEdit: writable.has(item.id),
      };
    });
  }
}
