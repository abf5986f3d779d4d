import { BadRequestException, ConflictException } from '@nestjs/common';
import { CLOSING_DATE_TEMPLATE, type Deadline, REVIEW_DATE_TEMPLATE_PREFIX } from './deadline.entity.js';
import { canonicalZone, DEFAULT_OFFSETS, type DeadlineKind, normalizeOffsets, resolveDueAt } from './reminder-times.js';

/** The due time a person gave, in their zone: either `dueAt` (date and time) or `dueDate` (a whole day). */
export function dueFrom(
  dueAt: string | undefined,
  dueDate: string | undefined,
  zone: string,
): { dueAt: Date; dueDate: string | null } {
  if (!!dueAt === !!dueDate)
    throw new BadRequestException('Give either dueAt (date and time) or dueDate (a whole day), not both');
  try {
    return { dueAt: resolveDueAt({ dueAt, dueDate, timeZone: zone }), dueDate: dueDate ?? null };
  } catch (error) {
    throw new BadRequestException((error as Error).message);
  }
}

export interface TimingChange {
  dueAt?: string;
  dueDate?: string;
  timeZone?: string;
}

/** The deadline's due fields after `change`, or null when it changes none of them (a date-only deadline keeps its day). */
export function movedDue(
  d: Deadline,
  change: TimingChange,
): { dueAt: Date; dueDate: string | null; timeZone: string } | null {
  const { dueAt, dueDate, timeZone } = change;
  if (dueAt === undefined && dueDate === undefined && timeZone === undefined) return null;
  const zone = canonicalZone(timeZone ?? d.timeZone)!;
  if (dueAt !== undefined || dueDate !== undefined) return { ...dueFrom(dueAt, dueDate, zone), timeZone: zone };
  if (d.dueDate) return { ...dueFrom(undefined, d.dueDate, zone), timeZone: zone };
  return { dueAt: d.dueAt, dueDate: null, timeZone: zone };
}

/**
 * An opportunity's closing-date deadline follows its `closesAt`, and a review's date deadline the review's
 * date: moving either directly is refused.
 */
export function refuseMovingClosingDate(d: Deadline, change: TimingChange): void {
  if (d.templateId === CLOSING_DATE_TEMPLATE && movesDue(change, d)) {
    throw new ConflictException({
      message: `This deadline is the call's closing date: change closesAt on the opportunity to move it`,
      details: { code: 'deadline.drivenByClosingDate', opportunityId: d.subjectId },
    });
  }
  if (d.templateId?.startsWith(REVIEW_DATE_TEMPLATE_PREFIX) && movesDue(change, d)) {
    throw new ConflictException({
      message: `This deadline is a date of the review: change the date on the review to move it`,
      details: { code: 'deadline.drivenByReviewDate', reviewId: d.subjectId },
    });
  }
}

export function offsetsFor(kind: DeadlineKind, given: string[] | undefined): string[] {
  return normalizeOffsets(given ?? DEFAULT_OFFSETS[kind]);
}

/** Whether the change moves the deadline (a field sent unchanged is not a change). */
function movesDue(change: TimingChange, d: Deadline): boolean {
  if (change.dueDate !== undefined) return true;
  if (change.dueAt !== undefined && new Date(change.dueAt).getTime() !== d.dueAt.getTime()) return true;
  return change.timeZone !== undefined && canonicalZone(change.timeZone) !== d.timeZone;
}
