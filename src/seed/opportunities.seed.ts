import { DateTime } from 'luxon';
import type { SeedContext } from './seed-context.js';
import type { EntityManager } from 'typeorm';
import { isCoordinator } from '../access/roles.js';
import { Activity } from '../activity/activity.entity.js';
import { ChecklistItem } from '../opportunities/checklist-item.entity.js';
import { Opportunity } from '../opportunities/opportunity.entity.js';
import { OrganizationDocument } from '../opportunities/organization-document.entity.js';
import { Partner } from '../opportunities/partner.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { DOCUMENTS, OPPORTUNITIES, ORGS, WRITTEN_ON } from './opportunities.demo.js';

async function organization(manager: EntityManager, ctx: SeedContext, acronym: string): Promise<Organization> {
  const given = ctx.orgs[acronym];
  if (given) return given;
  const { name, kind } = ORGS[acronym];
  const repo = manager.getRepository(Organization);
  const found = await repo
    .createQueryBuilder('o')
    .where('lower(o.name) = lower(:name) OR lower(o.acronym) = lower(:acronym)', { name, acronym })
    .getOne();
  const org =
    found ??
    (await repo.save(
      repo.create({ name, acronym, kind, country: 'KH', isMember: kind === 'cso' || kind === 'network' }),
    ));
  ctx.orgs[acronym] = org;
  return org;
}

async function coordinatorId(manager: EntityManager, ctx: SeedContext): Promise<string | null> {
  const given =
    Object.values(ctx.users).find((u) => u.role === 'coordinator') ??
    Object.values(ctx.users).find((u) => isCoordinator(u.role));
  if (given) return given.id;
  const found = await manager
    .getRepository(User)
    .findOne({ where: [{ role: 'coordinator' }, { role: 'admin' }], order: { createdAt: 'ASC' } });
  return found?.id ?? null;
}

function daysSinceWritten(now: Date): number {
  const today = DateTime.fromJSDate(now, { zone: 'Asia/Phnom_Penh' }).startOf('day');
  return Math.round(today.diff(DateTime.fromISO(WRITTEN_ON, { zone: 'Asia/Phnom_Penh' }), 'days').days);
}

/** An instant or a date from the lists above, moved to today's calendar (same local time, same offset). */
function moved(iso: string, days: number): string {
  const at = DateTime.fromISO(iso, { setZone: true }).plus({ days });
  return iso.length === 10 ? at.toISODate()! : at.toISO()!;
}

export async function seedOpportunities(ctx: SeedContext): Promise<Record<string, Opportunity>> {
  const days = daysSinceWritten(ctx.clock.now());
  return ctx.db.transaction(async (manager) => {
    const ownerId = await coordinatorId(manager, ctx);
    const docRepo = manager.getRepository(OrganizationDocument);
    const documents = new Map<string, OrganizationDocument>();
    for (const d of DOCUMENTS) {
      const org = await organization(manager, ctx, d.org);
      const found = await docRepo.findOneBy({ organizationId: org.id, title: d.title });
      documents.set(
        d.title,
        found ??
          (await docRepo.save(
            docRepo.create({
              organizationId: org.id,
              kind: d.kind,
              title: d.title,
              expiresOn: d.expiresOn === null ? null : moved(d.expiresOn, days),
              createdBy: ownerId,
            }),
          )),
      );
    }

    const result: Record<string, Opportunity> = {};
    const repo = manager.getRepository(Opportunity);
    for (const s of OPPORTUNITIES) {
      const existing = await repo.findOneBy({ title: s.title });
      if (existing) {
        result[s.stage] = existing;
        continue;
      }
      const funder = await organization(manager, ctx, s.funder);
      const opportunity = await repo.save(
        repo.create({
          title: s.title,
          funderId: funder.id,
          callReference: s.callReference ?? null,
          url: s.url ?? null,
          description: s.description,
          tags: s.tags,
          amountMin: s.amount[0],
          amountMax: s.amount[1],
          currency: s.amount[2],
          closesAt: new Date(moved(s.closesAt, days)),
          ownerId,
          visibility: s.visibility,
          stage: s.stage,
          stageChangedAt: ctx.clock.now(),
          awardedAmount: s.awarded ?? null,
          awardedCurrency: s.awarded ? s.amount[2] : null,
          createdBy: ownerId,
        }),
      );
      const partners = new Map<string, Partner>();
      for (const p of s.partners) {
        const org = await organization(manager, ctx, p.org);
        const partner = await manager.getRepository(Partner).save(
          manager.getRepository(Partner).create({
            opportunityId: opportunity.id,
            organizationId: org.id,
            role: p.role,
            status: p.status,
            budgetAmount: p.budget?.[0] ?? null,
            budgetCurrency: p.budget?.[1] ?? null,
            confirmedAt: p.status === 'confirmed' ? ctx.clock.now() : null,
          }),
        );
        partners.set(p.org, partner);
      }
      let position = 0;
      for (const item of s.items) {
        await manager.getRepository(ChecklistItem).save(
          manager.getRepository(ChecklistItem).create({
            opportunityId: opportunity.id,
            partnerId: item.owner ? partners.get(item.owner)!.id : null,
            title: item.title,
            required: item.required ?? true,
            status: item.status,
            url: item.url ?? null,
            documentId: item.document ? documents.get(item.document)!.id : null,
            position: position++,
          }),
        );
      }
      await manager.getRepository(Activity).insert({
        actorId: ownerId,
        action: 'opportunity.created',
        subjectType: 'opportunity',
        subjectId: opportunity.id,
        summary: `Recorded opportunity "${opportunity.title}" (demo data, ${s.stage})`,
        params: { title: opportunity.title },
      });
      result[s.stage] = opportunity;
    }
    return result;
  });
}
