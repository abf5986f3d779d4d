import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { isCoordinator } from '../access/roles.js';
import { ActivityService } from '../activity/activity.service.js';
import { Clock } from '../common/clock.js';
import { Refusal } from '../common/refusal.js';
import type { User } from '../users/user.entity.js';
import type { OpportunityTransitionDto } from './dto/opportunity.dto.js';
import { recordEvent } from './opportunity-activity.js';
import { Opportunity } from './opportunity.entity.js';
import { checkMove, TRANSITIONS } from '../../shared/opportunity.workflow.js';
import { OpportunitiesService } from './opportunities.service.js';
import { ReadinessService } from './readiness.service.js';

@Injectable()
export class TransitionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly activity: ActivityService,
    private readonly opportunities: OpportunitiesService,
    private readonly readiness: ReadinessService,
    private readonly clock: Clock,
  ) {}

  /** Moves an opportunity along the pipeline, or answers 409 with the reason it may not. */
  async transition(actor: User, id: string, dto: OpportunityTransitionDto): Promise<Opportunity> {
    await this.access.requireAccess(actor, 'opportunity', id, 'write');
    return this.db.transaction(async (manager) => {
      const opportunity = await this.opportunities.find(manager, id, true);
      const from = opportunity.stage;
      const { problems, blockers } =
        dto.to === 'submitted' ? await this.readiness.blockers(manager, id) : { problems: [], blockers: [] };
      const verdict = checkMove(from, dto, blockers, isCoordinator(actor.role));
      if (!verdict.ok) {
        const params = { from, to: dto.to, allowed: TRANSITIONS[from] };
        throw new Refusal(verdict.status, verdict.code, verdict.reason, params, {
          from,
          to: dto.to,
          blockers,
          problems,
        });
      }
      const patch: Partial<Opportunity> = { stage: dto.to, stageChangedAt: this.clock.now() };
      if (dto.to === 'awarded') {
        patch.awardedAmount = dto.awardedAmount!;
        patch.awardedCurrency = dto.awardedCurrency ?? opportunity.currency;
      }
      await manager.getRepository(Opportunity).update(id, patch);
      const overridden = verdict.overridden.length > 0;
      await recordEvent(this.activity, manager, actor, id, {
        action: overridden ? 'opportunity.transition_overridden' : 'opportunity.transitioned',
        summary:
          `Moved "${opportunity.title}" from ${from} to ${dto.to}` +
          (overridden ? ` overriding ${verdict.overridden.length} check(s)` : '') +
          (dto.reason ? `: ${dto.reason}` : ''),
        params: {
          title: opportunity.title,
          from,
          to: dto.to,
          reason: dto.reason ?? null,
          ...(overridden ? { count: verdict.overridden.length } : {}),
        },
        changes: {
          stage: [from, dto.to],
          ...(dto.reason ? { reason: dto.reason } : {}),
          ...(overridden ? { override: { reason: dto.reason, blockers: verdict.overridden } } : {}),
          ...(dto.to === 'awarded'
            ? { awardedAmount: [null, patch.awardedAmount], awardedCurrency: [null, patch.awardedCurrency] }
            : {}),
        },
      });
      return this.opportunities.find(manager, id);
    });
  }
}
