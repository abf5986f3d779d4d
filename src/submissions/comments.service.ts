import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull, Not } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { hasRole, isCoordinator } from '../access/roles.js';
import { ActivityService } from '../activity/activity.service.js';
import { Clock } from '../common/clock.js';
import { type Page, pageWindow, toPage } from '../common/pagination.js';
import { User } from '../users/user.entity.js';
import { SectionComment } from './comment.entity.js';
import type { CommentQuery, CreateCommentDto } from './dto/comment.dto.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { mentionNotice } from './mention-notice.js';
import { mentionedEmails } from './request-parsing.js';
import { findSection, lockSubmission, person, userNames } from './submissions.repository.js';
import { badField, notFound } from '../common/refusal.js';
import { CONTACT_VISIBLE_SQL } from '../users/contact-visibility.js';

/** People one comment may mention (and notify). */
export const MAX_MENTIONS = 20;

function commentView(c: SectionComment, names: Map<string, string>) {
  return {
    id: c.id,
    sectionId: c.sectionId,
    parentId: c.parentId,
    author: person(names, c.authorId),
    body: c.body,
    mentions: c.mentionedUserIds.map((id) => person(names, id)),
    resolved: !!c.resolvedAt,
    resolvedAt: c.resolvedAt,
    resolvedBy: person(names, c.resolvedById),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
type CommentView = ReturnType<typeof commentView>;
export type ThreadView = CommentView & { replies: CommentView[] };

/** Threaded comments on sections, with resolve / reopen and @mentions that notify in-app. */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly activity: ActivityService,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async list(user: User, submissionId: string, sectionId: string, query: CommentQuery): Promise<Page<ThreadView>> {
    await this.access.requireAccess(user, 'submission', submissionId, 'read');
    await findSection(this.db.manager, submissionId, sectionId);
    const window = pageWindow(query);
    const repo = this.db.getRepository(SectionComment);
    const resolved = query.resolved === undefined ? undefined : query.resolved === 'true' ? Not(IsNull()) : IsNull();
    const [roots, total] = await repo.findAndCount({
      where: { sectionId, parentId: IsNull(), ...(resolved ? { resolvedAt: resolved } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: window.limit,
      skip: window.offset,
    });
    const replies = roots.length
      ? await repo.find({ where: { parentId: In(roots.map((r) => r.id)) }, order: { createdAt: 'ASC', id: 'ASC' } })
      : [];
    const all = [...roots, ...replies];
    const names = await userNames(
      this.db.manager,
      all.flatMap((c) => [c.authorId, c.resolvedById, ...c.mentionedUserIds]),
    );
    const threads = roots.map((root) => ({
      ...commentView(root, names),
      replies: replies.filter((r) => r.parentId === root.id).map((r) => commentView(r, names)),
    }));
    return toPage(threads, total, window);
  }

  async create(actor: User, submissionId: string, sectionId: string, dto: CreateCommentDto): Promise<CommentView> {
    await this.access.requireAccess(actor, 'submission', submissionId, 'read');
    this.assertMayComment(actor);
    const comment = await this.db.transaction(async (manager) => {
      await lockSubmission(manager, submissionId, 'share'); // 409 once archived
      const section = await findSection(manager, submissionId, sectionId);
      let parentId: string | null = null;
      if (dto.parentId) {
        const parent = await manager.getRepository(SectionComment).findOneBy({ id: dto.parentId, sectionId });
        if (!parent) throw badField('parentId', 'no_such_record', 'no such comment on this section');
        parentId = parent.parentId ?? parent.id; // threads are one level deep
      }
      const mentioned = await this.mentionable(manager, actor, submissionId, dto);
      const now = this.clock.now();
      const repo = manager.getRepository(SectionComment);
      const saved = await repo.save(
        repo.create({
          sectionId,
          parentId,
          authorId: actor.id,
          body: dto.body,
          mentionedUserIds: mentioned,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.notifications.notify(manager, mentioned, mentionNotice(actor, submissionId, section, saved));
      await this.activity.record(manager, {
        actorId: actor.id,
        action: parentId ? 'comment.replied' : 'comment.created',
        subjectType: 'section',
        subjectId: sectionId,
        summary: `${parentId ? 'Replied to a comment' : 'Commented'} on section "${section.title}"${mentioned.length ? ` mentioning ${mentioned.length} user(s)` : ''}`,
        params: { section: section.title, count: mentioned.length },
        changes: { commentId: saved.id, mentionedUserIds: mentioned },
      });
      return saved;
    });
    return this.view(comment);
  }

  async update(
    actor: User,
    submissionId: string,
    sectionId: string,
    commentId: string,
    body: string,
  ): Promise<CommentView> {
    await this.access.requireAccess(actor, 'submission', submissionId, 'read');
    const comment = await this.db.transaction(async (manager) => {
      const comment = await this.find(manager, submissionId, sectionId, commentId);
      if (comment.authorId !== actor.id) throw new ForbiddenException('Only the author can edit a comment');
      const before = comment.body;
      // An @mention added by the edit notifies that user, as it would in a new comment.
      const mentioned = await this.mentionable(manager, actor, submissionId, { body });
      const added = mentioned.filter((id) => !comment.mentionedUserIds.includes(id));
      comment.body = body;
      comment.mentionedUserIds = [...comment.mentionedUserIds, ...added];
      comment.updatedAt = this.clock.now();
      const saved = await manager.getRepository(SectionComment).save(comment);
      if (added.length) {
        const section = await findSection(manager, submissionId, sectionId);
        await this.notifications.notify(manager, added, mentionNotice(actor, submissionId, section, saved));
      }
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'comment.updated',
        subjectType: 'section',
        subjectId: sectionId,
        summary: `Edited a comment${added.length ? ` mentioning ${added.length} more user(s)` : ''}`,
        params: { count: added.length },
        changes: { commentId, body: [before, body], ...(added.length ? { mentionedUserIds: added } : {}) },
      });
      return saved;
    });
    return this.view(comment);
  }

  /** Resolves (or reopens) a whole thread; done on its first comment. */
  async setResolved(
    actor: User,
    submissionId: string,
    sectionId: string,
    commentId: string,
    resolved: boolean,
  ): Promise<CommentView> {
    await this.access.requireAccess(actor, 'submission', submissionId, 'read');
    this.assertMayComment(actor);
    const comment = await this.db.transaction(async (manager) => {
      const comment = await this.find(manager, submissionId, sectionId, commentId);
      if (comment.parentId) throw new BadRequestException('Resolve or reopen the thread on its first comment');
      if (!!comment.resolvedAt === resolved) return comment;
      comment.resolvedAt = resolved ? this.clock.now() : null;
      comment.resolvedById = resolved ? actor.id : null;
      const saved = await manager.getRepository(SectionComment).save(comment);
      await this.activity.record(manager, {
        actorId: actor.id,
        action: resolved ? 'comment.resolved' : 'comment.reopened',
        subjectType: 'section',
        subjectId: sectionId,
        summary: `${resolved ? 'Resolved' : 'Reopened'} a comment thread`,
        params: {},
        changes: { commentId },
      });
      return saved;
    });
    return this.view(comment);
  }

  async remove(actor: User, submissionId: string, sectionId: string, commentId: string): Promise<void> {
    await this.access.requireAccess(actor, 'submission', submissionId, 'read');
    await this.db.transaction(async (manager) => {
      const comment = await this.find(manager, submissionId, sectionId, commentId);
      if (comment.authorId !== actor.id && !isCoordinator(actor.role))
        throw new ForbiddenException('Only the author or a coordinator can delete a comment');
      // A thread's replies go with it; the text of each leaves the activity log too (its edits kept `body`).
      const gone = comment.parentId
        ? [commentId]
        : [
            commentId,
            ...(await manager.getRepository(SectionComment).findBy({ parentId: commentId })).map((c) => c.id),
          ];
      await manager.getRepository(SectionComment).delete({ id: commentId });
      await manager.query(
        `UPDATE activity SET changes = changes - 'body'
          WHERE action LIKE 'comment.%' AND changes ? 'body' AND changes->>'commentId' = ANY($1)`,
        [gone],
      );
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'comment.deleted',
        subjectType: 'section',
        subjectId: sectionId,
        summary: `Deleted a comment${comment.parentId ? '' : ' thread'}`,
        params: { thread: !comment.parentId },
        changes: { commentId },
      });
    });
  }

  /** Mentioned users who exist and may read the submission; others are left out, never told about it. */
  private async mentionable(
    manager: EntityManager,
    actor: User,
    submissionId: string,
    dto: Pick<CreateCommentDto, 'body' | 'mentionedUserIds'>,
  ): Promise<string[]> {
    // Only addresses the writer may see resolve (as /users shows them), and at most MAX_MENTIONS in all.
    const emails = mentionedEmails(dto.body).slice(0, MAX_MENTIONS);
    const byId = dto.mentionedUserIds?.length
      ? await manager.getRepository(User).findBy({ id: In(dto.mentionedUserIds) })
      : [];
    const byEmailQuery = manager
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) IN (:...emails)', { emails });
    if (!isCoordinator(actor.role))
      byEmailQuery.andWhere(CONTACT_VISIBLE_SQL, { viewerId: actor.id, viewerOrg: actor.organizationId });
    const byEmail = emails.length ? await byEmailQuery.getMany() : [];
    const candidates = [...byId, ...byEmail].filter((u) => u.id !== actor.id && u.status !== 'disabled');
    const result: string[] = [];
    for (const user of candidates) {
      if (result.includes(user.id) || result.length >= MAX_MENTIONS) continue;
      const allowed = await this.access.allowedIds(user, 'submission', [submissionId], 'read');
      if (allowed.has(submissionId)) result.push(user.id);
    }
    return result;
  }

  private assertMayComment(actor: User): void {
    if (!hasRole(actor.role, 'member')) throw new ForbiddenException('Viewers cannot comment');
  }

  /** A comment to change: its submission must not be archived (409). */
  private async find(
    manager: EntityManager,
    submissionId: string,
    sectionId: string,
    commentId: string,
  ): Promise<SectionComment> {
    await lockSubmission(manager, submissionId, 'share');
    await findSection(manager, submissionId, sectionId);
    const comment = await manager.getRepository(SectionComment).findOneBy({ id: commentId, sectionId });
    if (!comment) throw notFound('comment', 'Comment not found');
    return comment;
  }

  private async view(c: SectionComment): Promise<CommentView> {
    return commentView(c, await userNames(this.db.manager, [c.authorId, c.resolvedById, ...c.mentionedUserIds]));
  }
}
