import { mentionNotice } from '../submissions/mention-notice.js';
import { AccessService } from '../access/access.service.js';
import { Endorsement } from '../submissions/endorsement.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { SectionComment } from '../submissions/comment.entity.js';
import { Section, SectionRevision, type SectionStatus } from '../submissions/section.entity.js';
import { Submission, SubmissionPartner } from '../submissions/submission.entity.js';
import type { SeedContext } from './seed-context.js';

interface SectionSeed {
  title: string;
  assignee: string;
  status: SectionStatus;
  /** Successive saves; the last is the current text. */
  versions: string[];
}

interface SubmissionSeed {
  fields: Partial<Submission> & Pick<Submission, 'title' | 'targetBody' | 'kind'>;
  lead: string;
  partners: { org: string; requiredSigner: boolean }[];
  sections: SectionSeed[];
  endorsedBy: { org: string; user: string; displayName: string }[];
  comment?: { section: number; author: string; body: string; mention: string; reply: { author: string; body: string } };
}

const GC26: SubmissionSeed = {
  fields: {
    title: 'Comment on the first draft of General Comment No. 26 on children’s rights and the environment',
    targetBody: 'UN Committee on the Rights of the Child',
    kind: 'general_comment',
    callUrl: 'https://www.ohchr.org/en/treaty-bodies/crc/general-comments',
    language: 'en',
    wordLimit: 3000,
    sessionReference: 'General Comment No. 26 — consultation on the first draft',
    confidentiality: 'publish',
    channel: 'email',
    visibility: 'network',
    status: 'sign_off',
  },
  lead: 'CJN',
  partners: [
    { org: 'CRC-Cambodia', requiredSigner: true },
    { org: 'LAC', requiredSigner: true },
    { org: 'TLC', requiredSigner: false },
  ],
  sections: [
    {
      title: 'Introduction',
      assignee: 'coordinator',
      status: 'approved',
      versions: [
        'The Child Justice Network (CJN) welcomes the first draft of General Comment No. 26.',
        'The Child Justice Network (CJN), a partnership of civil society organisations and UN agencies in Cambodia, ' +
          'welcomes the first draft of General Comment No. 26 on children’s rights and the environment, with a special focus on climate change.',
      ],
    },
    {
      title: 'Access to justice for environmental harm',
      assignee: 'lacMember',
      status: 'ready',
      versions: [
        'Children need remedies.',
        'We suggest additional safeguards so that children can **seek remedies** for environmental harm:\n\n' +
          '- child-friendly complaint mechanisms at national level;\n' +
          '- free legal aid and representation for children and their families;\n' +
          '- standing for children and child-rights organisations to bring collective claims.',
      ],
    },
    {
      title: 'Children in conflict with the law and environmental activism',
      assignee: 'crcMember',
      status: 'ready',
      versions: [
        'Children who take part in environmental protests must not be criminalised; diversion and non-custodial measures should be the rule, ' +
          'and deprivation of liberty a measure of last resort for the shortest appropriate time.',
      ],
    },
  ],
  endorsedBy: [
    { org: 'CRC-Cambodia', user: 'crcMember', displayName: 'Child Rights Coalition Cambodia (CRC-Cambodia)' },
  ],
};

const OECD: SubmissionSeed = {
  fields: {
    title: 'Response to the OECD Draft Recommendation on Access to Justice and People-centred Justice Systems',
    targetBody: 'Organisation for Economic Co-operation and Development (OECD)',
    kind: 'consultation_response',
    language: 'en',
    wordLimit: 2000,
    pageLimit: 5,
    sessionReference: 'Public consultation on the Draft Recommendation of the Council',
    confidentiality: 'publish',
    channel: 'portal',
    visibility: 'participants',
    status: 'drafting',
  },
  lead: 'CJN',
  partners: [
    { org: 'LAC', requiredSigner: true },
    { org: 'FI', requiredSigner: false },
    { org: 'TLC', requiredSigner: false },
  ],
  sections: [
    {
      title: 'Summary',
      assignee: 'coordinator',
      status: 'ready',
      versions: [
        'The draft Recommendation should be more inclusive of the rights of children and other groups in its approach to people-centred justice.',
      ],
    },
    {
      title: 'Children as users of justice services',
      assignee: 'lacMember',
      status: 'drafting',
      versions: [
        'Legal needs surveys rarely ask children.',
        'Legal needs surveys rarely ask children about their justice problems. We recommend that the Recommendation ' +
          'call on Adherents to include children and adolescents in legal needs surveys and in the design of services.',
      ],
    },
    {
      title: 'Diversion and restorative justice',
      assignee: 'fiMember',
      status: 'drafting',
      versions: ['Draft points: diversion at police stage; community-based programmes; data on outcomes.'],
    },
    { title: 'Annex: examples from Cambodia', assignee: 'tlcMember', status: 'not_started', versions: [''] },
  ],
  endorsedBy: [],
  comment: {
    section: 1,
    author: 'coordinator',
    body: 'Could we cite the figures from the 2022 needs assessment here?',
    mention: 'lacMember',
    reply: { author: 'lacMember', body: 'Yes, I will add them with the source by Friday.' },
  },
};

/** Demo submissions: a comment on the draft General Comment No. 26 and an OECD consultation response. Idempotent by title. */
export async function seedSubmissions(ctx: SeedContext): Promise<void> {
  for (const seed of [GC26, OECD]) await seedOne(ctx, seed);
}

async function seedOne(ctx: SeedContext, seed: SubmissionSeed): Promise<void> {
  const exists = await ctx.db.getRepository(Submission).existsBy({ title: seed.fields.title });
  if (exists) return;
  const user = (key: string) => ctx.users[key];
  const org = (key: string) => ctx.orgs[key];
  await ctx.db.transaction(async (manager) => {
    const now = ctx.clock.now();
    const submission = await manager.getRepository(Submission).save(
      manager.getRepository(Submission).create({
        ...seed.fields,
        leadOrganizationId: org(seed.lead).id,
        ownerId: user('coordinator').id,
      }),
    );
    await manager.getRepository(SubmissionPartner).insert(
      seed.partners.map((p) => ({
        submissionId: submission.id,
        organizationId: org(p.org).id,
        requiredSigner: p.requiredSigner,
      })),
    );
    const sections: Section[] = [];
    for (const [index, s] of seed.sections.entries()) {
      const author = user(s.assignee);
      const section = await manager.getRepository(Section).save(
        manager.getRepository(Section).create({
          submissionId: submission.id,
          position: index + 1,
          title: s.title,
          assigneeId: author.id,
          body: s.versions[s.versions.length - 1],
          status: s.status,
          version: s.versions.length,
          updatedById: author.id,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await manager.getRepository(SectionRevision).insert(
        s.versions.map((body, v) => ({
          sectionId: section.id,
          version: v + 1,
          title: s.title,
          body,
          status: v === s.versions.length - 1 ? s.status : ('drafting' as const),
          assigneeId: author.id,
          authorId: author.id,
          createdAt: now,
        })),
      );
      sections.push(section);
    }
    for (const e of seed.endorsedBy) {
      await manager.getRepository(Endorsement).insert({
        submissionId: submission.id,
        organizationId: org(e.org).id,
        displayName: e.displayName,
        endorsedById: user(e.user).id,
        endorsedAt: now,
      });
    }
    if (seed.comment) {
      const c = seed.comment;
      const sectionId = sections[c.section].id;
      const root = await manager.getRepository(SectionComment).save(
        manager.getRepository(SectionComment).create({
          sectionId,
          authorId: user(c.author).id,
          body: `@${user(c.mention).email} ${c.body}`,
          mentionedUserIds: [user(c.mention).id],
          createdAt: now,
          updatedAt: now,
        }),
      );
      await new NotificationsService(ctx.db.getRepository(Notification), ctx.clock, new AccessService()).notify(
        manager,
        [user(c.mention).id],
        mentionNotice(user(c.author), submission.id, sections[c.section], root),
      );
      await manager.getRepository(SectionComment).insert({
        sectionId,
        parentId: root.id,
        authorId: user(c.reply.author).id,
        body: c.reply.body,
        mentionedUserIds: [],
        createdAt: now,
        updatedAt: now,
      });
    }
    ctx.log(`submission ${submission.title} (${submission.status}, ${sections.length} sections)`);
  });
}
