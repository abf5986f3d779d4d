import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { guardInputs } from './opportunities.repository.js';
import { blockerText, type ReadinessProblem, submitBlockers } from '../../shared/opportunity.workflow.js';

/** The network's home zone: an organisation document "expires on" a day in Phnom Penh. */
export const HOME_ZONE = 'Asia/Phnom_Penh';

/** Loads what the submit guard looks at and asks the workflow what still blocks submission. */
@Injectable()
export class ReadinessService {
  constructor(private readonly clock: Clock) {}

  today(): string {
    return DateTime.fromJSDate(this.clock.now()).setZone(HOME_ZONE).toISODate()!;
  }

  /** What still blocks submission: coded problems, and the same in English. */
  async blockers(
    manager: EntityManager,
    opportunityId: string,
  ): Promise<{ problems: ReadinessProblem[]; blockers: string[] }> {
    const { partners, items } = await guardInputs(manager, opportunityId, this.today());
    const problems = submitBlockers(partners, items);
    return { problems, blockers: problems.map(blockerText) };
  }
}
