import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { ActivityService } from '../activity/activity.service.js';
import { Clock } from '../common/clock.js';
import { Refusal, badField, notFound } from '../common/refusal.js';
import { FilesService, type Upload } from '../files/files.service.js';
import type { User } from '../users/user.entity.js';
import type { CreateAssessmentDto } from './dto/recommendation.dto.js';
import { Assessment, type Evidence, Recommendation } from './recommendation.entity.js';
import { mayAssess } from './review-access.js';

const mayNotAssess = () =>
  new Refusal(
    403,
    'may_not_change',
    'Only coordinators, admins and members of an organisation that follows this recommendation assess it',
    { record: 'recommendation' },
  );

/** Assessments are appended, never changed: the latest (by day, then by when written) is the current status. */
@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly activity: ActivityService,
    private readonly clock: Clock,
    private readonly files: FilesService,
  ) {}

  /** Keeps a file of evidence for an assessment about to be written; only those who may assess may upload. */
  async storeEvidence(actor: User, recommendationId: string, upload: Upload | undefined) {
    await this.requireMayAssess(actor, recommendationId);
    const file = await this.db.transaction((manager) => this.files.store(manager, upload, actor.id));
    return { id: file.id, name: file.originalName, contentType: file.contentType, sizeBytes: file.sizeBytes };
  }

  /** 404 unless the user may read the recommendation, 403 unless they may assess it. */
  async requireMayAssess(actor: User, recommendationId: string): Promise<void> {
    await this.access.requireAccess(actor, 'recommendation', recommendationId);
    const recommendation = await this.db.getRepository(Recommendation).findOneByOrFail({ id: recommendationId });
    if (!mayAssess(actor, recommendation.followingOrganizationIds)) throw mayNotAssess();
  }

  /** A file named as evidence by an assessment of this recommendation, to whoever may read the recommendation. */
  async openEvidence(user: User, recommendationId: string, fileId: string) {
    await this.access.requireAccess(user, 'recommendation', recommendationId);
    const [named] = await this.db.query(
      `SELECT 1 FROM recommendation_assessments WHERE recommendation_id = $1 AND evidence @> $2::jsonb LIMIT 1`,
      [recommendationId, JSON.stringify([{ fileId }])],
    );
    if (!named) throw notFound('file', 'File not found');
    return this.files.open(this.db.manager, fileId);
  }

  async add(actor: User, recommendationId: string, dto: CreateAssessmentDto): Promise<Assessment> {
    await this.access.requireAccess(actor, 'recommendation', recommendationId);
    const evidence: Evidence[] = (dto.evidence ?? []).map((e, i) => {
      const item: Evidence = {};
      if (e.url) item.url = e.url;
      if (e.fileId) item.fileId = e.fileId;
      if (e.reference) item.reference = e.reference;
      if (!Object.keys(item).length)
        throw badField(`evidence.${i}`, 'required', 'needs a url, a fileId or a reference');
      return item;
    });
    const fileIds = evidence.flatMap((e) => (e.fileId ? [e.fileId] : []));
    if (fileIds.length) {
      const found: { id: string }[] = await this.db.query(`SELECT id FROM stored_files WHERE id = ANY($1)`, [fileIds]);
      const missing = evidence.findIndex((e) => e.fileId && !found.some((f) => f.id === e.fileId));
      if (missing >= 0)
        throw badField(`evidence.${missing}.fileId`, 'no_such_record', 'names a file that does not exist');
    }
    const today = this.clock.now().toISOString().slice(0, 10);
    if (dto.assessedOn && dto.assessedOn > today)
      throw badField('assessedOn', 'too_large', 'must not be in the future', { max: today });
    return this.db.transaction(async (manager) => {
      const recommendation = await manager
        .getRepository(Recommendation)
        .findOne({ where: { id: recommendationId }, lock: { mode: 'pessimistic_read' } });
      if (!recommendation)
        throw new Refusal(404, 'not_found', 'Recommendation not found', { record: 'recommendation' });
      if (!mayAssess(actor, recommendation.followingOrganizationIds)) throw mayNotAssess();
      const repo = manager.getRepository(Assessment);
      const assessment = await repo.save(
        repo.create({
          recommendationId,
          status: dto.status,
          summary: dto.summary,
          evidence,
          assessedOn: dto.assessedOn ?? today,
          organizationId: actor.organizationId,
          assessedBy: actor.id,
        }),
      );
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'recommendation.assessed',
        subjectType: 'recommendation',
        subjectId: recommendationId,
        summary: `Assessed recommendation ${recommendation.paragraph}: ${dto.status}`,
        params: { title: recommendation.paragraph, status: dto.status, count: evidence.length },
        changes: { reviewId: recommendation.reviewId, assessmentId: assessment.id, status: dto.status },
      });
      return assessment;
    });
  }
}
