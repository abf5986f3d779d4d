import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTwoFilesPatch, diffLines, diffWords } from 'diff';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { type Page, type PageQuery, pageWindow, toPage } from '../common/pagination.js';
import type { User } from '../users/user.entity.js';
import { findSection, person, userNames } from './submissions.repository.js';
import { SectionRevision } from './section.entity.js';
import { countWords } from '../../shared/word-count.js';

function revisionView(r: SectionRevision, names: Map<string, string>) {
  return {
    id: r.id,
    sectionId: r.sectionId,
    version: r.version,
    title: r.title,
    body: r.body,
    status: r.status,
    assigneeId: r.assigneeId,
    wordCount: countWords(r.body),
    author: person(names, r.authorId),
    createdAt: r.createdAt,
  };
}

/** Reads the kept saves of a section and compares two of them. */
@Injectable()
export class RevisionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  async list(
    user: User,
    submissionId: string,
    sectionId: string,
    query: PageQuery,
  ): Promise<Page<ReturnType<typeof revisionView>>> {
    await this.readSection(user, submissionId, sectionId);
    const window = pageWindow(query);
    const [items, total] = await this.db.getRepository(SectionRevision).findAndCount({
      where: { sectionId },
      order: { version: 'DESC' },
      take: window.limit,
      skip: window.offset,
    });
    const names = await userNames(
      this.db.manager,
      items.map((r) => r.authorId),
    );
    return toPage(
      items.map((r) => revisionView(r, names)),
      total,
      window,
    );
  }

  async get(user: User, submissionId: string, sectionId: string, version: number) {
    await this.readSection(user, submissionId, sectionId);
    const revision = await this.find(sectionId, version);
    return revisionView(revision, await userNames(this.db.manager, [revision.authorId]));
  }

  /** What changed from one revision to another: a unified patch, and word-level changes for display. */
  async diff(user: User, submissionId: string, sectionId: string, fromVersion: number, toVersion?: number) {
    await this.readSection(user, submissionId, sectionId);
    const from = await this.find(sectionId, fromVersion);
    const to = toVersion
      ? await this.find(sectionId, toVersion)
      : await this.db
          .getRepository(SectionRevision)
          .findOneOrFail({ where: { sectionId }, order: { version: 'DESC' } });
    const names = await userNames(this.db.manager, [from.authorId, to.authorId]);
    const lines = diffLines(from.body, to.body);
    const summary = (r: SectionRevision) => ({
      version: r.version,
      title: r.title,
      status: r.status,
      author: person(names, r.authorId),
      createdAt: r.createdAt,
    });
    return {
      sectionId,
      from: summary(from),
      to: summary(to),
      titleChanged: from.title !== to.title,
      statusChanged: from.status !== to.status,
      linesAdded: lines.filter((c) => c.added).reduce((n, c) => n + (c.count ?? 0), 0),
      linesRemoved: lines.filter((c) => c.removed).reduce((n, c) => n + (c.count ?? 0), 0),
      wordsBefore: countWords(from.body),
      wordsAfter: countWords(to.body),
      patch: createTwoFilesPatch(
        `version ${from.version}`,
        `version ${to.version}`,
        ensureNewline(from.body),
        ensureNewline(to.body),
      ),
      changes: diffWords(from.body, to.body).map((c) => ({ value: c.value, added: !!c.added, removed: !!c.removed })),
    };
  }

  private async readSection(user: User, submissionId: string, sectionId: string): Promise<void> {
    await this.access.requireAccess(user, 'submission', submissionId, 'read');
    await findSection(this.db.manager, submissionId, sectionId);
  }

  private async find(sectionId: string, version: number): Promise<SectionRevision> {
    const revision = await this.db.getRepository(SectionRevision).findOneBy({ sectionId, version });
    if (!revision) throw new NotFoundException(`Revision ${version} of this section not found`);
    return revision;
  }
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}
