/**
 * The submission workflow as data: which moves exist, and which conditions a move needs.
 * Pure functions only, so the rules are tested without a database; the server enforces them and the
 * web app lists the same statuses, kinds and steps from here.
 */
export const SUBMISSION_KINDS = [
  'alternative_report',
  'general_comment',
  'consultation_response',
  'list_of_issues',
  'other',
] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

export const SECTION_STATUSES = ['not_started', 'drafting', 'ready', 'approved'] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

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

/** The way forward, in order, as the submission's page shows its steps; withdrawn is off it. */
export const SUBMISSION_STEPS: readonly SubmissionStatus[] = SUBMISSION_STATUSES.filter((s) => s !== 'withdrawn');

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

/** Fields that may still change once the text is frozen (proof of receipt, publication, routing). */
export const FIELDS_EDITABLE_WHEN_FROZEN: readonly string[] = [
  'acknowledgedAt',
  'acknowledgementNote',
  'acknowledgementUrl',
  'publishedUrl',
  'telegramChatId',
  'visibility',
  'ownerId',
  'channel',
  'channelAddress',
];

/** What the guards look at. */
export interface TransitionFacts {
  sections: { title: string; status: string }[];
  /** Organisations marked as required signers (with names for messages). */
  requiredSigners: { organizationId: string; name: string }[];
  /** Organisations with an active endorsement. */
  endorsedOrganizationIds: string[];
}

/** An unmet condition with a stable code and its parameters, so a client can say it in the reader's language. */
export type TransitionProblem =
  | { code: 'submission.noSections' }
  | { code: 'submission.sectionsNotReady'; sections: string[] }
  | { code: 'submission.signersMissing'; organizations: string[] };

export interface TransitionCheck {
  /** False when the move is not in the table at all: nobody can override that. */
  allowed: boolean;
  /** Why the move is not in the table. */
  reason?: string;
  /** Its stable code, with `next`: the moves the table allows from here. */
  code?: 'submission.alreadyInStatus' | 'submission.moveNotAllowed';
  next?: readonly SubmissionStatus[];
  /** Conditions not met, in English; a coordinator may override these with a reason. */
  blockers: string[];
  /** The same conditions as codes with their parameters. */
  problems: TransitionProblem[];
}

const READY_SECTION_STATUSES: readonly string[] = ['ready', 'approved'] satisfies SectionStatus[];

export function checkTransition(from: SubmissionStatus, to: SubmissionStatus, facts: TransitionFacts): TransitionCheck {
  const next = SUBMISSION_TRANSITIONS[from];
  if (from === to) {
    return {
      allowed: false,
      reason: `The submission is already ${label(to)}`,
      code: 'submission.alreadyInStatus',
      next,
      blockers: [],
      problems: [],
    };
  }
  if (!next.includes(to)) {
    const options = next.length ? `; from ${label(from)} it can go to ${next.map(label).join(', ')}` : '; it is final';
    return {
      allowed: false,
      reason: `A submission cannot move from ${label(from)} to ${label(to)}${options}`,
      code: 'submission.moveNotAllowed',
      next,
      blockers: [],
      problems: [],
    };
  }
  const problems = guardProblems(from, to, facts);
  return { allowed: true, blockers: problems.map(describeProblem), problems };
}

function guardProblems(from: SubmissionStatus, to: SubmissionStatus, facts: TransitionFacts): TransitionProblem[] {
  const problems: TransitionProblem[] = [];
  const forward = SUBMISSION_STATUSES.indexOf(to) > SUBMISSION_STATUSES.indexOf(from);
  if (to === 'review' && forward) {
    if (facts.sections.length === 0) problems.push({ code: 'submission.noSections' });
    const notReady = facts.sections.filter((s) => !READY_SECTION_STATUSES.includes(s.status));
    if (notReady.length) problems.push({ code: 'submission.sectionsNotReady', sections: notReady.map((s) => s.title) });
  }
  if (to === 'submitted') {
    const endorsed = new Set(facts.endorsedOrganizationIds);
    const missing = facts.requiredSigners.filter((s) => !endorsed.has(s.organizationId));
    if (missing.length) problems.push({ code: 'submission.signersMissing', organizations: missing.map((s) => s.name) });
  }
  return problems;
}

/** A problem in English, as the message and the activity log say it. */
export function describeProblem(problem: TransitionProblem): string {
  switch (problem.code) {
    case 'submission.noSections':
      return 'The submission has no sections yet';
    case 'submission.sectionsNotReady':
      return `Every section must be marked ready before review; not ready: ${problem.sections.map((t) => `"${t}"`).join(', ')}`;
    case 'submission.signersMissing':
      return `Required signers have not endorsed: ${problem.organizations.join(', ')}`;
  }
}

export function label(status: SubmissionStatus): string {
  return status.replace('_', '-');
}
