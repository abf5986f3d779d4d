import { ForbiddenException } from '@nestjs/common';
import { hasRole, isCoordinator } from '../access/roles.js';
import type { User } from '../users/user.entity.js';
import type { Section } from './section.entity.js';
import type { Submission } from './submission.entity.js';

/**
 * Who does what on a submission they may already write (see docs/permissions.md):
 * coordinators, admins and the lead organisation's staff run it (title and metadata, partners,
 * workflow, sections and their assignment); a co-drafting partner's staff write the sections
 * assigned to them or to their organisation (body and status), comment and endorse.
 */
export function runsSubmission(
  user: Pick<User, 'role' | 'organizationId'>,
  submission: Pick<Submission, 'leadOrganizationId'>,
): boolean {
  if (isCoordinator(user.role)) return true;
  return hasRole(user.role, 'member') && !!user.organizationId && user.organizationId === submission.leadOrganizationId;
}

/** 403 unless `user` runs the submission; `what` completes "Only … can …". */
export function requireLead(user: User, submission: Pick<Submission, 'leadOrganizationId'>, what: string): void {
  if (!runsSubmission(user, submission)) {
    throw new ForbiddenException(
      `Only a coordinator or staff of the lead organisation can ${what}; partners edit the sections assigned to them`,
    );
  }
}

/** Whether `user` (who may write the submission) may save the section's body and status. */
export function maySaveSectionText(
  user: User,
  submission: Pick<Submission, 'leadOrganizationId'>,
  section: Pick<Section, 'assigneeId'>,
  assigneeOrganizationId: string | null,
): boolean {
  if (runsSubmission(user, submission)) return true;
  if (!hasRole(user.role, 'member')) return false;
  return section.assigneeId === user.id || (!!user.organizationId && assigneeOrganizationId === user.organizationId);
}

/** The section fields a partner's staff may change in a section assigned to them or to their organisation. */
export const ASSIGNEE_FIELDS: readonly string[] = ['body', 'status'];

/**
 * 403 unless `user` may save `changed` fields of `section`: anything when they run the submission;
 * otherwise only body and status, and only when the section is assigned to them or to someone of
 * their organisation (`assigneeOrganizationId`).
 */
export function requireSectionEdit(
  user: User,
  submission: Pick<Submission, 'leadOrganizationId'>,
  section: Pick<Section, 'assigneeId' | 'title'>,
  assigneeOrganizationId: string | null,
  changed: string[],
): void {
  if (runsSubmission(user, submission)) return;
  if (!maySaveSectionText(user, submission, section, assigneeOrganizationId)) {
    throw new ForbiddenException(
      `Section "${section.title}" is not assigned to you or your organisation; ask the lead organisation or a coordinator to assign it`,
    );
  }
  const others = changed.filter((f) => !ASSIGNEE_FIELDS.includes(f));
  if (others.length) {
    throw new ForbiddenException(
      `Only a coordinator or staff of the lead organisation can change ${others.join(', ')} of a section; you may change its body and status`,
    );
  }
}
