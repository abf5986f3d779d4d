import { Injectable } from '@nestjs/common';
import { type EntityManager, In, IsNull } from 'typeorm';
import { type OrganizationRef, OrganizationsService } from '../organizations/organizations.service.js';
import { Endorsement } from './endorsement.entity.js';
import { Section } from './section.entity.js';
import { SubmissionSnapshot } from './snapshot.entity.js';
import { type Submission, SubmissionPartner } from './submission.entity.js';
import { summarizeWords, type WordCountSummary } from './word-count.js';

export interface PartnerView {
  organizationId: string;
  name: string;
  acronym: string | null;
  requiredSigner: boolean;
  endorsed: boolean;
}

export type SubmissionView = Submission & {
  leadOrganization: OrganizationRef | null;
  partnerOrganizationIds: string[];
  partners: PartnerView[];
  signOff: { requiredSigners: number; endorsed: number; missing: string[] };
  nextDeadline: NextDeadline | null;
  finalSnapshotId?: string | null;
  wordCount?: WordCountSummary;
};

export interface NextDeadline {
  id: string;
  title: string;
  dueAt: Date;
  timeZone: string;
}

/** Shapes submissions for the API, loading partners and endorsements in batches. */
@Injectable()
export class SubmissionViews {
  constructor(private readonly organizations: OrganizationsService) {}

  async many(manager: EntityManager, submissions: Submission[]): Promise<SubmissionView[]> {
    if (!submissions.length) return [];
    const ids = submissions.map((s) => s.id);
    const partners = await manager
      .getRepository(SubmissionPartner)
      .createQueryBuilder('p')
      .where('p.submission_id IN (:...ids)', { ids })
      .getMany();
    const endorsements = await manager.getRepository(Endorsement).find({
      select: { submissionId: true, organizationId: true },
      where: { submissionId: In(ids), withdrawnAt: IsNull() },
    });
    const orgById = await this.organizations.refsByIds([
      ...submissions.map((s) => s.leadOrganizationId),
      ...partners.map((p) => p.organizationId),
    ]);
    const next = await this.nextDeadlines(manager, ids);
    const endorsed = new Set(endorsements.map((e) => `${e.submissionId}/${e.organizationId}`));
    return submissions.map((s) => {
      const own: PartnerView[] = partners
        .filter((p) => p.submissionId === s.id)
        .map((p) => ({
          organizationId: p.organizationId,
          name: orgById.get(p.organizationId)?.name ?? '',
          acronym: orgById.get(p.organizationId)?.acronym ?? null,
          requiredSigner: p.requiredSigner,
          endorsed: endorsed.has(`${s.id}/${p.organizationId}`),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
      const required = own.filter((p) => p.requiredSigner);
      return {
        ...s,
        leadOrganization: orgById.get(s.leadOrganizationId) ?? null,
        partnerOrganizationIds: own.map((p) => p.organizationId),
        partners: own,
        signOff: {
          requiredSigners: required.length,
          endorsed: required.filter((p) => p.endorsed).length,
          missing: required.filter((p) => !p.endorsed).map((p) => p.name),
        },
        nextDeadline: next.get(s.id) ?? null,
      };
    });
  }

  /** Each submission's earliest open deadline. */
  private async nextDeadlines(manager: EntityManager, ids: string[]): Promise<Map<string, NextDeadline>> {
    const rows: { subject_id: string; id: string; title: string; due_at: Date; time_zone: string }[] =
      await manager.query(
        `SELECT DISTINCT ON (subject_id) subject_id, id, title, due_at, time_zone FROM deadlines
          WHERE subject_type = 'submission' AND subject_id = ANY($1::uuid[]) AND status = 'open'
          ORDER BY subject_id, due_at, id`,
        [ids],
      );
    return new Map(
      rows.map((r) => [r.subject_id, { id: r.id, title: r.title, dueAt: r.due_at, timeZone: r.time_zone }]),
    );
  }

  /** One submission with its word count against the limits and its final snapshot, if frozen. */
  async one(manager: EntityManager, submission: Submission): Promise<SubmissionView> {
    const [view] = await this.many(manager, [submission]);
    const sections = await manager
      .getRepository(Section)
      .find({ where: { submissionId: submission.id }, order: { position: 'ASC' } });
    const final = await manager.getRepository(SubmissionSnapshot).findOne({
      where: { submissionId: submission.id, kind: 'final' },
      select: { id: true },
    });
    return {
      ...view,
      finalSnapshotId: final?.id ?? null,
      wordCount: summarizeWords(sections, { wordLimit: submission.wordLimit, pageLimit: submission.pageLimit }),
    };
  }
}

/** The endorsements in force, oldest first: the list of signatories. */
export async function activeEndorsements(manager: EntityManager, submissionId: string): Promise<Endorsement[]> {
  return manager
    .getRepository(Endorsement)
    .find({ where: { submissionId, withdrawnAt: IsNull() }, order: { endorsedAt: 'ASC' } });
}
