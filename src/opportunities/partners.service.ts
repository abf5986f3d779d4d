import { t } from '../i18n/translate.js';
import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Not } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { isCoordinator } from '../access/roles.js';
import { ActivityService, diffFields } from '../activity/activity.service.js';
import { Clock } from '../common/clock.js';
import { pageWindow, toPage } from '../common/pagination.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { budgetTotals } from './budget.js';
import type { CreatePartnerDto, PartnerQuery, UpdatePartnerDto } from './dto/partner.dto.js';
import { mustExist, recordEvent } from './opportunity-activity.js';
import type { Opportunity } from './opportunity.entity.js';
import { checkPartnerStatus } from '../../shared/opportunity.workflow.js';
import { OpportunitiesService } from './opportunities.service.js';
import { Partner } from './partner.entity.js';
import { badField, notFound, Refusal } from '../common/refusal.js';

const MEMBER_FIELDS = new Set(['status', 'contactUserIds']);

@Injectable()
export class PartnersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly activity: ActivityService,
    private readonly opportunities: OpportunitiesService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** The consortium with budget totals per currency (a share in another currency than the call is flagged, never converted). */
  async list(user: User, opportunityId: string, query: PartnerQuery) {
    await this.access.requireAccess(user, 'opportunity', opportunityId, 'read');
    const opportunity = await this.opportunities.find(this.db.manager, opportunityId);
    const all = await this.db
      .getRepository(Partner)
      .find({ where: { opportunityId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const window = pageWindow(query);
    const page = all.slice(window.offset, window.offset + window.limit);
    const orgs = await this.organizations(page.map((p) => p.organizationId));
    const writable = await this.access.allowedIds(
      user,
      'partner',
      page.map((p) => p.id),
      'write',
    );
    const items = page.map((p) => ({
      ...this.view(p, opportunity, orgs.get(p.organizationId)),
      canEdit: writable.has(p.id),
    }));
    return {
      ...toPage(items, all.length, window),
      currency: opportunity.currency,
      budget: budgetTotals(all, opportunity.currency),
    };
  }

  async get(user: User, opportunityId: string, id: string) {
    const partner = await this.findVisible(user, opportunityId, id);
    const opportunity = await this.opportunities.find(this.db.manager, opportunityId);
    return this.view(
      partner,
      opportunity,
      (await this.organizations([partner.organizationId])).get(partner.organizationId),
    );
  }

  async create(actor: User, opportunityId: string, dto: CreatePartnerDto) {
    await this.access.requireAccess(actor, 'opportunity', opportunityId, 'write');
    return this.db.transaction(async (manager) => {
      const opportunity = await this.opportunities.find(manager, opportunityId, true);
      const org = await manager.getRepository(Organization).findOneBy({ id: dto.organizationId });
      if (!org || org.archivedAt) throw badField('organizationId', 'no_such_record', 'no such (active) organisation');
      const repo = manager.getRepository(Partner);
      if (await repo.existsBy({ opportunityId, organizationId: org.id })) {
        throw new Refusal(409, 'already_partner', `${org.name} is already in this consortium`, { name: org.name });
      }
      if (dto.role === 'lead') await this.assertNoOtherLead(manager, opportunityId);
      const budget = this.budget(dto, opportunity);
      if (dto.contactUserIds) await this.assertContacts(manager, org.id, dto.contactUserIds);
      const status = dto.status ?? 'invited';
      const partner = await repo.save(
        repo.create({
          opportunityId,
          organizationId: org.id,
          role: dto.role,
          status,
          ...budget,
          contactUserIds: dto.contactUserIds ?? [],
          ...(status === 'confirmed' ? { confirmedBy: actor.id, confirmedAt: this.clock.now() } : {}),
        }),
      );
      await recordEvent(this.activity, manager, actor, opportunityId, {
        action: 'partner.invited',
        subjectType: 'partner',
        subjectId: partner.id,
        summary: `Invited ${org.name} as ${dto.role} to "${opportunity.title}"`,
        params: { organization: org.name, role: dto.role, opportunity: opportunity.title },
        changes: { organizationId: org.id, role: dto.role, status },
      });
      await this.notifyMembers(manager, org, opportunity, partner);
      return this.view(partner, opportunity, org);
    });
  }

  /** Coordinators change anything; members of the partner organisation only its status. */
  async update(actor: User, opportunityId: string, id: string, dto: UpdatePartnerDto) {
    await this.findVisible(actor, opportunityId, id);
    await this.access.requireAccess(actor, 'partner', id, 'write');
    const fields = Object.keys(dto).filter((k) => dto[k as keyof UpdatePartnerDto] !== undefined);
    if (!isCoordinator(actor.role) && fields.some((f) => !MEMBER_FIELDS.has(f))) {
      throw new ForbiddenException("Members may change only their organisation's participation status and contacts");
    }
    return this.db.transaction(async (manager) => {
      const opportunity = await this.opportunities.find(manager, opportunityId, true);
      const repo = manager.getRepository(Partner);
      const partner = mustExist(await repo.findOneBy({ id, opportunityId }), 'Partner');
      if (dto.status && dto.status !== partner.status) {
        const verdict = checkPartnerStatus(partner.status, dto.status);
        if (!verdict.allowed)
          throw new Refusal(409, 'workflow_not_allowed', verdict.reason, { from: partner.status, to: dto.status });
      }
      if (dto.role === 'lead' && partner.role !== 'lead') await this.assertNoOtherLead(manager, opportunityId, id);
      if (dto.contactUserIds) await this.assertContacts(manager, partner.organizationId, dto.contactUserIds);
      const patch: Partial<Partner> = { ...(dto as Partial<Partner>) };
      if (dto.budgetAmount !== undefined || dto.budgetCurrency !== undefined) {
        const budgetAmount = dto.budgetAmount !== undefined ? dto.budgetAmount : partner.budgetAmount;
        const budgetCurrency = dto.budgetCurrency !== undefined ? dto.budgetCurrency : partner.budgetCurrency;
        Object.assign(patch, this.budget({ budgetAmount, budgetCurrency }, opportunity));
      }
      const changes = diffFields(partner, patch);
      const org = (await this.organizations([partner.organizationId], manager)).get(partner.organizationId);
      if (!Object.keys(changes).length) return this.view(partner, opportunity, org);
      if (dto.status === 'confirmed' && partner.status !== 'confirmed')
        Object.assign(patch, { confirmedBy: actor.id, confirmedAt: this.clock.now() });
      const saved = await repo.save(repo.merge(partner, patch));
      await recordEvent(this.activity, manager, actor, opportunityId, {
        action: changes.status ? (`partner.${saved.status}` as const) : 'partner.updated',
        subjectType: 'partner',
        subjectId: id,
        summary: `${changes.status ? `${org?.name} ${saved.status}` : `Updated ${Object.keys(changes).join(', ')} of ${org?.name}`} on "${opportunity.title}"`,
        params: { organization: org?.name ?? null, opportunity: opportunity.title, fields: Object.keys(changes) },
        changes,
      });
      return this.view(saved, opportunity, org);
    });
  }

  async remove(actor: User, opportunityId: string, id: string): Promise<void> {
    await this.findVisible(actor, opportunityId, id);
    await this.access.requireAccess(actor, 'opportunity', opportunityId, 'write');
    await this.db.transaction(async (manager) => {
      const opportunity = await this.opportunities.find(manager, opportunityId, true);
      const partner = mustExist(await manager.getRepository(Partner).findOneBy({ id, opportunityId }), 'Partner');
      const org = (await this.organizations([partner.organizationId], manager)).get(partner.organizationId);
      await manager.getRepository(Partner).delete(id);
      await recordEvent(this.activity, manager, actor, opportunityId, {
        action: 'partner.removed',
        subjectType: 'partner',
        subjectId: id,
        summary: `Removed ${org?.name} from "${opportunity.title}" (and the checklist items it owed)`,
        params: { organization: org?.name ?? null, opportunity: opportunity.title },
        changes: { organizationId: partner.organizationId, role: partner.role },
      });
    });
  }

  /** 404 unless the opportunity is visible and the partner belongs to it. */
  async findVisible(user: User, opportunityId: string, id: string): Promise<Partner> {
    await this.access.requireAccess(user, 'opportunity', opportunityId, 'read');
    const partner = await this.db.getRepository(Partner).findOneBy({ id, opportunityId });
    if (!partner) throw notFound('partner', 'Partner not found');
    return partner;
  }

  private view(p: Partner, opportunity: Opportunity, org: Organization | undefined) {
    return {
      ...p,
      organization: org ? { id: org.id, name: org.name, acronym: org.acronym } : null,
      /** False when the share is in another currency than the call (shown as such, not converted). */
      inCallCurrency:
        p.budgetCurrency === null || opportunity.currency === null ? null : p.budgetCurrency === opportunity.currency,
    };
  }

  private budget(dto: { budgetAmount?: string | null; budgetCurrency?: string | null }, opportunity: Opportunity) {
    const budgetAmount = dto.budgetAmount ?? null;
    const budgetCurrency =
      budgetAmount === null ? (dto.budgetCurrency ?? null) : (dto.budgetCurrency ?? opportunity.currency);
    if (budgetAmount !== null && !budgetCurrency)
      throw badField('budgetCurrency', 'invalid', 'needed when the call has no currency');
    return { budgetAmount, budgetCurrency };
  }

  /** A partner's contacts are active people of that organisation. */
  private async assertContacts(manager: EntityManager, organizationId: string, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM users WHERE id = ANY($1::uuid[]) AND organization_id = $2 AND status = 'active'`,
      [ids, organizationId],
    );
    if (n !== ids.length)
      throw new BadRequestException(
        'contactUserIds: every contact must be an active person of the partner organisation',
      );
  }

  private async assertNoOtherLead(manager: EntityManager, opportunityId: string, exceptId?: string): Promise<void> {
    const lead = await manager
      .getRepository(Partner)
      .findOneBy({ opportunityId, role: 'lead', ...(exceptId ? { id: Not(exceptId) } : {}) });
    if (lead) {
      const org = (await this.organizations([lead.organizationId], manager)).get(lead.organizationId);
      throw new ConflictException(
        `${org?.name ?? 'Another partner'} is already the lead; a consortium has exactly one lead (change its role first)`,
      );
    }
  }

  private async notifyMembers(
    manager: EntityManager,
    org: Organization,
    opportunity: Opportunity,
    partner: Partner,
  ): Promise<void> {
    const members = await manager
      .getRepository(User)
      .find({ where: { organizationId: org.id, status: Not('disabled') }, select: { id: true } });
    await this.notifications.notify(
      manager,
      members.map((m) => m.id),
      {
        kind: 'partner.invited',
        params: {
          partnerId: partner.id,
          organizationId: org.id,
          organization: org.acronym ?? org.name,
          opportunityId: opportunity.id,
          opportunity: opportunity.title,
          role: partner.role,
        },
        title: (language) =>
          t(language, 'notice.partnerInvited', {
            organization: org.acronym ?? org.name,
            opportunity: opportunity.title,
          }),
        body: (language) =>
          t(language, 'notice.partnerInvitedBody', { role: t(language, `partnerRole.${partner.role}`) }),
        subjectType: 'partner',
        subjectId: partner.id,
        url: `/opportunities/${opportunity.id}`,
      },
    );
  }

  private async organizations(
    ids: string[],
    manager: EntityManager = this.db.manager,
  ): Promise<Map<string, Organization>> {
    if (!ids.length) return new Map();
    const orgs = await manager
      .getRepository(Organization)
      .createQueryBuilder('o')
      .where('o.id IN (:...ids)', { ids })
      .getMany();
    return new Map(orgs.map((o) => [o.id, o]));
  }
}
