import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { isCoordinator } from '../access/roles.js';
import { ActivityService, diffFields } from '../activity/activity.service.js';
import { Clock } from '../common/clock.js';
import { type Page, type PageQuery, pageWindow, toPage } from '../common/pagination.js';
import { Activity } from '../activity/activity.entity.js';
import { escapeLike } from '../common/sql.js';
import { User } from '../users/user.entity.js';
import { type CreateSubmissionDto, type SubmissionQuery, type UpdateSubmissionDto } from './dto/submission.dto.js';
import { READER_SQL, VISIBLE_SQL } from './submission-access.js';
import { lockSubmission } from './submissions.repository.js';
import { Submission, SubmissionPartner } from './submission.entity.js';
import { requireLead } from './submission-roles.js';
import { FIELDS_EDITABLE_WHEN_FROZEN, isFrozen, label } from '../../shared/submission.workflow.js';
import { type SubmissionView, SubmissionViews } from './submission.views.js';
import { type SubmissionActions, submissionActions } from './submission-actions.js';
import { Endorsement } from './endorsement.entity.js';
import { Section } from './section.entity.js';
import { notFound } from '../common/refusal.js';
import { contactVisibleSql } from '../users/contact-visibility.js';
import { assertOrganizations, assertOwner, replacePartners, requestedPartners } from './submission-participants.js';

export interface MentionCandidate {
  id: string;
  name: string;
  organization: { id: string; name: string; acronym: string | null } | null;
}

@Injectable()
export class SubmissionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly activity: ActivityService,
    private readonly clock: Clock,
    private readonly views: SubmissionViews,
    private readonly access: AccessService,
  ) {}

  async list(user: User, query: SubmissionQuery): Promise<Page<SubmissionView>> {
    const window = pageWindow(query);
    const qb = this.db.getRepository(Submission).createQueryBuilder('s');
    if (!isCoordinator(user.role)) {
      if (user.organizationId) qb.andWhere(VISIBLE_SQL, { viewerOrg: user.organizationId });
      else qb.andWhere(`s.visibility = 'network'`);
    }
    if (query.archived !== 'true') qb.andWhere('s.archived_at IS NULL');
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('s.kind = :kind', { kind: query.kind });
    if (query.leadOrganizationId) qb.andWhere('s.lead_organization_id = :lead', { lead: query.leadOrganizationId });
    if (query.targetBody) qb.andWhere('s.target_body ILIKE :body', { body: `%${escapeLike(query.targetBody)}%` });
    if (query.organizationId) {
      qb.andWhere(
        `(s.lead_organization_id = :org OR EXISTS (SELECT 1 FROM submission_partners fp WHERE fp.submission_id = s.id AND fp.organization_id = :org))`,
        { org: query.organizationId },
      );
    }
    if (query.q) {
      qb.andWhere(
        `(s.title ILIKE :q OR s.target_body ILIKE :q OR s.session_reference ILIKE :q OR EXISTS (
          SELECT 1 FROM submission_sections fs WHERE fs.submission_id = s.id AND (fs.title ILIKE :q OR fs.body ILIKE :q)))`,
        { q: `%${escapeLike(query.q)}%` },
      );
    }
    if (query.dueBefore) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM deadlines dd WHERE dd.subject_type = 'submission' AND dd.subject_id = s.id
                   AND dd.status = 'open' AND dd.due_at < :dueBefore)`,
        { dueBefore: new Date(query.dueBefore) },
      );
    }
    if (query.sort === 'deadline') {
      qb.addSelect(
        `(SELECT min(nd.due_at) FROM deadlines nd WHERE nd.subject_type = 'submission' AND nd.subject_id = s.id
           AND nd.status = 'open')`,
        'next_due',
      ).orderBy('next_due', 'ASC', 'NULLS LAST');
    } else {
      qb.orderBy('s.created_at', 'DESC');
    }
    const [items, total] = await qb.addOrderBy('s.id').take(window.limit).skip(window.offset).getManyAndCount();
    return toPage(await this.views.many(this.db.manager, items), total, window);
  }

  async get(user: User, id: string): Promise<SubmissionView & { can: SubmissionActions }> {
    await this.access.requireAccess(user, 'submission', id, 'read');
    return this.viewFor(user, id);
  }

  /** The submission with what `user` (who may read it) may do to it now. */
  async viewFor(user: User, id: string): Promise<SubmissionView & { can: SubmissionActions }> {
    const view = await this.view(id);
    const writes = (await this.access.allowedIds(user, 'submission', [id], 'write')).has(id);
    const ownOrganizationEndorsed =
      !!user.organizationId &&
      (await this.db
        .getRepository(Endorsement)
        .existsBy({ submissionId: id, organizationId: user.organizationId, withdrawnAt: IsNull() }));
    return { ...view, can: submissionActions(user, view, { writes, ownOrganizationEndorsed }) };
  }

  /**
   * People who can read the submission — those who can be assigned a section or @mentioned — its
   * participants first, the caller among them.
   */
  async mentionCandidates(user: User, id: string, q: string | undefined): Promise<MentionCandidate[]> {
    await this.access.requireAccess(user, 'submission', id, 'read');
    const rows: { id: string; name: string; org_id: string | null; org_name: string | null; acronym: string | null }[] =
      await this.db.query(
        `SELECT u.id, u.name, o.id AS org_id, o.name AS org_name, o.acronym
           FROM submissions s CROSS JOIN users u LEFT JOIN organizations o ON o.id = u.organization_id
          WHERE s.id = $1 AND ${READER_SQL}
            AND ($2::text IS NULL OR u.name ILIKE $2
                 OR (u.email ILIKE $2 AND ${contactVisibleSql('$3::uuid', '$4::uuid', '$5::boolean')}))
          ORDER BY (u.organization_id = s.lead_organization_id OR EXISTS (SELECT 1 FROM submission_partners mp
                     WHERE mp.submission_id = s.id AND mp.organization_id = u.organization_id)) DESC NULLS LAST,
                   u.name, u.id
          LIMIT 50`,
        // An address matches only where the reader may see it (as /users does), so search never confirms one.
        [id, q ? `%${escapeLike(q)}%` : null, user.id, user.organizationId, isCoordinator(user.role)],
      );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      organization: r.org_id ? { id: r.org_id, name: r.org_name!, acronym: r.acronym } : null,
    }));
  }

  /** Who did what to this submission and its sections (deleted ones included), newest first. */
  async history(user: User, id: string, query: PageQuery): Promise<Page<Activity>> {
    await this.access.requireAccess(user, 'submission', id, 'read');
    const sections = await this.db.getRepository(Section).find({ select: { id: true }, where: { submissionId: id } });
    return this.activity.historyOf(
      { subjectType: 'submission', id },
      [
        { subjectType: 'section', subjectIds: sections.map((s) => s.id) },
        // A deleted section's entries name the submission it was in.
        { subjectType: 'section', changes: { submissionId: id } },
      ],
      query,
    );
  }

  async wordCount(user: User, id: string): Promise<SubmissionView['wordCount']> {
    return (await this.get(user, id)).wordCount;
  }

  /** The submission as clients see it, for a caller that has already checked access. */
  async view(id: string): Promise<SubmissionView> {
    const submission = await this.db.getRepository(Submission).findOneBy({ id });
    if (!submission) throw notFound('submission', 'Submission not found');
    return this.views.one(this.db.manager, submission);
  }

  async create(actor: User, dto: CreateSubmissionDto): Promise<SubmissionView> {
    if (!isCoordinator(actor.role) && dto.leadOrganizationId !== actor.organizationId) {
      throw new ForbiddenException('Members can start submissions led by their own organisation only');
    }
    const { partnerOrganizationIds, partners, ...fields } = dto;
    const partnerList = requestedPartners(dto.leadOrganizationId, partnerOrganizationIds, partners);
    const id = await this.db.transaction(async (manager) => {
      await assertOrganizations(manager, [dto.leadOrganizationId, ...(partnerList ?? []).map((p) => p.organizationId)]);
      if (dto.ownerId)
        await assertOwner(
          manager,
          dto.ownerId,
          dto.leadOrganizationId,
          (partnerList ?? []).map((p) => p.organizationId),
        );
      const repo = manager.getRepository(Submission);
      const submission = await repo.save(
        repo.create({
          ...fields,
          ownerId: dto.ownerId ?? actor.id,
          visibility: dto.visibility ?? 'participants',
          status: 'planned',
        }),
      );
      await replacePartners(manager, submission.id, partnerList ?? []);
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'submission.created',
        subjectType: 'submission',
        subjectId: submission.id,
        summary: `Created submission "${submission.title}" to ${submission.targetBody}`,
        params: { title: submission.title, targetBody: submission.targetBody },
      });
      return submission.id;
    });
    return this.viewFor(actor, id);
  }

  async update(actor: User, id: string, dto: UpdateSubmissionDto): Promise<SubmissionView> {
    await this.access.requireAccess(actor, 'submission', id, 'write');
    await this.db.transaction(async (manager) => {
      const submission = await lockSubmission(manager, id, 'update');
      // Title, details, who takes part (and so who sees it and who must sign): the lead's or a coordinator's call, not a co-drafter's.
      requireLead(actor, submission, 'change the title, details or partners of a submission');
      const { partnerOrganizationIds, partners, ...fields } = dto;
      const changes = diffFields(submission, fields);
      const partnerList = requestedPartners(
        dto.leadOrganizationId ?? submission.leadOrganizationId,
        partnerOrganizationIds,
        partners,
      );
      if (isFrozen(submission.status)) {
        const frozen = Object.keys(changes).filter((f) => !FIELDS_EDITABLE_WHEN_FROZEN.includes(f));
        if (frozen.length || partnerList) {
          throw new ConflictException(
            `The submission is ${label(submission.status)}: ${[...frozen, ...(partnerList ? ['partners'] : [])].join(', ')} can no longer be changed`,
          );
        }
      }
      if (!isCoordinator(actor.role) && changes.leadOrganizationId) {
        throw new ForbiddenException('Only a coordinator can hand the lead to another organisation');
      }
      if (dto.leadOrganizationId || partnerList) {
        await assertOrganizations(manager, [
          ...(dto.leadOrganizationId ? [dto.leadOrganizationId] : []),
          ...(partnerList ?? []).map((p) => p.organizationId),
        ]);
      }
      if (!partnerList && changes.leadOrganizationId) {
        const clash = await manager
          .getRepository(SubmissionPartner)
          .existsBy({ submissionId: id, organizationId: dto.leadOrganizationId! });
        if (clash)
          throw new BadRequestException(
            'leadOrganizationId: this organisation is a co-drafting partner; remove it from the partners first',
          );
      }
      if (dto.ownerId && changes.ownerId) {
        const partnerOrgs = partnerList
          ? partnerList.map((p) => p.organizationId)
          : (await manager.getRepository(SubmissionPartner).findBy({ submissionId: id })).map((p) => p.organizationId);
        await assertOwner(manager, dto.ownerId, dto.leadOrganizationId ?? submission.leadOrganizationId, partnerOrgs);
      }
      if (Object.keys(changes).length) await manager.getRepository(Submission).update(id, fields);
      if (partnerList) {
        const before = await manager
          .getRepository(SubmissionPartner)
          .find({ where: { submissionId: id }, order: { organizationId: 'ASC' } });
        const after = [...partnerList].sort((a, b) => a.organizationId.localeCompare(b.organizationId));
        const summarize = (list: { organizationId: string; requiredSigner?: boolean }[]) =>
          list.map((p) => `${p.organizationId}${p.requiredSigner ? ' (required signer)' : ''}`);
        if (JSON.stringify(summarize(before)) !== JSON.stringify(summarize(after))) {
          changes.partners = [summarize(before), summarize(after)];
          await replacePartners(manager, id, partnerList);
        }
      }
      if (Object.keys(changes).length) {
        await this.activity.record(manager, {
          actorId: actor.id,
          action: 'submission.updated',
          subjectType: 'submission',
          subjectId: id,
          summary: `Updated ${Object.keys(changes).join(', ')} of "${dto.title ?? submission.title}"`,
          params: { title: dto.title ?? submission.title, fields: Object.keys(changes) },
          changes,
        });
      }
    });
    return this.viewFor(actor, id);
  }

  /** Archives rather than deletes: its text, revisions and activity stay. Coordinators only. */
  async archive(actor: User, id: string): Promise<void> {
    await this.access.requireAccess(actor, 'submission', id, 'write');
    if (!isCoordinator(actor.role)) throw new ForbiddenException('Only a coordinator can archive a submission');
    await this.db.transaction(async (manager) => {
      const submission = await lockSubmission(manager, id, 'update', true);
      if (submission.archivedAt) return;
      await manager.getRepository(Submission).update(id, { archivedAt: this.clock.now() });
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'submission.archived',
        subjectType: 'submission',
        subjectId: id,
        summary: `Archived submission "${submission.title}"`,
        params: { title: submission.title },
      });
    });
  }
}
