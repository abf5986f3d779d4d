import { isCoordinator } from '../access/roles.js';
import type { User } from '../users/user.entity.js';
import type { Opportunity } from './opportunity.entity.js';
import { type Stage, TRANSITIONS } from '../../shared/opportunity.workflow.js';

/** Who may change opportunities at all: the opportunity policy's write rule. */
export function mayChangeOpportunities(user: Pick<User, 'role'>): boolean {
  return isCoordinator(user.role);
}

/** What the reader may do to an opportunity now, so the web app offers only that. */
export interface OpportunityActions {
  /** Change its details, consortium and checklist */
  edit: boolean;
  /** The stages it may move to now (a move to `submitted` may still be blocked by its readiness) */
  move: Stage[];
  /** Move to `submitted` past the readiness checks, with a reason */
  override: boolean;
  /** Archive it (it leaves the pipeline) */
  archive: boolean;
}

/** From the rules the server enforces: the write policy, the stage table, and an archived record read-only. */
export function opportunityActions(
  user: Pick<User, 'role'>,
  opportunity: Pick<Opportunity, 'stage' | 'archivedAt'>,
): OpportunityActions {
  const writes = mayChangeOpportunities(user) && !opportunity.archivedAt;
  return {
    edit: writes,
    move: writes ? [...TRANSITIONS[opportunity.stage]] : [],
    override: writes && isCoordinator(user.role),
    archive: writes,
  };
}
