import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { ActivityService, diffFields } from '../activity/activity.service.js';
import { pageWindow, toPage } from '../common/pagination.js';
import { FilesService, type Upload } from '../files/files.service.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { User } from '../users/user.entity.js';
import type { CreateDocumentDto, DocumentQuery, UpdateDocumentDto } from './dto/document.dto.js';
import { OrganizationDocument } from './organization-document.entity.js';
import { releaseIfUnreferenced } from './file-release.js';
import { ORGANIZATION_DOCUMENTS } from './organization-documents-access.js';
import { ReadinessService } from './readiness.service.js';
import { notFound } from '../common/refusal.js';

/** Papers an organisation hands in for many applications, with their expiry (who may see them: organization-documents-access.ts). */
@Injectable()
export class OrganizationDocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly activity: ActivityService,
    private readonly files: FilesService,
    private readonly readiness: ReadinessService,
    private readonly access: AccessService,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Checks that `actor` may change the organisation's documents, and returns its name for the activity log. */
  private async requireWrite(actor: User, organizationId: string): Promise<{ name: string }> {
    await this.access.requireAccess(actor, ORGANIZATION_DOCUMENTS, organizationId, 'write');
    const names = await this.organizations.namesByIds([organizationId]);
    return { name: names.get(organizationId) ?? 'an organisation' };
  }

  async list(user: User, organizationId: string, query: DocumentQuery) {
    await this.access.requireAccess(user, ORGANIZATION_DOCUMENTS, organizationId, 'read');
    const window = pageWindow(query);
    const [items, total] = await this.db.getRepository(OrganizationDocument).findAndCount({
      where: { organizationId, ...(query.kind ? { kind: query.kind } : {}) },
      order: { kind: 'ASC', expiresOn: 'DESC', id: 'ASC' },
      take: window.limit,
      skip: window.offset,
    });
    return toPage(await this.views(items), total, window);
  }

  async get(user: User, organizationId: string, id: string) {
    await this.access.requireAccess(user, ORGANIZATION_DOCUMENTS, organizationId, 'read');
    return (await this.views([await this.find(organizationId, id)]))[0];
  }

  async create(actor: User, organizationId: string, dto: CreateDocumentDto) {
    const org = await this.requireWrite(actor, organizationId);
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(OrganizationDocument);
      const doc = await repo.save(repo.create({ ...dto, organizationId, createdBy: actor.id }));
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'organizationDocument.created',
        subjectType: 'organization',
        subjectId: organizationId,
        summary: `Added document "${doc.title}" to ${org.name}`,
        params: { title: doc.title, organization: org.name },
        changes: { documentId: doc.id, kind: doc.kind, expiresOn: doc.expiresOn },
      });
      return (await this.views([doc]))[0];
    });
  }

  async update(actor: User, organizationId: string, id: string, dto: UpdateDocumentDto) {
    const org = await this.requireWrite(actor, organizationId);
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(OrganizationDocument);
      const doc = await this.find(organizationId, id);
      const changes = diffFields(doc, dto as Partial<OrganizationDocument>);
      if (!Object.keys(changes).length) return (await this.views([doc]))[0];
      const saved = await repo.save(repo.merge(doc, dto as Partial<OrganizationDocument>));
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'organizationDocument.updated',
        subjectType: 'organization',
        subjectId: organizationId,
        summary: `Updated ${Object.keys(changes).join(', ')} of document "${saved.title}" of ${org.name}`,
        params: { title: saved.title, organization: org.name, fields: Object.keys(changes) },
        changes: { ...changes, documentId: id },
      });
      return (await this.views([saved]))[0];
    });
  }

  async remove(actor: User, organizationId: string, id: string): Promise<void> {
    const org = await this.requireWrite(actor, organizationId);
    const released = await this.db.transaction(async (manager) => {
      const doc = await this.find(organizationId, id);
      await manager.getRepository(OrganizationDocument).delete(id);
      const key = await releaseIfUnreferenced(manager, this.files, doc.fileId);
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'organizationDocument.removed',
        subjectType: 'organization',
        subjectId: organizationId,
        summary: `Removed document "${doc.title}" of ${org.name}`,
        params: { title: doc.title, organization: org.name },
        changes: { documentId: id },
      });
      return key;
    });
    if (released) await this.files.removeBytes(released);
  }

  async upload(actor: User, organizationId: string, id: string, upload: Upload | undefined) {
    const org = await this.requireWrite(actor, organizationId);
    let storedKey = null as string | null;
    let released = null as string | null;
    try {
      const view = await this.db.transaction(async (manager) => {
        const doc = await this.find(organizationId, id);
        const file = await this.files.store(manager, upload, actor.id);
        storedKey = file.storageKey;
        await manager.getRepository(OrganizationDocument).update(id, { fileId: file.id });
        released = await releaseIfUnreferenced(manager, this.files, doc.fileId);
        await this.activity.record(manager, {
          actorId: actor.id,
          action: 'organizationDocument.file_uploaded',
          subjectType: 'organization',
          subjectId: organizationId,
          summary: `Uploaded ${file.originalName} for document "${doc.title}" of ${org.name}`,
          params: { fileName: file.originalName, title: doc.title, organization: org.name },
          changes: { documentId: id, file: { name: file.originalName, sizeBytes: file.sizeBytes } },
        });
        return (await this.views([{ ...doc, fileId: file.id }], manager))[0];
      });
      if (released) await this.files.removeBytes(released);
      return view;
    } catch (error) {
      if (storedKey) await this.files.removeBytes(storedKey);
      throw error;
    }
  }

  async download(user: User, organizationId: string, id: string) {
    await this.access.requireAccess(user, ORGANIZATION_DOCUMENTS, organizationId, 'read');
    const doc = await this.find(organizationId, id);
    if (!doc.fileId) throw new NotFoundException('This document has no file');
    return this.files.open(this.db.manager, doc.fileId);
  }

  private async find(organizationId: string, id: string): Promise<OrganizationDocument> {
    const doc = await this.db.getRepository(OrganizationDocument).findOneBy({ id, organizationId });
    if (!doc) throw notFound('document', 'Document not found');
    return doc;
  }

  private async views(docs: OrganizationDocument[], manager = this.db.manager) {
    const fileIds = docs.map((d) => d.fileId).filter((x): x is string => !!x);
    const files = fileIds.length ? await manager.getRepository(StoredFile).findBy({ id: In(fileIds) }) : [];
    const byId = new Map(files.map((f) => [f.id, f]));
    const today = this.readiness.today();
    return docs.map((d) => {
      const file = d.fileId ? byId.get(d.fileId) : undefined;
      return {
        ...d,
        expired: !!d.expiresOn && d.expiresOn < today,
        file: file
          ? { id: file.id, name: file.originalName, contentType: file.contentType, sizeBytes: file.sizeBytes }
          : null,
      };
    });
  }
}
