import { BadRequestException, HttpException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { ActivityService, diffFields } from '../activity/activity.service.js';
import { Clock } from '../common/clock.js';
import { User } from '../users/user.entity.js';
import type { CreateSectionDto, ReorderSectionsDto, UpdateSectionDto } from './dto/section.dto.js';
import {
  assertTextEditable,
  findSection,
  lockSubmission,
  makeRoomAt,
  renumberSections,
} from './submissions.repository.js';
import { Section, SectionRevision } from './section.entity.js';
import { requireLead, requireSectionEdit } from './submission-roles.js';
import { Submission } from './submission.entity.js';
import { countWords } from '../../shared/word-count.js';
import { type SectionView, SectionViews, staleVersion } from './section.views.js';
import { badField } from '../common/refusal.js';

/** Sections: ordered parts of the text with optimistic concurrency; every save is kept as a revision. */
@Injectable()
export class SectionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly activity: ActivityService,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly views: SectionViews,
  ) {}

  async list(user: User, submissionId: string): Promise<SectionView[]> {
    await this.access.requireAccess(user, 'submission', submissionId, 'read');
    return this.listOf(user, submissionId);
  }

  private async listOf(user: User, submissionId: string): Promise<SectionView[]> {
    const sections = await this.db.getRepository(Section).find({ where: { submissionId }, order: { position: 'ASC' } });
    return this.views.many(this.db.manager, sections, user);
  }

  async get(user: User, submissionId: string, sectionId: string): Promise<SectionView> {
    await this.access.requireAccess(user, 'submission', submissionId, 'read');
    return this.view(user, submissionId, sectionId);
  }

  private async view(user: User, submissionId: string, sectionId: string): Promise<SectionView> {
    const section = await findSection(this.db.manager, submissionId, sectionId);
    const [view] = await this.views.many(this.db.manager, [section], user);
    return view;
  }

  async create(actor: User, submissionId: string, dto: CreateSectionDto): Promise<SectionView> {
    await this.access.requireAccess(actor, 'submission', submissionId, 'write');
    const id = await this.db.transaction(async (manager) => {
      const submission = await lockSubmission(manager, submissionId, 'update');
      requireLead(actor, submission, 'add sections');
      assertTextEditable(submission, 'the list of sections');
      if (dto.assigneeId) await this.assertAssignee(submissionId, dto.assigneeId);
      const repo = manager.getRepository(Section);
      const count = await repo.countBy({ submissionId });
      const position = Math.min(dto.position ?? count + 1, count + 1);
      if (position <= count) await makeRoomAt(manager, submissionId, position);
      const now = this.clock.now();
      const section = await repo.save(
        repo.create({
          submissionId,
          position,
          title: dto.title,
          assigneeId: dto.assigneeId ?? null,
          body: dto.body ?? '',
          status: dto.status ?? 'not_started',
          version: 1,
          updatedById: actor.id,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.keepRevision(manager, section, actor);
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'section.created',
        subjectType: 'section',
        subjectId: section.id,
        summary: `Added section "${section.title}" to "${submission.title}"`,
        params: { title: section.title, submission: submission.title },
        changes: { submissionId },
      });
      return section.id;
    });
    return this.view(actor, submissionId, id);
  }

  /**
   * Saves an edit made on `expectedVersion` (the body's `version` or If-Match, see `editedVersion`). The
   * conditional UPDATE is the concurrency check: of many saves on the same version exactly one matches;
   * the others get 409 with the current text.
   */
  async update(
    actor: User,
    submissionId: string,
    sectionId: string,
    dto: UpdateSectionDto,
    expectedVersion: number | undefined,
  ): Promise<SectionView> {
    await this.access.requireAccess(actor, 'submission', submissionId, 'write');
    if (expectedVersion === undefined) {
      throw new HttpException({ message: 'Send the version you edited (body `version` or an If-Match header)' }, 428);
    }
    const { version: _ignored, position, ...fields } = dto;
    await this.db.transaction(async (manager) => {
      const submission = await lockSubmission(manager, submissionId, position !== undefined ? 'update' : 'share');
      const current = await findSection(manager, submissionId, sectionId);
      const changed = [
        ...(Object.keys(fields) as (keyof typeof fields)[]).filter(
          (f) => fields[f] !== undefined && fields[f] !== current[f],
        ),
        ...(position !== undefined && position !== current.position ? ['position'] : []),
      ];
      requireSectionEdit(actor, submission, current, await this.organizationOf(manager, current.assigneeId), changed);
      assertTextEditable(submission);
      if (fields.assigneeId && changed.includes('assigneeId'))
        await this.assertAssignee(submissionId, fields.assigneeId);
      const now = this.clock.now();
      const result = await manager
        .createQueryBuilder()
        .update(Section)
        .set({ ...fields, version: () => 'version + 1', updatedById: actor.id, updatedAt: now })
        .where('id = :id AND version = :version', { id: sectionId, version: expectedVersion })
        .execute();
      if (!result.affected) throw await staleVersion(manager, sectionId, expectedVersion);
      const saved = await manager.getRepository(Section).findOneByOrFail({ id: sectionId });
      const before = await manager.getRepository(SectionRevision).findOneBy({ sectionId, version: expectedVersion });
      await this.keepRevision(manager, saved, actor);
      const changes: Record<string, unknown> = before ? diffFields(before, fields) : {};
      if (changes.body) changes.body = [`${countWords(before!.body)} words`, `${countWords(saved.body)} words`];
      if (position !== undefined && position !== saved.position) {
        const order = await manager
          .getRepository(Section)
          .find({ where: { submissionId }, order: { position: 'ASC' } });
        const ids = order.map((s) => s.id).filter((id) => id !== sectionId);
        ids.splice(Math.min(position, ids.length + 1) - 1, 0, sectionId);
        await renumberSections(manager, submissionId, ids);
        changes.position = [saved.position, ids.indexOf(sectionId) + 1];
      }
      changes.version = [expectedVersion, saved.version];
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'section.updated',
        subjectType: 'section',
        subjectId: sectionId,
        summary: `Saved version ${saved.version} of section "${saved.title}" of "${submission.title}"`,
        params: {
          version: saved.version,
          title: saved.title,
          submission: submission.title,
          fields: Object.keys(changes).filter((field) => field !== 'version'),
        },
        changes,
      });
    });
    return this.view(actor, submissionId, sectionId);
  }

  async reorder(actor: User, submissionId: string, dto: ReorderSectionsDto): Promise<SectionView[]> {
    await this.access.requireAccess(actor, 'submission', submissionId, 'write');
    await this.db.transaction(async (manager) => {
      const submission = await lockSubmission(manager, submissionId, 'update');
      requireLead(actor, submission, 'reorder sections');
      assertTextEditable(submission, 'the order of sections');
      const current = await manager
        .getRepository(Section)
        .find({ where: { submissionId }, order: { position: 'ASC' } });
      const known = new Set(current.map((s) => s.id));
      if (dto.sectionIds.length !== current.length || dto.sectionIds.some((id) => !known.has(id))) {
        throw badField('sectionIds', 'invalid', 'list every section of this submission exactly once');
      }
      await renumberSections(manager, submissionId, dto.sectionIds);
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'submission.sections_reordered',
        subjectType: 'submission',
        subjectId: submissionId,
        summary: `Reordered the sections of "${submission.title}"`,
        params: { title: submission.title },
        changes: { order: [current.map((s) => s.id), dto.sectionIds] },
      });
    });
    return this.listOf(actor, submissionId);
  }

  async remove(actor: User, submissionId: string, sectionId: string): Promise<void> {
    await this.access.requireAccess(actor, 'submission', submissionId, 'write');
    await this.db.transaction(async (manager) => {
      const submission = await lockSubmission(manager, submissionId, 'update');
      requireLead(actor, submission, 'delete sections');
      assertTextEditable(submission, 'the list of sections');
      const section = await findSection(manager, submissionId, sectionId);
      await manager.getRepository(Section).delete({ id: sectionId });
      const rest = await manager.getRepository(Section).find({ where: { submissionId }, order: { position: 'ASC' } });
      await renumberSections(
        manager,
        submissionId,
        rest.map((s) => s.id),
      );
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'section.deleted',
        subjectType: 'section',
        subjectId: sectionId,
        summary: `Removed section "${section.title}" (version ${section.version}, ${countWords(section.body)} words) from "${submission.title}"`,
        params: {
          title: section.title,
          version: section.version,
          count: countWords(section.body),
          submission: submission.title,
        },
        changes: { submissionId, title: section.title, body: section.body },
      });
    });
  }

  private async keepRevision(manager: EntityManager, section: Section, author: User): Promise<void> {
    await manager.getRepository(SectionRevision).insert({
      sectionId: section.id,
      version: section.version,
      title: section.title,
      body: section.body,
      status: section.status,
      assigneeId: section.assigneeId,
      authorId: author.id,
      createdAt: section.updatedAt,
    });
  }

  /** 403 (409 once frozen) unless `user` may save the section's text now: what being "in the editor" claims. */
  async requireTextWriter(user: User, submissionId: string, sectionId: string): Promise<void> {
    await this.access.requireAccess(user, 'submission', submissionId, 'write');
    const manager = this.db.manager;
    const submission = await manager.getRepository(Submission).findOneByOrFail({ id: submissionId });
    const section = await findSection(manager, submissionId, sectionId);
    requireSectionEdit(user, submission, section, await this.organizationOf(manager, section.assigneeId), ['body']);
    assertTextEditable(submission);
  }

  /** The organisation of a section's assignee: its staff may write the section too. */
  private async organizationOf(manager: EntityManager, userId: string | null): Promise<string | null> {
    if (!userId) return null;
    return (
      (await manager.getRepository(User).findOne({ select: { id: true, organizationId: true }, where: { id: userId } }))
        ?.organizationId ?? null
    );
  }

  /** An assignee must be able to edit the submission (coordinator, or staff of the lead or a partner). */
  private async assertAssignee(submissionId: string, assigneeId: string): Promise<void> {
    const assignee = await this.db.getRepository(User).findOneBy({ id: assigneeId });
    if (!assignee) throw badField('assigneeId', 'no_such_record', 'no such user');
    const allowed = await this.access.allowedIds(assignee, 'submission', [submissionId], 'write');
    if (!allowed.has(submissionId)) {
      throw new BadRequestException(
        'assigneeId: the assignee must belong to the lead or a partner organisation, or be a coordinator',
      );
    }
  }
}
