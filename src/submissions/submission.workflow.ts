/**
 * The submission workflow as data: which moves exist, and which conditions a move needs.
 * Pure functions only, so the rules are tested without a database.
 */
export const SUBMISSION_STATUSES = [
  'planned',
  'drafting',
  'review',
  'sign_off',
  'submitted',
  'published',
  'withdrawn',
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** From each status, where it may go. Going back a step (review → drafting) is allowed for another round. */
export const SUBMISSION_TRANSITIONS: Record<SubmissionStatus, readonly SubmissionStatus[]> = {
  planned: ['drafting', 'withdrawn'],
  drafting: ['planned', 'review', 'withdrawn'],
  review: ['drafting', 'sign_off', 'withdrawn'],
  sign_off: ['drafting', 'review', 'submitted', 'withdrawn'],
  submitted: ['published'],
  published: [],
  withdrawn: ['planned', 'drafting'],
};

/** Once submitted, the text is frozen: sections, signatories and partners no longer change. */
export const FROZEN_STATUSES: readonly SubmissionStatus[] = ['submitted', 'published'];

export function isFrozen(status: SubmissionStatus): boolean {
  return FROZEN_STATUSES.includes(status);
}

/** What the guards look at. */
export interface TransitionFacts {
  sections: { title: string; status: string }[];
  /** Organisations marked as required signers (with names for messages). */
  requiredSigners: { organizationId: string; name: string }[];
  /** Organisations with an active endorsement. */
  endorsedOrganizationIds: string[];
}

export interface TransitionCheck {
  /** False when the move is not in the table at all: nobody can override that. */
  allowed: boolean;
  /** Why the move is not in the table. */
  reason?: string;
  /** Conditions not met; a coordinator may override these with a reason. */
  blockers: string[];
}

const READY_SECTION_STATUSES = ['ready', 'approved'];

export function checkTransition(from: SubmissionStatus, to: SubmissionStatus, facts: TransitionFacts): TransitionCheck {
  if (from === to) return { allowed: false, reason: `The submission is already ${label(to)}`, blockers: [] };
  if (!SUBMISSION_TRANSITIONS[from].includes(to)) {
    const options = SUBMISSION_TRANSITIONS[from];
    const next = options.length
      ? `; from ${label(from)} it can go to ${options.map(label).join(', ')}`
      : '; it is final';
    return {
      allowed: false,
      reason: `A submission cannot move from ${label(from)} to ${label(to)}${next}`,
      blockers: [],
    };
  }
  return { allowed: true, blockers: guardBlockers(from, to, facts) };
}

function guardBlockers(from: SubmissionStatus, to: SubmissionStatus, facts: TransitionFacts): string[] {
  const blockers: string[] = [];
  const forward = SUBMISSION_STATUSES.indexOf(to) > SUBMISSION_STATUSES.indexOf(from);
  if (to === 'review' && forward) {
    if (facts.sections.length === 0) blockers.push('The submission has no sections yet');
    const notReady = facts.sections.filter((s) => !READY_SECTION_STATUSES.includes(s.status));
    if (notReady.length) {
      blockers.push(
        `Every section must be marked ready before review; not ready: ${notReady.map((s) => `"${s.title}"`).join(', ')}`,
      );
    }
  }
  if (to === 'submitted') {
    const endorsed = new Set(facts.endorsedOrganizationIds);
    const missing = facts.requiredSigners.filter((s) => !endorsed.has(s.organizationId));
    if (missing.length) {
      blockers.push(`Required signers have not endorsed: ${missing.map((s) => s.name).join(', ')}`);
    }
  }
  return blockers;
}

export function label(status: SubmissionStatus): string {
  return status.replace('_', '-');
}
