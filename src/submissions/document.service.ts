import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { ActivityService } from '../activity/activity.service.js';
import { Clock } from '../common/clock.js';
import { type Page, type PageQuery, pageWindow, toPage } from '../common/pagination.js';
import type { User } from '../users/user.entity.js';
import { assembleMarkdown, type AssembledDocument } from './assembly.js';
import { lockSubmission, person, userNames } from './submissions.repository.js';
import { Section } from './section.entity.js';
import { SubmissionSnapshot } from './snapshot.entity.js';
import { Submission } from './submission.entity.js';
import { activeEndorsements } from './submission.views.js';
import { countWords } from '../../shared/word-count.js';
import { notFound } from '../common/refusal.js';

export interface DocumentResult {
  document: AssembledDocument;
  markdown: string;
  /** Set when this is the frozen final text. */
  finalSnapshotId: string | null;
}

/** The assembled text (title, sections in order, signatories), its named snapshots and the frozen final text. */
@Injectable()
export class DocumentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly activity: ActivityService,
    private readonly clock: Clock,
    private readonly access: AccessService,
  ) {}

  async assemble(manager: EntityManager, submission: Submission): Promise<AssembledDocument> {
    const sections = await manager
      .getRepository(Section)
      .find({ where: { submissionId: submission.id }, order: { position: 'ASC' } });
    const endorsements = await activeEndorsements(manager, submission.id);
    return {
      title: submission.title,
      targetBody: submission.targetBody,
      kind: submission.kind,
      language: submission.language,
      sessionReference: submission.sessionReference,
      sections: sections.map((s) => ({ id: s.id, title: s.title, body: s.body, version: s.version })),
      signatories: endorsements.map((e) => ({
        organizationId: e.organizationId,
        displayName: e.displayName,
        endorsedAt: e.endorsedAt.toISOString(),
      })),
    };
  }

  /** The frozen final text once submitted; the live assembly before. */
  async current(user: User, id: string): Promise<DocumentResult> {
    await this.access.requireAccess(user, 'submission', id, 'read');
    const final = await this.db.getRepository(SubmissionSnapshot).findOneBy({ submissionId: id, kind: 'final' });
    if (final) return { document: final.content, markdown: final.markdown, finalSnapshotId: final.id };
    const submission = await this.db.getRepository(Submission).findOneBy({ id });
    if (!submission) throw notFound('submission', 'Submission not found');
    const document = await this.assemble(this.db.manager, submission);
    return { document, markdown: assembleMarkdown(document), finalSnapshotId: null };
  }

  async createSnapshot(actor: User, id: string, name: string) {
    await this.access.requireAccess(actor, 'submission', id, 'write');
    const snapshot = await this.db.transaction(async (manager) => {
      const submission = await lockSubmission(manager, id, 'share');
      const saved = await this.writeSnapshot(manager, actor, submission, name, 'named');
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'submission.snapshot_created',
        subjectType: 'submission',
        subjectId: id,
        summary: `Saved snapshot "${name}" of "${submission.title}" (${saved.wordCount} words)`,
        params: { name, title: submission.title, count: saved.wordCount },
        changes: { snapshotId: saved.id },
      });
      return saved;
    });
    return this.view(snapshot, await userNames(this.db.manager, [snapshot.createdById]), true);
  }

  /** Freezes the assembled text as the final snapshot; called in the transaction that submits. */
  async freezeFinal(manager: EntityManager, actor: User, submission: Submission): Promise<SubmissionSnapshot> {
    const day = this.clock.now().toISOString().slice(0, 10);
    return this.writeSnapshot(manager, actor, submission, `Final text as submitted ${day}`, 'final');
  }

  async listSnapshots(user: User, id: string, query: PageQuery): Promise<Page<ReturnType<DocumentService['view']>>> {
    await this.access.requireAccess(user, 'submission', id, 'read');
    const window = pageWindow(query);
    const [items, total] = await this.db.getRepository(SubmissionSnapshot).findAndCount({
      where: { submissionId: id },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: window.limit,
      skip: window.offset,
    });
    const names = await userNames(
      this.db.manager,
      items.map((s) => s.createdById),
    );
    return toPage(
      items.map((s) => this.view(s, names, false)),
      total,
      window,
    );
  }

  async getSnapshot(user: User, id: string, snapshotId: string) {
    await this.access.requireAccess(user, 'submission', id, 'read');
    const snapshot = await this.db.getRepository(SubmissionSnapshot).findOneBy({ id: snapshotId, submissionId: id });
    if (!snapshot) throw notFound('snapshot', 'Snapshot not found');
    return this.view(snapshot, await userNames(this.db.manager, [snapshot.createdById]), true);
  }

  private async writeSnapshot(
    manager: EntityManager,
    actor: User,
    submission: Submission,
    name: string,
    kind: 'named' | 'final',
  ) {
    const document = await this.assemble(manager, submission);
    const repo = manager.getRepository(SubmissionSnapshot);
    return repo.save(
      repo.create({
        submissionId: submission.id,
        name,
        kind,
        content: document,
        markdown: assembleMarkdown(document),
        wordCount: document.sections.reduce((sum, s) => sum + countWords(s.body), 0),
        createdById: actor.id,
        createdAt: this.clock.now(),
      }),
    );
  }

  private view(s: SubmissionSnapshot, names: Map<string, string>, withText: boolean) {
    return {
      id: s.id,
      submissionId: s.submissionId,
      name: s.name,
      kind: s.kind,
      wordCount: s.wordCount,
      createdBy: person(names, s.createdById),
      createdAt: s.createdAt,
      ...(withText ? { markdown: s.markdown, content: s.content } : {}),
    };
  }
}
