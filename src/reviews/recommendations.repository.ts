import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { RecommendationQuery } from './dto/recommendation.dto.js';
import { Assessment, Recommendation } from './recommendation.entity.js';

/** SQL: the current status of recommendation `r` (its latest assessment; `no_information` without one). */
export const CURRENT_STATUS = `coalesce((SELECT a.status FROM recommendation_assessments a WHERE a.recommendation_id = r.id
  ORDER BY a.assessed_on DESC, a.created_at DESC, a.id DESC LIMIT 1), 'no_information')`;

/** The review's recommendations in document order, filtered as the list and the exports ask. */
export function filteredRecommendations(
  manager: EntityManager,
  reviewId: string,
  query: Omit<RecommendationQuery, 'limit' | 'offset' | 'cursor'>,
): SelectQueryBuilder<Recommendation> {
  const qb = manager
    .getRepository(Recommendation)
    .createQueryBuilder('r')
    .where('r.review_id = :reviewId', { reviewId })
    .orderBy('r.position', 'ASC')
    .addOrderBy('r.id', 'ASC');
  if (query.cluster !== undefined) qb.andWhere('r.cluster = :cluster', { cluster: query.cluster });
  if (query.tag !== undefined) qb.andWhere(':tag = ANY(r.tags)', { tag: query.tag });
  if (query.urgent !== undefined) qb.andWhere('r.urgent = :urgent', { urgent: query.urgent });
  if (query.status !== undefined) qb.andWhere(`${CURRENT_STATUS} = :status`, { status: query.status });
  if (query.responsibleOrganizationId !== undefined)
    qb.andWhere(':responsible = ANY(r.responsible_organization_ids)', { responsible: query.responsibleOrganizationId });
  if (query.followingOrganizationId !== undefined)
    qb.andWhere(':following = ANY(r.following_organization_ids)', { following: query.followingOrganizationId });
  return qb;
}

/** The latest assessment of each recommendation. */
export async function latestAssessments(manager: EntityManager, ids: string[]): Promise<Map<string, Assessment>> {
  if (!ids.length) return new Map();
  const rows = await manager
    .getRepository(Assessment)
    .createQueryBuilder('a')
    .distinctOn(['a.recommendation_id'])
    .where('a.recommendation_id IN (:...ids)', { ids })
    .orderBy('a.recommendation_id')
    .addOrderBy('a.assessed_on', 'DESC')
    .addOrderBy('a.created_at', 'DESC')
    .addOrderBy('a.id', 'DESC')
    .getMany();
  return new Map(rows.map((a) => [a.recommendationId, a]));
}

/** Every assessment of a recommendation, newest first. */
export function historyOf(manager: EntityManager, recommendationId: string): Promise<Assessment[]> {
  return manager.getRepository(Assessment).find({
    where: { recommendationId },
    order: { assessedOn: 'DESC', createdAt: 'DESC', id: 'DESC' },
  });
}
