import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { isCoordinator } from '../access/roles.js';
import { ActivityService, diffFields } from '../activity/activity.service.js';
import { type Page, pageWindow, toPage } from '../common/pagination.js';
import { badField, notFound } from '../common/refusal.js';
import { Organization } from '../organizations/organization.entity.js';
import type { OrganizationRef } from '../organizations/organizations.service.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { User } from '../users/user.entity.js';
import type { RecommendationQuery, UpdateRecommendationDto } from './dto/recommendation.dto.js';
import { Assessment, type AssessmentStatus, type Evidence, Recommendation } from './recommendation.entity.js';
import { filteredRecommendations, historyOf, latestAssessments } from './recommendations.repository.js';
import { mayAssess } from './review-access.js';
import type { ExportRow } from './review-export.js';
import { Review } from './review.entity.js';

export interface RecommendationView extends Recommendation {
  responsibleOrganizations: OrganizationRef[];
  followingOrganizations: OrganizationRef[];
  status: AssessmentStatus;
  assessedOn: string | null;
  can: { change: boolean; assess: boolean };
}

export interface AssessmentView extends Omit<Assessment, 'evidence'> {
  evidence: (Evidence & { fileName?: string })[];
  organization: OrganizationRef | null;
  assessor: { id: string; name: string } | null;
}

export interface RecommendationDetail extends RecommendationView {
  review: Pick<Review, 'id' | 'name' | 'symbol' | 'mechanism'>;
  history: AssessmentView[];
}

/** A review's recommendations: the list with its filters, one with its history, and what coordinators change. */
@Injectable()
export class RecommendationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly activity: ActivityService,
    private readonly organizations: OrganizationsService,
  ) {}

  async list(user: User, reviewId: string, query: RecommendationQuery): Promise<Page<RecommendationView>> {
    await this.access.requireAccess(user, 'review', reviewId);
    const window = pageWindow(query);
    const [rows, total] = await filteredRecommendations(this.db.manager, reviewId, query)
      .take(window.limit)
      .skip(window.offset)
      .getManyAndCount();
    return toPage(await this.views(user, rows), total, window);
  }

  /** The review and every recommendation the filters keep, with its latest evidence, for the exports (no paging). */
  async exportRows(
    user: User,
    reviewId: string,
    query: RecommendationQuery,
  ): Promise<{ review: Review; rows: ExportRow[] }> {
    await this.access.requireAccess(user, 'review', reviewId);
    const review = await this.db.getRepository(Review).findOneByOrFail({ id: reviewId });
    const views = await this.views(user, await filteredRecommendations(this.db.manager, reviewId, query).getMany());
    const latest = await latestAssessments(
      this.db.manager,
      views.map((v) => v.id),
    );
    const rows = views.map((v) => ({
      ...v,
      evidence: latest.get(v.id)?.evidence ?? [],
      summary: latest.get(v.id)?.summary ?? null,
    }));
    return { review, rows };
  }

  async get(user: User, id: string): Promise<RecommendationDetail> {
    await this.access.requireAccess(user, 'recommendation', id);
    const recommendation = await this.find(this.db.manager, id);
    const review = await this.db.getRepository(Review).findOneByOrFail({ id: recommendation.reviewId });
    const [view] = await this.views(user, [recommendation]);
    return {
      ...view,
      review: { id: review.id, name: review.name, symbol: review.symbol, mechanism: review.mechanism },
      history: await this.named(await historyOf(this.db.manager, id)),
    };
  }

  /** Assessments with the names of the organisation and the person who made them. */
  private async named(history: Assessment[]): Promise<AssessmentView[]> {
    const orgs = await this.organizations.refsByIds(
      history.flatMap((a) => (a.organizationId ? [a.organizationId] : [])),
    );
    const people: { id: string; name: string }[] = history.length
      ? await this.db.query(`SELECT id, name FROM users WHERE id = ANY($1)`, [history.map((a) => a.assessedBy)])
      : [];
    const fileIds = history.flatMap((a) => a.evidence.flatMap((e) => (e.fileId ? [e.fileId] : [])));
    const files: { id: string; original_name: string }[] = fileIds.length
      ? await this.db.query(`SELECT id, original_name FROM stored_files WHERE id = ANY($1)`, [fileIds])
      : [];
    const fileName = (id: string | undefined) => files.find((f) => f.id === id)?.original_name;
    return history.map((a) => ({
      ...a,
      evidence: a.evidence.map((e) => (e.fileId ? { ...e, fileName: fileName(e.fileId) } : e)),
      organization: (a.organizationId && orgs.get(a.organizationId)) || null,
      assessor: people.find((p) => p.id === a.assessedBy) ?? null,
    }));
  }

  async update(actor: User, id: string, dto: UpdateRecommendationDto): Promise<RecommendationDetail> {
    await this.access.requireAccess(actor, 'recommendation', id, 'write');
    await this.db.transaction(async (manager) => {
      const repo = manager.getRepository(Recommendation);
      const recommendation = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!recommendation) throw notFound('recommendation', 'Recommendation not found');
      await this.checkOrganizations(manager, dto);
      const patch: Partial<Recommendation> = {
        ...dto,
        submissionLinks: dto.submissionLinks?.map((l) => ({
          submissionId: l.submissionId,
          sectionId: l.sectionId ?? null,
        })),
      };
      if (dto.submissionLinks === undefined) delete patch.submissionLinks;
      const changes = diffFields(recommendation, patch);
      if (!Object.keys(changes).length) return;
      Object.assign(recommendation, patch);
      await repo.save(recommendation);
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'recommendation.updated',
        subjectType: 'recommendation',
        subjectId: id,
        summary: `Updated ${Object.keys(changes).join(', ')} of recommendation ${recommendation.paragraph}`,
        params: { title: recommendation.paragraph, fields: Object.keys(changes) },
        changes: { ...changes, reviewId: recommendation.reviewId },
      });
    });
    return this.get(actor, id);
  }

  async find(manager: EntityManager, id: string): Promise<Recommendation> {
    const recommendation = await manager.getRepository(Recommendation).findOneBy({ id });
    if (!recommendation) throw notFound('recommendation', 'Recommendation not found');
    return recommendation;
  }

  /** Responsible bodies must be organisations of kind government; the others must exist. */
  private async checkOrganizations(manager: EntityManager, dto: UpdateRecommendationDto): Promise<void> {
    const check = async (field: 'responsibleOrganizationIds' | 'followingOrganizationIds' | 'opportunityIds') => {
      const ids = [...new Set(dto[field] ?? [])];
      if (!ids.length) return;
      if (field === 'opportunityIds') {
        const found: { id: string }[] = await manager.query(`SELECT id FROM opportunities WHERE id = ANY($1)`, [ids]);
        if (found.length !== ids.length)
          throw badField(field, 'no_such_record', 'names an opportunity that does not exist');
        return;
      }
      const orgs = await manager.getRepository(Organization).findBy({ id: In(ids) });
      if (orgs.length !== ids.length)
        throw badField(field, 'no_such_record', 'names an organisation that does not exist');
      if (field === 'responsibleOrganizationIds' && orgs.some((o) => o.kind !== 'government'))
        throw badField(field, 'invalid', 'must name organisations of kind government', { kind: 'government' });
    };
    await check('responsibleOrganizationIds');
    await check('followingOrganizationIds');
    await check('opportunityIds');
    const submissionIds = [...new Set((dto.submissionLinks ?? []).map((l) => l.submissionId))];
    if (submissionIds.length) {
      const found: { id: string }[] = await manager.query(`SELECT id FROM submissions WHERE id = ANY($1)`, [
        submissionIds,
      ]);
      if (found.length !== submissionIds.length)
        throw badField('submissionLinks', 'no_such_record', 'names a submission that does not exist');
    }
  }

  async views(user: User, rows: Recommendation[]): Promise<RecommendationView[]> {
    const latest = await latestAssessments(
      this.db.manager,
      rows.map((r) => r.id),
    );
    const refs = await this.organizations.refsByIds(
      rows.flatMap((r) => [...r.responsibleOrganizationIds, ...r.followingOrganizationIds]),
    );
    const named = (ids: string[]) => ids.map((id) => refs.get(id)).filter((ref): ref is OrganizationRef => !!ref);
    return rows.map((r) => ({
      ...r,
      responsibleOrganizations: named(r.responsibleOrganizationIds),
      followingOrganizations: named(r.followingOrganizationIds),
      status: latest.get(r.id)?.status ?? 'no_information',
      assessedOn: latest.get(r.id)?.assessedOn ?? null,
      can: { change: isCoordinator(user.role), assess: mayAssess(user, r.followingOrganizationIds) },
    }));
  }
}
