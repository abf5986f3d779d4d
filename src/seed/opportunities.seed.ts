import { DateTime } from 'luxon';
import type { SeedContext } from './seed-context.js';
import type { EntityManager } from 'typeorm';
import { isCoordinator } from '../access/roles.js';
import { Activity } from '../activity/activity.entity.js';
import { ChecklistItem, type ChecklistStatus } from '../opportunities/checklist-item.entity.js';
import { Opportunity, type Stage, type Visibility } from '../opportunities/opportunity.entity.js';
import { type DocumentKind, OrganizationDocument } from '../opportunities/organization-document.entity.js';
import { Partner, type PartnerRole, type PartnerStatus } from '../opportunities/partner.entity.js';
import { Organization, type OrganizationKind } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';

/** What the seed runner passes in (the lead's SeedContext has at least these). */

/** Organisations the demo consortia use, by acronym; reused from ctx.orgs or by name, else created. */
const ORGS: Record<string, { name: string; kind: OrganizationKind }> = {
  CJN: { name: 'Child Justice Network', kind: 'network' },
  'CRC-Cambodia': { name: 'Child Rights Coalition Cambodia', kind: 'cso' },
  LAC: { name: 'Legal Aid of Cambodia', kind: 'cso' },
  UNICEF: { name: 'UNICEF Cambodia', kind: 'un_agency' },
  OHCHR: { name: 'OHCHR Cambodia', kind: 'un_agency' },
  EU: { name: 'Delegation of the European Union to Cambodia', kind: 'funder' },
  Oak: { name: 'Oak Foundation', kind: 'funder' },
  UNDEF: { name: 'United Nations Democracy Fund', kind: 'funder' },
};

interface SeedPartner {
  org: string;
  role: PartnerRole;
  status: PartnerStatus;
  budget?: [string, string];
}
interface SeedItem {
  title: string;
  owner?: string;
  required?: boolean;
  status: ChecklistStatus;
  document?: string;
  url?: string;
}
interface SeedOpportunity {
  title: string;
  stage: Stage;
  funder: string;
  callReference?: string;
  url?: string;
  description: string;
  tags: string[];
  amount: [string, string, string];
  closesAt: string;
  visibility: Visibility;
  awarded?: string;
  partners: SeedPartner[];
  items: SeedItem[];
}

const DOCUMENTS: { org: string; kind: DocumentKind; title: string; expiresOn: string | null }[] = [
  {
    org: 'LAC',
    kind: 'registration_certificate',
    title: 'Registration with the Ministry of Interior',
    expiresOn: '2027-06-30',
  },
  { org: 'LAC', kind: 'audited_accounts', title: 'Audited financial statements 2024', expiresOn: '2026-06-30' },
  {
    org: 'CRC-Cambodia',
    kind: 'safeguarding_policy',
    title: 'Child safeguarding policy (2023 revision)',
    expiresOn: '2026-01-15',
  },
  { org: 'CRC-Cambodia', kind: 'registration_certificate', title: 'Registration certificate', expiresOn: null },
];

const OPPORTUNITIES: SeedOpportunity[] = [
  {
    title: 'UNDEF Round 2026: civic space for child-rights defenders',
    stage: 'identified',
    funder: 'UNDEF',
    url: 'https://www.un.org/democracyfund/',
    description:
      'Two-year projects strengthening civil society voice; possible fit for CSO engagement with the CRC reporting cycle.',
    tags: ['civic-space', 'crc-reporting'],
    amount: ['100000', '300000', 'USD'],
    closesAt: '2026-05-15T23:59:00-04:00',
    visibility: 'network',
    partners: [{ org: 'CJN', role: 'lead', status: 'invited' }],
    items: [],
  },
  {
    title: 'Oak Foundation: ending the detention of children in Cambodia',
    stage: 'screening',
    funder: 'Oak',
    description:
      'Diversion and non-custodial measures for children in conflict with the law; follows the UN Global Study on Children Deprived of Liberty.',
    tags: ['detention', 'diversion'],
    amount: ['250000', '600000', 'USD'],
    closesAt: '2026-04-01T17:00:00+02:00',
    visibility: 'participants',
    partners: [
      { org: 'CJN', role: 'lead', status: 'confirmed' },
      { org: 'LAC', role: 'co_applicant', status: 'invited' },
    ],
    items: [{ title: 'Eligibility check against the call guidelines', status: 'todo' }],
  },
  {
    title: 'EU CSO-LA Cambodia 2026: access to justice for children in conflict with the law',
    stage: 'preparing',
    funder: 'EU',
    callReference: 'EuropeAid/182345/DD/ACT/KH',
    url: 'https://international-partnerships.ec.europa.eu/funding-and-technical-assistance/funding-instruments_en',
    description:
      'Concept note passed; full proposal due. Legal aid, child-friendly procedures and capacity building of justice actors.',
    tags: ['legal-aid', 'child-friendly-justice'],
    amount: ['500000', '1000000', 'EUR'],
    closesAt: '2026-03-31T12:00:00+02:00',
    visibility: 'participants',
    partners: [
      { org: 'CRC-Cambodia', role: 'lead', status: 'confirmed', budget: ['420000', 'EUR'] },
      { org: 'LAC', role: 'co_applicant', status: 'confirmed', budget: ['310000', 'EUR'] },
      { org: 'CJN', role: 'associate', status: 'invited', budget: ['45000', 'USD'] },
    ],
    items: [
      { title: 'Concept note (approved)', status: 'done', url: 'https://drive.example.org/cjn/eu-2026/concept-note' },
      {
        title: 'Registration certificate',
        owner: 'LAC',
        status: 'done',
        document: 'Registration with the Ministry of Interior',
      },
      { title: 'Audited accounts (last 2 years)', owner: 'LAC', status: 'todo' },
      {
        title: 'Child safeguarding policy',
        owner: 'CRC-Cambodia',
        status: 'done',
        document: 'Child safeguarding policy (2023 revision)',
      },
      { title: 'Detailed budget (Annex III)', owner: 'CRC-Cambodia', status: 'todo' },
      { title: 'CVs of key staff', owner: 'CJN', status: 'todo', required: false },
    ],
  },
  {
    title: 'UNICEF PCA: community-based diversion for children in conflict with the law',
    stage: 'submitted',
    funder: 'UNICEF',
    description: 'Programme cooperation agreement with UNICEF Cambodia for diversion pilots in three provinces.',
    tags: ['diversion'],
    amount: ['150000', '200000', 'USD'],
    closesAt: '2026-01-20T17:00:00+07:00',
    visibility: 'network',
    partners: [
      { org: 'LAC', role: 'lead', status: 'confirmed', budget: ['120000', 'USD'] },
      { org: 'CJN', role: 'co_applicant', status: 'confirmed', budget: ['60000', 'USD'] },
    ],
    items: [
      { title: 'Partner declaration', owner: 'LAC', status: 'done' },
      { title: 'Budget', owner: 'LAC', status: 'done' },
    ],
  },
  {
    title: 'Follow-up to the CRC Concluding Observations: CSO monitoring of juvenile justice recommendations',
    stage: 'awarded',
    funder: 'EU',
    description:
      'Monitoring how the Concluding Observations on child justice are implemented; builds on the CSO debrief with CRC Committee members.',
    tags: ['crc-reporting', 'monitoring'],
    amount: ['80000', '120000', 'EUR'],
    closesAt: '2025-11-30T12:00:00+01:00',
    visibility: 'network',
    awarded: '95000',
    partners: [
      { org: 'CRC-Cambodia', role: 'lead', status: 'confirmed', budget: ['70000', 'EUR'] },
      { org: 'CJN', role: 'co_applicant', status: 'confirmed', budget: ['25000', 'EUR'] },
    ],
    items: [{ title: 'Signed grant contract', owner: 'CRC-Cambodia', status: 'todo' }],
  },
  {
    title: 'Child-friendly justice training for judges and prosecutors (2025–2026)',
    stage: 'reporting',
    funder: 'Oak',
    description:
      'Training curriculum with the Royal Academy for Judicial Professions; interim narrative and financial report due.',
    tags: ['capacity-building'],
    amount: ['200000', '200000', 'USD'],
    closesAt: '2025-03-01T17:00:00+01:00',
    visibility: 'participants',
    awarded: '200000',
    partners: [
      { org: 'CJN', role: 'lead', status: 'confirmed', budget: ['140000', 'USD'] },
      { org: 'OHCHR', role: 'associate', status: 'confirmed' },
      { org: 'LAC', role: 'subgrantee', status: 'confirmed', budget: ['60000', 'USD'] },
    ],
    items: [{ title: 'Interim narrative report', owner: 'CJN', status: 'todo' }],
  },
  {
    title: 'Cambodian preparatory meeting for the World Congress on Justice With Children',
    stage: 'closed',
    funder: 'UNICEF',
    description: 'Small grant for the 2021 national preparatory meeting that led to the creation of the network.',
    tags: ['convening'],
    amount: ['15000', '15000', 'USD'],
    closesAt: '2021-05-01T17:00:00+07:00',
    visibility: 'network',
    awarded: '15000',
    partners: [{ org: 'CRC-Cambodia', role: 'lead', status: 'confirmed', budget: ['15000', 'USD'] }],
    items: [],
  },
  {
    title: 'Regional research grant on children deprived of liberty (ASEAN)',
    stage: 'no_go',
    funder: 'UNDEF',
    description: 'Screened out: regional lead required outside Cambodia.',
    tags: ['research', 'detention'],
    amount: ['300000', '500000', 'USD'],
    closesAt: '2025-09-15T23:59:00-04:00',
    visibility: 'network',
    partners: [{ org: 'CJN', role: 'lead', status: 'confirmed' }],
    items: [],
  },
  {
    title: 'EIDHR country-based support scheme 2025: rights of children in the justice system',
    stage: 'declined',
    funder: 'EU',
    description: 'Full proposal not retained by the funder; feedback kept for the 2026 call.',
    tags: ['legal-aid'],
    amount: ['300000', '500000', 'EUR'],
    closesAt: '2025-02-28T12:00:00+01:00',
    visibility: 'participants',
    partners: [
      { org: 'LAC', role: 'lead', status: 'confirmed', budget: ['280000', 'EUR'] },
      { org: 'CRC-Cambodia', role: 'co_applicant', status: 'confirmed', budget: ['150000', 'EUR'] },
    ],
    items: [],
  },
  {
    title: 'Juvenile justice data system pilot',
    stage: 'withdrawn',
    funder: 'UNICEF',
    description: 'Withdrawn after the ministry started its own data system.',
    tags: ['data'],
    amount: ['50000', '80000', 'USD'],
    closesAt: '2025-08-01T17:00:00+07:00',
    visibility: 'network',
    partners: [{ org: 'CJN', role: 'lead', status: 'confirmed' }],
    items: [],
  },
];

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

/**
 * Demo pipeline: an opportunity at every stage, with consortia, budget shares (one in another
 * currency), checklists and organisation documents. Idempotent: opportunities are found by title.
 */
/**
 * The dates below are written as seen on this day; seeding moves them by as many days as today is past it,
 * so a fresh install always has calls closing soon, one just submitted and documents about to expire
 * (the seeded deadlines, in days from today, line up with them).
 */
const WRITTEN_ON = '2026-03-01';

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
