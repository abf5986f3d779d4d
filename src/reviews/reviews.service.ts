import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { isCoordinator } from '../access/roles.js';
import { ActivityService, diffFields } from '../activity/activity.service.js';
import { Activity } from '../activity/activity.entity.js';
import { type Page, type PageQuery, pageWindow, toPage } from '../common/pagination.js';
import { badField, notFound } from '../common/refusal.js';
import type { User } from '../users/user.entity.js';
import type { CreateReviewDto, ReviewDateDto, ReviewQuery, UpdateReviewDto } from './dto/review.dto.js';
import { reviewVisibleTo } from './review-access.js';
import { Review, ReviewDate } from './review.entity.js';

/** Runs in the transaction that sets a review's dates; what it returns runs after commit (the deadlines module). */
export type ReviewDatesHook = (
  manager: EntityManager,
  actor: User,
  review: Review,
  dates: ReviewDate[],
) => Promise<() => Promise<void>>;

export interface ReviewView extends Review {
  dates: ReviewDate[];
  recommendationCount: number;
  can: { change: boolean; import: boolean };
}

@Injectable()
export class ReviewsService {
  private readonly datesHooks: ReviewDatesHook[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly activity: ActivityService,
  ) {}

  /** The deadlines module keeps the dates' deadlines in step (it imports this module, not the reverse). */
  onDatesChanged(hook: ReviewDatesHook): void {
    this.datesHooks.push(hook);
  }

  async list(user: User, query: ReviewQuery): Promise<Page<ReviewView>> {
    const window = pageWindow(query);
    const qb = this.db.getRepository(Review).createQueryBuilder('rv');
    const visible = reviewVisibleTo(user);
    if (visible) qb.andWhere(visible.sql, visible.params);
    if (query.mechanism) qb.andWhere('rv.mechanism = :mechanism', { mechanism: query.mechanism });
    const [rows, total] = await qb
      .orderBy('rv.adopted_on', 'DESC', 'NULLS LAST')
      .addOrderBy('rv.id', 'ASC')
      .take(window.limit)
      .skip(window.offset)
      .getManyAndCount();
    return toPage(await this.views(user, rows), total, window);
  }

  /** The organisations that follow at least one recommendation of the review. */
  async followingOrganizationIds(reviewId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT DISTINCT unnest(following_organization_ids) AS id FROM recommendations WHERE review_id = $1`,
      [reviewId],
    );
    return rows.map((r) => r.id);
  }

  async get(user: User, id: string): Promise<ReviewView> {
    await this.access.requireAccess(user, 'review', id);
    const review = await this.db.getRepository(Review).findOneBy({ id });
    if (!review) throw notFound('review', 'Review not found');
    return (await this.views(user, [review]))[0];
  }

  /** Who did what to the review, its recommendations, their assessments and its dates' deadlines, newest first. */
  async history(user: User, id: string, query: PageQuery): Promise<Page<Activity>> {
    await this.access.requireAccess(user, 'review', id);
    return this.activity.historyOf(
      { subjectType: 'review', id },
      [{ changes: { reviewId: id } }, { changes: { subjectType: 'review', subjectId: id } }],
      query,
    );
  }

  async create(actor: User, dto: CreateReviewDto): Promise<ReviewView> {
    let afterCommit = async () => {};
    const created = await this.db.transaction(async (manager) => {
      const repo = manager.getRepository(Review);
      const review = await repo.save(
        repo.create({
          mechanism: dto.mechanism,
          mechanismName: dto.mechanismName ?? null,
          name: dto.name,
          symbol: dto.symbol ?? null,
          adoptedOn: dto.adoptedOn ?? null,
          sourceLanguage: dto.sourceLanguage ?? 'en',
          visibility: dto.visibility,
          createdBy: actor.id,
        }),
      );
      const dates = await this.replaceDates(manager, review.id, dto.dates ?? []);
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'review.created',
        subjectType: 'review',
        subjectId: review.id,
        summary: `Created the review "${review.name}"`,
        params: { title: review.name, kind: review.mechanism, count: dates.length },
      });
      if (dates.length) afterCommit = await this.datesChanged(manager, actor, review, dates);
      return review;
    });
    await afterCommit();
    return this.get(actor, created.id);
  }

  async update(actor: User, id: string, dto: UpdateReviewDto): Promise<ReviewView> {
    await this.access.requireAccess(actor, 'review', id, 'write');
    let afterCommit = async () => {};
    await this.db.transaction(async (manager) => {
      const repo = manager.getRepository(Review);
      const review = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!review) throw notFound('review', 'Review not found');
      const { dates, ...fields } = dto;
      const changes = diffFields(review, fields);
      const before = await manager
        .getRepository(ReviewDate)
        .find({ where: { reviewId: id }, order: { position: 'ASC' } });
      const datesChanged = dates !== undefined && !sameDates(before, dates ?? []);
      if (datesChanged) changes.dates = [before.map(dateOf), (dates ?? []).map(dateOf)];
      if (Object.keys(changes).length === 0) return;
      Object.assign(review, fields);
      if (review.mechanism !== 'other' && fields.mechanismName === undefined && 'mechanism' in changes)
        review.mechanismName = null;
      if (review.mechanism === 'other' && !review.mechanismName)
        throw badField('mechanismName', 'required', 'names the mechanism when mechanism is other');
      const saved = await repo.save(review);
      const after = datesChanged ? await this.replaceDates(manager, id, dates ?? [], before) : before;
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'review.updated',
        subjectType: 'review',
        subjectId: id,
        summary: `Updated ${Object.keys(changes).join(', ')} of the review "${saved.name}"`,
        params: { title: saved.name, fields: Object.keys(changes) },
        changes,
      });
      if (datesChanged || 'name' in changes) afterCommit = await this.datesChanged(manager, actor, saved, after);
    });
    await afterCommit();
    return this.get(actor, id);
  }

  /**
   * Writes the review's dates. A date of the same kind (and label) as before keeps its row, so its
   * deadline is moved rather than replaced.
   */
  private async replaceDates(
    manager: EntityManager,
    reviewId: string,
    wanted: ReviewDateDto[],
    before: ReviewDate[] = [],
  ): Promise<ReviewDate[]> {
    const repo = manager.getRepository(ReviewDate);
    const unused = [...before];
    const kept: ReviewDate[] = [];
    for (const [position, dto] of wanted.entries()) {
      const label = dto.kind === 'other' ? (dto.label ?? null) : (dto.label ?? null);
      const match = unused.findIndex((d) => d.kind === dto.kind && (d.label ?? null) === label);
      const row = match >= 0 ? unused.splice(match, 1)[0] : repo.create({ reviewId, kind: dto.kind });
      Object.assign(row, { date: dto.date, label, position });
      kept.push(await repo.save(row));
    }
    if (unused.length) await repo.delete(unused.map((d) => d.id));
    return kept;
  }

  private async datesChanged(manager: EntityManager, actor: User, review: Review, dates: ReviewDate[]) {
    const afterCommit: (() => Promise<void>)[] = [];
    for (const hook of this.datesHooks) afterCommit.push(await hook(manager, actor, review, dates));
    return () => Promise.all(afterCommit.map((run) => run())).then(() => undefined);
  }

  private async views(user: User, reviews: Review[]): Promise<ReviewView[]> {
    if (!reviews.length) return [];
    const ids = reviews.map((r) => r.id);
    const dates = await this.db
      .getRepository(ReviewDate)
      .createQueryBuilder('d')
      .where('d.review_id IN (:...ids)', { ids })
      .orderBy('d.position', 'ASC')
      .getMany();
    const counts: { review_id: string; count: string }[] = await this.db.query(
      `SELECT review_id, count(*) AS count FROM recommendations WHERE review_id = ANY($1) GROUP BY review_id`,
      [ids],
    );
    const change = isCoordinator(user.role);
    return reviews.map((review) => ({
      ...review,
      dates: dates.filter((d) => d.reviewId === review.id),
      recommendationCount: Number(counts.find((c) => c.review_id === review.id)?.count ?? 0),
      can: { change, import: change },
    }));
  }
}

const dateOf = (d: { kind: string; date: string; label?: string | null }) => ({
  kind: d.kind,
  date: d.date,
  label: d.label ?? null,
});

function sameDates(before: ReviewDate[], after: ReviewDateDto[]): boolean {
  return JSON.stringify(before.map(dateOf)) === JSON.stringify(after.map(dateOf));
}
