import { DateTime } from 'luxon';
import { findTemplate, planTemplate } from '../deadlines/deadline-templates.js';
import { REVIEW_TIME_ZONE, reviewDateTitle, templateFor } from '../deadlines/review-deadlines.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { paragraphOrder, parseRecommendations } from '../reviews/recommendation-parser.js';
import { Assessment, type AssessmentStatus, Recommendation } from '../reviews/recommendation.entity.js';
import { Review, ReviewDate, type ReviewDateKind } from '../reviews/review.entity.js';
import { CRC_CONCLUDING_OBSERVATIONS_DEMO } from './crc-concluding-observations.demo.js';
import { insertDeadline } from './deadlines.seed.js';
import type { SeedContext } from './seed-context.js';

/** Government bodies that recommendations name as responsible (organisations of kind government). */
const GOVERNMENT = [
  { name: 'Ministry of Justice', acronym: 'MoJ' },
  { name: 'Ministry of Social Affairs, Veterans and Youth Rehabilitation', acronym: 'MoSVY' },
  { name: 'Ministry of Interior', acronym: 'MoI' },
  { name: 'National Assembly', acronym: 'NA' },
  { name: 'Cambodian National Council for Children', acronym: 'CNCC' },
];

/** A UPR cycle, shaped like a working group report's recommendations section; demo wording and States. */
const UPR_DEMO = `Demo text: shaped like the recommendations section of a UPR working group report; not its wording.

Recommendations
110. The following recommendations will be examined by the State, which will provide responses in due time:
110.1 Demo text: ratify the Optional Protocol to the Convention on the Rights of the Child on a communications procedure (State A);
110.2 Demo text: raise the minimum age of criminal responsibility in line with international standards (State B);
110.3 Demo text: ensure that detention of children is a measure of last resort and for the shortest appropriate period (State C);
110.4 Demo text: expand free legal aid for children in conflict with the law in every province (State D);
110.5 Demo text: strengthen diversion and community-based alternatives for children (State E);
110.6 Demo text: establish an independent national human rights institution in line with the Paris Principles (State F);
110.7 Demo text: ensure free and universal birth registration (State G).`;

interface DemoReview {
  review: Pick<Review, 'mechanism' | 'name' | 'symbol' | 'visibility'> & { adoptedDaysAgo: number };
  text: string;
  /** days from today */
  dates: { kind: ReviewDateKind; inDays: number; label?: string }[];
  /** by paragraph: tags, responsible (acronyms), following (acronyms) */
  follow: Record<string, { tags: string[]; responsible: string[]; following: string[] }>;
  responses?: Record<string, 'supported' | 'noted'>;
  /** by paragraph: the assessments, oldest first */
  assessments: Record<
    string,
    { status: AssessmentStatus; daysAgo: number; by: string; summary: string; reference?: string }[]
  >;
}

const justice = ['child justice'];

const DEMO: DemoReview[] = [
  {
    review: {
      mechanism: 'crc',
      name: 'CRC review of Cambodia: combined 4th to 6th periodic reports (demo)',
      symbol: 'CRC/C/KHM/CO/4-6',
      visibility: 'network',
      adoptedDaysAgo: 900,
    },
    text: CRC_CONCLUDING_OBSERVATIONS_DEMO,
    dates: [
      { kind: 'follow_up_report', inDays: 120 },
      { kind: 'list_of_issues', inDays: 300 },
      { kind: 'state_report', inDays: 420 },
      { kind: 'pre_session', inDays: 620 },
      { kind: 'session', inDays: 740 },
      { kind: 'other', inDays: 45, label: 'Debrief with Committee members for member organisations' },
    ],
    follow: {
      '48(a)': { tags: [...justice, 'age of criminal responsibility'], responsible: ['MoJ', 'NA'], following: ['CJN'] },
      '48(b)': { tags: [...justice, 'legal aid'], responsible: ['MoJ'], following: ['LAC'] },
      '48(c)': { tags: [...justice, 'diversion'], responsible: ['MoJ', 'MoSVY'], following: ['TLC', 'FI'] },
      '48(d)': { tags: [...justice, 'detention'], responsible: ['MoI', 'MoSVY'], following: ['YRRO'] },
      '48(e)': { tags: [...justice, 'detention'], responsible: ['MoI'], following: ['YRRO'] },
      '48(f)': { tags: [...justice, 'courts'], responsible: ['MoJ'], following: ['CJN'] },
      '19(a)': { tags: ['birth registration'], responsible: ['MoI'], following: ['CRC-Cambodia'] },
    },
    assessments: {
      '48(b)': [
        {
          status: 'not_started',
          daysAgo: 400,
          by: 'coordinator',
          summary: 'Demo text: no dedicated legal aid budget line for children yet.',
        },
        {
          status: 'in_progress',
          daysAgo: 30,
          by: 'lacMember',
          summary: 'Demo text: legal aid lawyers assigned to children in two provinces; no national data yet.',
          reference: 'Demo reference: provincial legal aid roster',
        },
      ],
      '48(d)': [
        {
          status: 'partially_implemented',
          daysAgo: 60,
          by: 'coordinator',
          summary: 'Demo text: pre-trial detention of children reviewed in some courts, not yet everywhere.',
        },
      ],
    },
  },
  {
    review: {
      mechanism: 'upr',
      name: 'Universal Periodic Review of Cambodia, fourth cycle (demo)',
      symbol: null,
      visibility: 'network',
      adoptedDaysAgo: 400,
    },
    text: UPR_DEMO,
    dates: [{ kind: 'other', inDays: 200, label: 'Mid-term report to the Human Rights Council' }],
    follow: {
      '110.2': { tags: [...justice, 'age of criminal responsibility'], responsible: ['MoJ'], following: ['CJN'] },
      '110.4': { tags: [...justice, 'legal aid'], responsible: ['MoJ'], following: ['LAC'] },
      '110.5': { tags: [...justice, 'diversion'], responsible: ['MoJ', 'MoSVY'], following: ['TLC'] },
    },
    responses: {
      '110.2': 'noted',
      '110.3': 'supported',
      '110.4': 'supported',
      '110.5': 'supported',
      '110.7': 'supported',
    },
    assessments: {},
  },
];

const dayFrom = (ctx: SeedContext, days: number) =>
  DateTime.fromJSDate(ctx.clock.now(), { zone: REVIEW_TIME_ZONE }).plus({ days }).toISODate()!;

/** A CRC review shaped like the 2022 review of Cambodia and a UPR cycle, with their dates as deadlines. */
export async function seedReviews(ctx: SeedContext): Promise<void> {
  const orgs = ctx.db.getRepository(Organization);
  for (const body of GOVERNMENT) {
    const found = await orgs.findOneBy({ name: body.name });
    ctx.orgs[body.acronym] =
      found ?? (await orgs.save(orgs.create({ ...body, kind: 'government', country: 'KH', isMember: false })));
  }
  let created = 0;
  for (const demo of DEMO) {
    if (await ctx.db.getRepository(Review).findOneBy({ name: demo.review.name })) continue;
    await seedReview(ctx, demo);
    created += 1;
  }
  ctx.log(`reviews: ${created} added`);
}

async function seedReview(ctx: SeedContext, demo: DemoReview): Promise<void> {
  const { adoptedDaysAgo, ...fields } = demo.review;
  const review = await ctx.db.getRepository(Review).save(
    ctx.db.getRepository(Review).create({
      ...fields,
      adoptedOn: dayFrom(ctx, -adoptedDaysAgo),
      sourceLanguage: 'en',
      createdBy: ctx.users.coordinator?.id ?? null,
    }),
  );
  const ids = (acronyms: string[]) => acronyms.map((a) => ctx.orgs[a]?.id).filter((id): id is string => !!id);
  const parsed = parseRecommendations(demo.text);
  const rows = await ctx.db.getRepository(Recommendation).save(
    parsed.items.map((item) =>
      ctx.db.getRepository(Recommendation).create({
        reviewId: review.id,
        paragraph: item.paragraph,
        parentParagraph: item.parent,
        position: paragraphOrder(item.paragraph),
        cluster: item.cluster,
        subheading: item.subheading,
        text: item.text,
        textKm: item.textKm,
        urgent: item.urgent,
        recommendingState: item.recommendingState,
        response: demo.responses?.[item.paragraph] ?? null,
        tags: demo.follow[item.paragraph]?.tags ?? [],
        responsibleOrganizationIds: ids(demo.follow[item.paragraph]?.responsible ?? []),
        followingOrganizationIds: ids(demo.follow[item.paragraph]?.following ?? []),
      }),
    ),
  );
  for (const [paragraph, assessments] of Object.entries(demo.assessments)) {
    const recommendation = rows.find((r) => r.paragraph === paragraph);
    if (!recommendation) continue;
    for (const a of assessments)
      await ctx.db.getRepository(Assessment).save(
        ctx.db.getRepository(Assessment).create({
          recommendationId: recommendation.id,
          status: a.status,
          summary: a.summary,
          evidence: a.reference ? [{ reference: a.reference }] : [],
          assessedOn: dayFrom(ctx, -a.daysAgo),
          organizationId: ctx.users[a.by]?.organizationId ?? null,
          assessedBy: ctx.users[a.by]?.id ?? null,
        }),
      );
  }
  const now = ctx.clock.now();
  for (const [position, d] of demo.dates.entries()) {
    const date = await ctx.db.getRepository(ReviewDate).save(
      ctx.db.getRepository(ReviewDate).create({
        reviewId: review.id,
        kind: d.kind,
        date: dayFrom(ctx, d.inDays),
        label: d.label ?? null,
        position,
      }),
    );
    const due = {
      dueDate: date.date,
      dueAt: DateTime.fromISO(date.date, { zone: REVIEW_TIME_ZONE })
        .set({ hour: 23, minute: 59, second: 59 })
        .toJSDate(),
    };
    const anchor = await insertDeadline(
      ctx,
      {
        ...due,
        title: reviewDateTitle(review, date),
        kind: 'external',
        timeZone: REVIEW_TIME_ZONE,
        subjectType: 'review',
        subjectId: review.id,
        parentId: null,
        templateId: `review.date:${date.id}`,
        assignees: ['coordinator'],
      },
      now,
    );
    const templateId = templateFor(review, date.kind);
    const template = templateId ? findTemplate(templateId) : undefined;
    if (!template) continue;
    for (const step of planTemplate(template, { ...due, timeZone: REVIEW_TIME_ZONE })) {
      if (step.dueAt <= now) continue;
      await insertDeadline(
        ctx,
        {
          ...step,
          subjectType: 'review',
          subjectId: review.id,
          parentId: anchor.id,
          templateId: template.id,
          assignees: ['coordinator'],
        },
        now,
      );
    }
  }
}
