import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { isCoordinator } from '../access/roles.js';
import { ActivityService, diffFields } from '../activity/activity.service.js';
import { pageWindow, toPage } from '../common/pagination.js';
import { FilesService, type Upload } from '../files/files.service.js';
import type { User } from '../users/user.entity.js';
import { ChecklistItem } from './checklist-item.entity.js';
import { releaseIfUnreferenced } from './file-release.js';
import type { ChecklistQuery, CreateChecklistItemDto, UpdateChecklistItemDto } from './dto/checklist.dto.js';
import { mustExist, recordEvent } from './opportunity-activity.js';
import { OpportunitiesService } from './opportunities.service.js';
import { OrganizationDocument } from './organization-document.entity.js';
import { Partner } from './partner.entity.js';
import { ChecklistViews } from './checklist.views.js';
import { badField, notFound } from '../common/refusal.js';

/** What a member of the owing organisation may change on its items. */
const MEMBER_FIELDS = new Set(['status', 'url', 'documentId']);

@Injectable()
export class ChecklistService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly activity: ActivityService,
    private readonly opportunities: OpportunitiesService,
    private readonly files: FilesService,
    private readonly views: ChecklistViews,
  ) {}

  async list(user: User, opportunityId: string, query: ChecklistQuery) {
    await this.access.requireAccess(user, 'opportunity', opportunityId, 'read');
    const window = pageWindow(query);
    const where = {
      opportunityId,
      ...(query.partnerId ? { partnerId: query.partnerId } : {}),
      ...(query.status ? { status: query.status } : {}),
    };
    const [items, total] = await this.db.getRepository(ChecklistItem).findAndCount({
      where,
      order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' },
      take: window.limit,
      skip: window.offset,
    });
    return toPage(await this.views.many(user, items), total, window);
  }

  async get(user: User, opportunityId: string, id: string) {
    const item = await this.findVisible(user, opportunityId, id);
    return (await this.views.many(user, [item]))[0];
  }

  async create(actor: User, opportunityId: string, dto: CreateChecklistItemDto) {
    await this.access.requireAccess(actor, 'opportunity', opportunityId, 'write');
    return this.db.transaction(async (manager) => {
      const opportunity = await this.opportunities.find(manager, opportunityId, true);
      await this.checkLinks(manager, opportunityId, dto.partnerId ?? null, dto.documentId ?? null);
      const repo = manager.getRepository(ChecklistItem);
      const item = await repo.save(repo.create({ ...dto, opportunityId }));
      await recordEvent(this.activity, manager, actor, opportunityId, {
        action: 'checklistItem.created',
        subjectType: 'checklistItem',
        subjectId: item.id,
        summary: `Added checklist item "${item.title}" to "${opportunity.title}"`,
        params: { title: item.title, opportunity: opportunity.title },
      });
      return (await this.views.many(actor, [item], manager))[0];
    });
  }

  async update(actor: User, opportunityId: string, id: string, dto: UpdateChecklistItemDto) {
    await this.findVisible(actor, opportunityId, id);
    await this.access.requireAccess(actor, 'checklistItem', id, 'write');
    if (!isCoordinator(actor.role)) {
      const fields = Object.keys(dto).filter((k) => dto[k as keyof UpdateChecklistItemDto] !== undefined);
      if (fields.some((f) => !MEMBER_FIELDS.has(f))) {
        throw new ForbiddenException(
          "Members may change the status, link and document of their organisation's items only",
        );
      }
      if (dto.status === 'waived') throw new ForbiddenException('Only a coordinator may waive a checklist item');
    }
    return this.db.transaction(async (manager) => {
      const opportunity = await this.opportunities.find(manager, opportunityId, true);
      const repo = manager.getRepository(ChecklistItem);
      const item = mustExist(await repo.findOneBy({ id, opportunityId }), 'Checklist item');
      const partnerId = dto.partnerId !== undefined ? dto.partnerId : item.partnerId;
      const documentId = dto.documentId !== undefined ? dto.documentId : item.documentId;
      await this.checkLinks(manager, opportunityId, partnerId, documentId);
      const patch = { ...dto, ...waiverOf(item, dto) } as Partial<ChecklistItem>;
      const changes = diffFields(item, patch);
      if (!Object.keys(changes).length) return (await this.views.many(actor, [item], manager))[0];
      const saved = await repo.save(repo.merge(item, patch));
      await recordEvent(this.activity, manager, actor, opportunityId, {
        action: changes.status ? (`checklistItem.${saved.status}` as const) : 'checklistItem.updated',
        subjectType: 'checklistItem',
        subjectId: id,
        summary: `${changes.status ? `Marked "${saved.title}" ${saved.status}` : `Updated ${Object.keys(changes).join(', ')} of "${saved.title}"`} on "${opportunity.title}"${saved.status === 'waived' && changes.waiveReason ? `: ${saved.waiveReason}` : ''}`,
        params: {
          title: saved.title,
          opportunity: opportunity.title,
          fields: Object.keys(changes),
          reason: saved.status === 'waived' && changes.waiveReason ? saved.waiveReason : null,
        },
        changes,
      });
      return (await this.views.many(actor, [saved], manager))[0];
    });
  }

  async remove(actor: User, opportunityId: string, id: string): Promise<void> {
    await this.findVisible(actor, opportunityId, id);
    await this.access.requireAccess(actor, 'opportunity', opportunityId, 'write');
    const released = await this.db.transaction(async (manager) => {
      const opportunity = await this.opportunities.find(manager, opportunityId, true);
      const item = mustExist(
        await manager.getRepository(ChecklistItem).findOneBy({ id, opportunityId }),
        'Checklist item',
      );
      await manager.getRepository(ChecklistItem).delete(id);
      const key = await releaseIfUnreferenced(manager, this.files, item.fileId);
      await recordEvent(this.activity, manager, actor, opportunityId, {
        action: 'checklistItem.removed',
        subjectType: 'checklistItem',
        subjectId: id,
        summary: `Removed checklist item "${item.title}" from "${opportunity.title}"`,
        params: { title: item.title, opportunity: opportunity.title },
      });
      return key;
    });
    if (released) await this.files.removeBytes(released);
  }

  /**
   * Marks an item done if it is still to do, for `actor` acting through a signed reminder link (the link is
   * the authorisation, so access is not checked here).
   * Returns whether the item changed.
   */
  async markDone(actor: User, itemId: string, via: 'reminderLink'): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(ChecklistItem);
      const item = await repo.findOne({ where: { id: itemId }, lock: { mode: 'pessimistic_write' } });
      if (!item || item.status !== 'todo') return false;
      await repo.update(itemId, { status: 'done' });
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'checklistItem.updated',
        subjectType: 'checklistItem',
        subjectId: itemId,
        summary: `${actor.name} marked "${item.title}" done from a reminder link`,
        params: { actor: actor.name, title: item.title, via },
        changes: { status: ['todo', 'done'] },
      });
      return true;
    });
  }

  /** Attaches an uploaded file; an item still to do becomes done. */
  async upload(actor: User, opportunityId: string, id: string, upload: Upload | undefined) {
    await this.findVisible(actor, opportunityId, id);
    await this.access.requireAccess(actor, 'checklistItem', id, 'write');
    let storedKey = null as string | null;
    let released = null as string | null;
    try {
      const view = await this.db.transaction(async (manager) => {
        const opportunity = await this.opportunities.find(manager, opportunityId, true);
        const repo = manager.getRepository(ChecklistItem);
        const item = mustExist(await repo.findOneBy({ id, opportunityId }), 'Checklist item');
        const replaced = item.fileId;
        const file = await this.files.store(manager, upload, actor.id);
        storedKey = file.storageKey;
        const patch: Partial<ChecklistItem> = {
          fileId: file.id,
          ...(item.status === 'todo' ? { status: 'done' as const } : {}),
        };
        const changes = diffFields(item, patch);
        const saved = await repo.save(repo.merge(item, patch));
        released = await releaseIfUnreferenced(manager, this.files, replaced);
        await recordEvent(this.activity, manager, actor, opportunityId, {
          action: 'checklistItem.file_uploaded',
          subjectType: 'checklistItem',
          subjectId: id,
          summary: `Uploaded ${file.originalName} for "${item.title}" on "${opportunity.title}"`,
          params: { fileName: file.originalName, title: item.title, opportunity: opportunity.title },
          changes: {
            ...changes,
            file: { name: file.originalName, sizeBytes: file.sizeBytes, contentType: file.contentType },
          },
        });
        return (await this.views.many(actor, [saved], manager))[0];
      });
      if (released) await this.files.removeBytes(released);
      return view;
    } catch (error) {
      if (storedKey) await this.files.removeBytes(storedKey);
      throw error;
    }
  }

  /** The item's own upload, or the file of the organisation document it points at. */
  async download(user: User, opportunityId: string, id: string) {
    const item = await this.findVisible(user, opportunityId, id);
    let fileId = item.fileId;
    if (!fileId && item.documentId) {
      const doc = await this.db.getRepository(OrganizationDocument).findOneBy({ id: item.documentId });
      if (
        doc &&
        !(await this.views.documentsReadable(user, opportunityId, [doc.organizationId])).has(doc.organizationId)
      ) {
        throw notFound('document', 'Document not found');
      }
      fileId = doc?.fileId ?? null;
    }
    if (!fileId) throw new NotFoundException('This checklist item has no file');
    return this.files.open(this.db.manager, fileId);
  }

  async findVisible(user: User, opportunityId: string, id: string): Promise<ChecklistItem> {
    await this.access.requireAccess(user, 'opportunity', opportunityId, 'read');
    const item = await this.db.getRepository(ChecklistItem).findOneBy({ id, opportunityId });
    if (!item) throw notFound('checklistItem', 'Checklist item not found');
    return item;
  }

  /** The partner must be in this consortium; a document must belong to the owing partner (or, for a consortium item, to a partner). */
  private async checkLinks(
    manager: EntityManager,
    opportunityId: string,
    partnerId: string | null,
    documentId: string | null,
  ): Promise<void> {
    const partner = partnerId ? await manager.getRepository(Partner).findOneBy({ id: partnerId, opportunityId }) : null;
    if (partnerId && !partner) throw badField('partnerId', 'no_such_record', 'not a partner of this opportunity');
    if (!documentId) return;
    const document = await manager.getRepository(OrganizationDocument).findOneBy({ id: documentId });
    const allowedOrgs = partner
      ? [partner.organizationId]
      : (await manager.getRepository(Partner).findBy({ opportunityId })).map((p) => p.organizationId);
    if (!document || !allowedOrgs.includes(document.organizationId)) {
      throw badField('documentId', 'no_such_record', 'not a document of the organisation that owes this item');
    }
  }
}

/** A waiver needs its reason; an item leaving `waived` loses it. */
function waiverOf(item: ChecklistItem, dto: UpdateChecklistItemDto): Pick<ChecklistItem, 'waiveReason'> {
  const status = dto.status ?? item.status;
  if (status !== 'waived') {
    if (dto.waiveReason !== undefined) throw badField('waiveReason', 'invalid', 'only a waived item has a reason');
    return { waiveReason: null };
  }
  const reason = dto.waiveReason ?? item.waiveReason;
  if (item.status !== 'waived' && !dto.waiveReason)
    throw badField('waiveReason', 'invalid', 'say why this item is waived');
  return { waiveReason: reason };
}
