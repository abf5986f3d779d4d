import { hasRole, isCoordinator } from '../access/roles.js';
import type { User } from '../users/user.entity.js';
import { runsSubmission } from './submission-roles.js';
import type { Submission } from './submission.entity.js';
import { isFrozen, SUBMISSION_TRANSITIONS, type SubmissionStatus } from '../../shared/submission.workflow.js';

/** What the reader may do to a submission now, so the web app offers only that. */
export interface SubmissionActions {
  /** Change its title and details, partners, and add or assign sections (once submitted, only what stays open) */
  edit: boolean;
  /** The statuses it may move to now (a move may still be blocked by its conditions) */
  move: SubmissionStatus[];
  /** Move past unmet conditions, with a reason */
  override: boolean;
  /** Withdraw it (a move to `withdrawn`) */
  withdraw: boolean;
  /** Sign on for their own organisation */
  endorse: boolean;
  /** Comment on its sections */
  comment: boolean;
}

const NOTHING: SubmissionActions = {
  edit: false,
  move: [],
  override: false,
  withdraw: false,
  endorse: false,
  comment: false,
};

export interface ActionFacts {
  /** The submission policy's write rule: the reader takes part in it (or coordinates the network) */
  writes: boolean;
  /** Whether the reader's organisation has signed on already */
  ownOrganizationEndorsed: boolean;
}

/** From the rules the services enforce (`submission-roles.ts`, the workflow table, the endorsement rules). */
export function submissionActions(
  user: Pick<User, 'role' | 'organizationId'>,
  submission: Pick<Submission, 'status' | 'leadOrganizationId' | 'archivedAt'>,
  facts: ActionFacts,
): SubmissionActions {
  // An archived submission is read-only: every change is refused.
  if (submission.archivedAt) return NOTHING;
  const runs = facts.writes && runsSubmission(user, submission);
  const move = runs ? [...SUBMISSION_TRANSITIONS[submission.status]] : [];
  const open = !isFrozen(submission.status) && submission.status !== 'withdrawn';
  return {
    edit: runs,
    move,
    override: runs && isCoordinator(user.role),
    withdraw: move.includes('withdrawn'),
    endorse: open && hasRole(user.role, 'member') && !!user.organizationId && !facts.ownOrganizationEndorsed,
    comment: hasRole(user.role, 'member'),
  };
}
