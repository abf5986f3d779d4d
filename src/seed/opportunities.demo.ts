/**
 * Demo pipeline: an opportunity at every stage, with consortia, budget shares (one in another
 * currency), checklists and organisation documents. `opportunities.seed.ts` writes it; idempotent:
 * opportunities are found by title.
 */
import type { ChecklistStatus } from '../opportunities/checklist-item.entity.js';
import type { Stage, Visibility } from '../opportunities/opportunity.entity.js';
import type { DocumentKind } from '../opportunities/organization-document.entity.js';
import type { PartnerRole, PartnerStatus } from '../opportunities/partner.entity.js';
import type { OrganizationKind } from '../organizations/organization.entity.js';

/** Organisations the demo consortia use, by acronym; reused from ctx.orgs or by name, else created. */
export const ORGS: Record<string, { name: string; kind: OrganizationKind }> = {
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

export const DOCUMENTS: { org: string; kind: DocumentKind; title: string; expiresOn: string | null }[] = [
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

export const OPPORTUNITIES: SeedOpportunity[] = [
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

/**
 * The dates below are written as seen on this day; seeding moves them by as many days as today is past it,
 * so a fresh install always has calls closing soon, one just submitted and documents about to expire
 * (the seeded deadlines, in days from today, line up with them).
 */
export const WRITTEN_ON = '2026-03-01';
