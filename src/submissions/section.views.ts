import { ConflictException, Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { User } from '../users/user.entity.js';
import { Section } from './section.entity.js';
import { maySaveSectionText } from './submission-roles.js';
import { Submission } from './submission.entity.js';
import { person, userNames } from './submissions.repository.js';
import { countWords } from '../../shared/word-count.js';

export type SectionView = ReturnType<typeof sectionView> & { canEditText?: boolean };

export function sectionView(s: Section, names: Map<string, string>) {
  return {
    id: s.id,
    submissionId: s.submissionId,
    position: s.position,
    title: s.title,
    assigneeId: s.assigneeId,
    assignee: person(names, s.assigneeId),
    body: s.body,
    status: s.status,
    version: s.version,
    wordCount: countWords(s.body),
    updatedBy: person(names, s.updatedById),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** The 409 for a save made on an older version: who saved since, and the section as it is now. */
export async function staleVersion(
  manager: EntityManager,
  sectionId: string,
  expected: number,
): Promise<ConflictException> {
  const current = await manager.getRepository(Section).findOneBy({ id: sectionId });
  if (!current) return new ConflictException('The section was removed while you were editing it');
  const names = await userNames(manager, [current.updatedById, current.assigneeId]);
  const by = person(names, current.updatedById);
  return new ConflictException({
    message:
      `Someone saved this section first: it is at version ${current.version}` +
      (by ? `, saved by ${by.name}` : '') +
      ` at ${current.updatedAt.toISOString()}; your edit was made on version ${expected}. Merge your changes into the current text and save again.`,
    details: { yourVersion: expected, current: sectionView(current, names) },
  });
}

/** Sections as clients see them. */
@Injectable()
export class SectionViews {
  constructor(private readonly access: AccessService) {}

  /** Sections of one submission as `reader` sees them, with whether they may save each one's text. */
  async many(manager: EntityManager, sections: Section[], reader: User): Promise<SectionView[]> {
    if (!sections.length) return [];
    const names = await userNames(
      manager,
      sections.flatMap((s) => [s.assigneeId, s.updatedById]),
    );
    const submission = await manager
      .getRepository(Submission)
      .findOneOrFail({ where: { id: sections[0].submissionId }, select: { id: true, leadOrganizationId: true } });
    const assigneeIds = [...new Set(sections.map((s) => s.assigneeId).filter((id): id is string => !!id))];
    const assignees = assigneeIds.length
      ? await manager
          .getRepository(User)
          .find({ select: { id: true, organizationId: true }, where: { id: In(assigneeIds) } })
      : [];
    const orgOf = new Map(assignees.map((u) => [u.id, u.organizationId]));
    const writable = (await this.access.allowedIds(reader, 'submission', [submission.id], 'write')).has(submission.id);
    return sections.map((s) => ({
      ...sectionView(s, names),
      canEditText:
        writable && maySaveSectionText(reader, submission, s, s.assigneeId ? (orgOf.get(s.assigneeId) ?? null) : null),
    }));
  }
}
