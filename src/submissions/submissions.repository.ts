import { ConflictException } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { User } from '../users/user.entity.js';
import { Section } from './section.entity.js';
import { Submission } from './submission.entity.js';
import { isFrozen, label } from '../../shared/submission.workflow.js';
import { Refusal, notFound } from '../common/refusal.js';

/**
 * Reads a submission inside a transaction with a row lock: `share` for edits of its parts
 * (many at once), `update` for workflow moves (one at a time, waits for edits in flight).
 * An archived submission is read-only: every change is a 409 (archiving again passes `allowArchived`).
 */
export async function lockSubmission(
  manager: EntityManager,
  id: string,
  mode: 'share' | 'update',
  allowArchived = false,
): Promise<Submission> {
  const submission = await manager
    .getRepository(Submission)
    .createQueryBuilder('s')
    .setLock(mode === 'share' ? 'pessimistic_read' : 'pessimistic_write')
    .where('s.id = :id', { id })
    .getOne();
  if (!submission) throw notFound('submission', 'Submission not found');
  if (submission.archivedAt && !allowArchived) {
    throw new Refusal(409, 'archived', `"${submission.title}" is archived (deleted) and can no longer be changed`, {
      title: submission.title,
    });
  }
  return submission;
}

/** Refuses changes to the text once it is frozen by submission. */
export function assertTextEditable(submission: Submission, what = 'its text'): void {
  if (isFrozen(submission.status)) {
    throw new ConflictException(
      `The submission is ${label(submission.status)}: ${what} is frozen and can no longer be changed`,
    );
  }
}

export async function findSection(manager: EntityManager, submissionId: string, sectionId: string): Promise<Section> {
  const section = await manager.getRepository(Section).findOneBy({ id: sectionId, submissionId });
  if (!section) throw notFound('section', 'Section not found');
  return section;
}

/** Moves the sections at `position` and after one place down, to insert one there. */
export async function makeRoomAt(manager: EntityManager, submissionId: string, position: number): Promise<void> {
  await manager.query(
    `UPDATE submission_sections SET position = position + 1 WHERE submission_id = $1 AND position >= $2`,
    [submissionId, position],
  );
}

/** Positions 1..n in the given order (the unique constraint is checked at commit). */
export async function renumberSections(manager: EntityManager, submissionId: string, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await manager.query(
    `UPDATE submission_sections s SET position = o.ord FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ord)
     WHERE s.id = o.id AND s.submission_id = $1 AND s.position <> o.ord`,
    [submissionId, ids],
  );
}

/** Names of users, for showing who saved or wrote something. */
export async function userNames(manager: EntityManager, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows = await manager.getRepository(User).find({ select: { id: true, name: true }, where: { id: In(wanted) } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function person(names: Map<string, string>, id: string | null): { id: string; name: string } | null {
  return id ? { id, name: names.get(id) ?? 'Unknown user' } : null;
}
