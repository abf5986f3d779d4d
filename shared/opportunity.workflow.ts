/**
 * The opportunity pipeline as data: which stage may follow which, and what a move
 * needs. Pure functions only; the service applies them inside a transaction.
 */
export const STAGES = [
  'identified',
  'screening',
  'preparing',
  'submitted',
  'awarded',
  'reporting',
  'closed',
  'no_go',
  'declined',
  'withdrawn',
] as const;
export type Stage = (typeof STAGES)[number];

export const FINAL_STAGES: readonly Stage[] = ['closed', 'no_go', 'declined', 'withdrawn'];

export const TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = {
  identified: ['screening', 'withdrawn'],
  screening: ['preparing', 'no_go', 'withdrawn'],
  preparing: ['submitted', 'withdrawn'],
  submitted: ['awarded', 'declined', 'withdrawn'],
  awarded: ['reporting', 'withdrawn'],
  reporting: ['closed'],
  closed: [],
  no_go: [],
  declined: [],
  withdrawn: [],
};

export type Verdict = { allowed: true } | { allowed: false; reason: string };

function list(stages: readonly string[]): string {
  if (stages.length <= 1) return stages.join('');
  return `${stages.slice(0, -1).join(', ')} or ${stages[stages.length - 1]}`;
}

/** Whether the table allows `from → to`, and if not, a reason a person can act on. */
export function checkTransition(from: Stage, to: Stage): Verdict {
  if (from === to) return { allowed: false, reason: `The opportunity is already in ${to}` };
  const next = TRANSITIONS[from];
  if (next.includes(to)) return { allowed: true };
  if (next.length === 0)
    return { allowed: false, reason: `The opportunity is ${from}, a final stage; it cannot move to ${to}` };
  return { allowed: false, reason: `An opportunity in ${from} can move to ${list(next)}, not ${to}` };
}

export const PARTNER_STATUSES = ['invited', 'confirmed', 'declined'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

const PARTNER_MOVES: Readonly<Record<PartnerStatus, readonly PartnerStatus[]>> = {
  invited: ['confirmed', 'declined'],
  confirmed: ['declined'],
  declined: ['confirmed'],
};

/** Invited → confirmed | declined; a partner may change its mind but is never "invited" again. */
export function checkPartnerStatus(from: PartnerStatus, to: PartnerStatus): Verdict {
  if (from === to || PARTNER_MOVES[from].includes(to)) return { allowed: true };
  return { allowed: false, reason: `A ${from} partner can become ${list(PARTNER_MOVES[from])}, not ${to}` };
}

export interface GuardPartner {
  name: string;
  role: string;
  status: PartnerStatus;
}

export interface GuardItem {
  title: string;
  required: boolean;
  status: 'todo' | 'done' | 'waived';
  /** Who owes it, for the message. */
  owner?: string | null;
  /** The organisation document it points at has expired (date-only, already compared by the caller). */
  documentExpired?: boolean;
}

/**
 * What stands between the application and `submitted`: every partner confirmed,
 * exactly one lead, every required checklist item done or waived (and not resting on
 * an expired organisation document). Empty when ready.
 */
export function submitBlockers(partners: GuardPartner[], items: GuardItem[]): ReadinessProblem[] {
  const problems: ReadinessProblem[] = [];
  const leads = partners.filter((p) => p.role === 'lead');
  if (leads.length !== 1) problems.push({ code: leads.length === 0 ? 'noLead' : 'severalLeads', params: {} });
  for (const p of partners) {
    if (p.status !== 'confirmed')
      problems.push({ code: 'partnerUnconfirmed', params: { name: p.name, status: p.status } });
  }
  for (const item of items) {
    const params = { title: item.title, owner: item.owner ?? null };
    if (item.required && item.status === 'todo') problems.push({ code: 'itemNotDone', params });
    else if (item.required && item.status === 'done' && item.documentExpired) {
      problems.push({ code: 'itemDocumentExpired', params });
    }
  }
  return problems;
}

/** One thing that blocks submission, as a code with its parameters (the web app writes the sentence). */
export interface ReadinessProblem {
  code: 'noLead' | 'severalLeads' | 'partnerUnconfirmed' | 'itemNotDone' | 'itemDocumentExpired';
  params: { name?: string; status?: string; title?: string; owner?: string | null };
}

/** The problem in English, for API clients and logs. */
export function blockerText({ code, params }: ReadinessProblem): string {
  const owner = params.owner ? ` (${params.owner})` : '';
  switch (code) {
    case 'noLead':
      return 'The consortium has no lead partner';
    case 'severalLeads':
      return 'The consortium has more than one lead';
    case 'partnerUnconfirmed':
      return `${params.name} has not confirmed (status ${params.status})`;
    case 'itemNotDone':
      return `Required checklist item "${params.title}"${owner} is not done`;
    case 'itemDocumentExpired':
      return `Required checklist item "${params.title}"${owner} points at an expired document`;
  }
}

/** Why `checkMove` refused, as the refusal's code. */
export type MoveRefusal =
  | 'workflow_not_allowed'
  | 'awarded_amount_required'
  | 'workflow_blocked'
  | 'override_forbidden'
  | 'override_reason_required';

export interface TransitionInput {
  to: Stage;
  reason?: string;
  override?: boolean;
  awardedAmount?: string;
}

/**
 * Everything a move asks for beyond the table: a reason for an override, the awarded
 * amount for `awarded`, and the submit guard (which only a coordinator's override passes).
 * Returns the 409 reason, a 400 problem, or ok with whether the guard was overridden.
 */
export function checkMove(
  from: Stage,
  input: TransitionInput,
  blockers: string[],
  canOverride: boolean,
): { ok: true; overridden: string[] } | { ok: false; status: 400 | 409; code: MoveRefusal; reason: string } {
  const verdict = checkTransition(from, input.to);
  if (!verdict.allowed) return { ok: false, status: 409, code: 'workflow_not_allowed', reason: verdict.reason };
  if (input.to === 'awarded' && input.awardedAmount === undefined) {
    const reason = 'Moving to awarded needs awardedAmount (the amount the funder granted)';
    return { ok: false, status: 400, code: 'awarded_amount_required', reason };
  }
  if (input.to !== 'submitted' || blockers.length === 0) return { ok: true, overridden: [] };
  if (!input.override) {
    return { ok: false, status: 409, code: 'workflow_blocked', reason: `Not ready to submit: ${blockers.join('; ')}` };
  }
  if (!canOverride) {
    return {
      ok: false,
      status: 409,
      code: 'override_forbidden',
      reason: 'Only a coordinator may override the submit checks',
    };
  }
  if (!input.reason?.trim()) {
    return { ok: false, status: 400, code: 'override_reason_required', reason: 'An override needs a reason' };
  }
  return { ok: true, overridden: blockers };
}
