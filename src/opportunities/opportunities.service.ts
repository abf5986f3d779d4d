import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { isCoordinator } from '../access/roles.js';
import { Activity } from '../activity/activity.entity.js';
import { ActivityService, diffFields } from '../activity/activity.service.js';
import { Clock } from '../common/clock.js';
import { type Page, type PageQuery, pageWindow, toPage } from '../common/pagination.js';
import { Organization } from '../organizations/organization.entity.js';
import { escapeLike } from '../common/sql.js';
import { User } from '../users/user.entity.js';
import { budgetTotals } from './budget.js';
import type { CreateOpportunityDto, OpportunityQuery, UpdateOpportunityDto } from './dto/opportunity.dto.js';
import { visibleTo } from './opportunity-access.js';
import { recordEvent } from './opportunity-activity.js';
import { Opportunity } from './opportunity.entity.js';
import { mayChangeOpportunities, type OpportunityActions, opportunityActions } from './opportunity-actions.js';
import { Partner } from './partner.entity.js';
import { type ListFacts, withListFacts } from './opportunities.repository.js';

type ListedOpportunity = Opportunity & {
  leadOrganization: string | null;
  partnerCount: number;
  funder: string | null;
  can: OpportunityActions;
};
import { ReadinessService } from './readiness.service.js';
import { Refusal, badField, notFound } from '../common/refusal.js';

const SORT_COLUMNS = {
  updatedAt: 'o.updated_at',
  createdAt: 'o.created_at',
  title: 'o.title',
  closesAt: 'o.closes_at',
  stage: 'o.stage',
};

/** Runs in the transaction that sets or clears `closesAt`; what it returns runs after commit. */
export type ClosingDateHook = (
  manager: EntityManager,
  actor: User,
  opportunity: Opportunity,
) => Promise<() => Promise<void>>;

@Injectable()
export class OpportunitiesService {
  private readonly closingDateHooks: ClosingDateHook[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly activity: ActivityService,
    private readonly readiness: ReadinessService,
    private readonly clock: Clock,
  ) {}

  /** The deadlines module keeps the closing-date deadline in step (it imports this module, not the reverse). */
  onClosingDateChanged(hook: ClosingDateHook): void {
    this.closingDateHooks.push(hook);
  }

  /** Runs the closing-date hooks in the caller's transaction; call what it returns after commit. */
  async closingDateChanged(manager: EntityManager, actor: User, opportunity: Opportunity) {
    const afterCommit: (() => Promise<void>)[] = [];
    for (const hook of this.closingDateHooks) afterCommit.push(await hook(manager, actor, opportunity));
    return () => Promise.all(afterCommit.map((run) => run())).then(() => undefined);
  }

  /** The opportunities this user may see, filtered and sorted. */
  listQuery(user: User, query: OpportunityQuery) {
    const qb = this.db.getRepository(Opportunity).createQueryBuilder('o');
    const visible = visibleTo(user);
    if (visible) qb.andWhere(visible.sql, visible.params);
    if (query.archived !== 'true') qb.andWhere('o.archived_at IS NULL');
    if (query.stage?.length) qb.andWhere('o.stage IN (:...stages)', { stages: query.stage });
    if (query.funderId) qb.andWhere('o.funder_id = :funderId', { funderId: query.funderId });
    if (query.ownerId) qb.andWhere('o.owner_id = :ownerId', { ownerId: query.ownerId });
    if (query.visibility) qb.andWhere('o.visibility = :visibility', { visibility: query.visibility });
    if (query.tag) qb.andWhere(':tag = ANY(o.tags)', { tag: query.tag });
    if (query.q) qb.andWhere('(o.title ILIKE :q OR o.description ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    if (query.closesFrom) qb.andWhere('o.closes_at >= :closesFrom', { closesFrom: query.closesFrom });
    if (query.closesTo) qb.andWhere('o.closes_at < :closesTo', { closesTo: query.closesTo });
    if (query.partnerOrganizationId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM opportunity_partners fp WHERE fp.opportunity_id = o.id AND fp.organization_id = :po)',
        {
          po: query.partnerOrganizationId,
        },
      );
    }
    const sort = query.sort ?? '-updatedAt';
    const column = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
    qb.orderBy(column, sort.startsWith('-') ? 'DESC' : 'ASC', 'NULLS LAST').addOrderBy('o.id');
    return qb;
  }

  async list(user: User, query: OpportunityQuery): Promise<Page<ListedOpportunity>> {
    const window = pageWindow(query);
    const [{ entities, raw }, total] = await Promise.all([
      withListFacts(this.listQuery(user, query))
        .limit(window.limit)
        .offset(window.offset)
        .getRawAndEntities<ListFacts>(),
      this.listQuery(user, query).getCount(),
    ]);
    const facts = new Map(raw.map((row) => [row.o_id, row]));
    return toPage(
      entities.map((o) => {
        const { lead_organization, partner_count, funder_name } = facts.get(o.id)!;
        return {
          ...o,
          leadOrganization: lead_organization,
          partnerCount: partner_count,
          funder: funder_name,
          can: opportunityActions(user, o),
        };
      }),
      total,
      window,
    );
  }

  async get(user: User, id: string) {
    await this.access.requireAccess(user, 'opportunity', id, 'read');
    const opportunity = await this.find(this.db.manager, id);
    const partners = await this.db.getRepository(Partner).findBy({ opportunityId: id });
    const { problems, blockers } = await this.readiness.blockers(this.db.manager, id);
    return {
      ...opportunity,
      budget: budgetTotals(partners, opportunity.currency),
      readiness: { readyToSubmit: blockers.length === 0, blockers, problems },
      canEdit: mayChangeOpportunities(user),
      can: opportunityActions(user, opportunity),
    };
  }

  async create(actor: User, dto: CreateOpportunityDto): Promise<Opportunity> {
    let afterCommit = async () => {};
    const created = await this.db.transaction(async (manager) => {
      await this.checkReferences(manager, dto);
      const repo = manager.getRepository(Opportunity);
      const opportunity = await repo.save(
        repo.create({
          ...dto,
          tags: dto.tags ?? [],
          closesAt: dto.closesAt ? new Date(dto.closesAt) : null,
          ownerId: dto.ownerId ?? actor.id,
          stage: 'identified',
          stageChangedAt: this.clock.now(),
          createdBy: actor.id,
        }),
      );
      await recordEvent(this.activity, manager, actor, opportunity.id, {
        action: 'opportunity.created',
        summary: `Recorded opportunity "${opportunity.title}"`,
        params: { title: opportunity.title },
      });
      if (opportunity.closesAt) afterCommit = await this.closingDateChanged(manager, actor, opportunity);
      return opportunity;
    });
    await afterCommit();
    return created;
  }

  async update(actor: User, id: string, dto: UpdateOpportunityDto): Promise<Opportunity> {
    await this.access.requireAccess(actor, 'opportunity', id, 'write');
    let afterCommit = async () => {};
    const updated = await this.db.transaction(async (manager) => {
      const opportunity = await this.find(manager, id, true);
      await this.checkReferences(manager, { ...opportunity, ...dto } as CreateOpportunityDto, dto);
      const patch: Partial<Opportunity> = {
        ...(dto as Partial<Opportunity>),
        ...(dto.tags !== undefined ? { tags: dto.tags ?? [] } : {}),
        ...(dto.closesAt !== undefined ? { closesAt: dto.closesAt ? new Date(dto.closesAt) : null } : {}),
      };
      const changes = diffFields(opportunity, patch);
      if (!Object.keys(changes).length) return opportunity;
      const saved = await manager
        .getRepository(Opportunity)
        .save(manager.getRepository(Opportunity).merge(opportunity, patch));
      await recordEvent(this.activity, manager, actor, id, {
        action: 'opportunity.updated',
        summary: `Updated ${Object.keys(changes).join(', ')} of "${saved.title}"`,
        params: { title: saved.title, fields: Object.keys(changes) },
        changes,
      });
      if ('closesAt' in changes) afterCommit = await this.closingDateChanged(manager, actor, saved);
      return saved;
    });
    await afterCommit();
    return updated;
  }

  /** Archives (hides from the pipeline); its history, partners and files stay. */
  async archive(actor: User, id: string): Promise<void> {
    await this.access.requireAccess(actor, 'opportunity', id, 'write');
    await this.db.transaction(async (manager) => {
      const opportunity = await this.find(manager, id, true, true);
      if (opportunity.archivedAt) return;
      await manager.getRepository(Opportunity).update(id, { archivedAt: this.clock.now() });
      await recordEvent(this.activity, manager, actor, id, {
        action: 'opportunity.archived',
        summary: `Archived "${opportunity.title}"`,
        params: { title: opportunity.title },
      });
    });
  }

  /** The opportunity's own history and that of its partners and checklist items, newest first. */
  async history(user: User, id: string, query: PageQuery): Promise<Page<Activity>> {
    await this.access.requireAccess(user, 'opportunity', id, 'read');
    return this.activity.historyOf({ subjectType: 'opportunity', id }, [{ changes: { opportunityId: id } }], query);
  }

  /** With `lock` (every change), an archived opportunity is refused: it is read-only once deleted. */
  async find(manager: EntityManager, id: string, lock = false, allowArchived = false): Promise<Opportunity> {
    const opportunity = await manager
      .getRepository(Opportunity)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!opportunity) throw notFound('opportunity', 'Opportunity not found');
    if (lock && !allowArchived && opportunity.archivedAt) {
      throw new Refusal(409, 'archived', `"${opportunity.title}" is archived (deleted) and can no longer be changed`, {
        title: opportunity.title,
      });
    }
    return opportunity;
  }

  /** Funder must be an organisation, owner a coordinator or admin, min ≤ max. */
  async checkReferences(
    manager: EntityManager,
    merged: CreateOpportunityDto,
    changed: Partial<CreateOpportunityDto> = merged,
  ): Promise<void> {
    if (changed.funderId && !(await manager.getRepository(Organization).existsBy({ id: changed.funderId }))) {
      throw badField('funderId', 'no_such_record', 'no such organisation');
    }
    if (changed.ownerId) {
      const owner = await manager.getRepository(User).findOneBy({ id: changed.ownerId });
      if (!owner || !isCoordinator(owner.role))
        throw badField('ownerId', 'invalid', 'the owner must be a coordinator or admin');
    }
    if (merged.amountMin != null && merged.amountMax != null && Number(merged.amountMin) > Number(merged.amountMax)) {
      throw new BadRequestException('amountMin must not be more than amountMax');
    }
  }
}
