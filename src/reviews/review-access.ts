import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AccessLevel, AccessService, type SqlFragment } from '../access/access.service.js';
import { hasRole, isCoordinator } from '../access/roles.js';
import type { User } from '../users/user.entity.js';

/**
 * SQL condition (on review alias `alias`) for "this user may see it": coordinators see all; others see
 * `network` reviews and `participants` reviews where their organisation follows a recommendation.
 */
export function reviewVisibleTo(user: User, alias = 'rv'): SqlFragment | null {
  if (isCoordinator(user.role)) return null;
  if (!user.organizationId) return { sql: `${alias}.visibility = 'network'`, params: {} };
  return {
    sql: `(${alias}.visibility = 'network' OR EXISTS (SELECT 1 FROM recommendations vr WHERE vr.review_id = ${alias}.id AND :visOrg = ANY(vr.following_organization_ids)))`,
    params: { visOrg: user.organizationId },
  };
}

/** Who may add an assessment: coordinators and admins, and members of an organisation that follows it. */
export function mayAssess(user: User, followingOrganizationIds: string[]): boolean {
  if (isCoordinator(user.role)) return true;
  return (
    hasRole(user.role, 'member') && !!user.organizationId && followingOrganizationIds.includes(user.organizationId)
  );
}

/** Registers who may see and change reviews and their recommendations (docs/permissions.md, "Reviews"). */
@Injectable()
export class ReviewAccess implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.access.register({
      subjectType: 'review',
      label: 'Review',
      writeRefusal: 'Only coordinators and admins change reviews',
      allowedIds: (user, ids, level) => this.ids(user, ids, level, 'reviews', ''),
      readableSql: (user, id) => {
        const visible = reviewVisibleTo(user);
        return {
          sql: `EXISTS (SELECT 1 FROM reviews rv WHERE rv.id = ${id}${visible ? ` AND ${visible.sql}` : ''} OFFSET 0)`,
          params: visible?.params ?? {},
        };
      },
      labelSql: (id) =>
        `(SELECT json_build_object('title', rv.name, 'path', '/reviews/' || rv.id) FROM reviews rv WHERE rv.id = ${id})`,
      describe: async (ids) => {
        const rows: { id: string; name: string; created_by: string | null; orgs: string[] }[] = await this.db.query(
          `SELECT rv.id, rv.name, (SELECT u.id FROM users u WHERE u.id = rv.created_by AND u.status <> 'disabled'
                  AND u.role IN ('coordinator', 'admin')) AS created_by,
                  coalesce((SELECT array_agg(DISTINCT o) FROM recommendations r, unnest(r.following_organization_ids) o
                             WHERE r.review_id = rv.id), '{}') AS orgs
             FROM reviews rv WHERE rv.id = ANY($1)`,
          [ids],
        );
        return new Map(
          rows.map((r) => [
            r.id,
            {
              type: 'review',
              id: r.id,
              title: r.name,
              path: `/reviews/${r.id}`,
              ownerUserIds: r.created_by ? [r.created_by] : [],
              organizationIds: r.orgs,
              contactUserIds: [],
              telegramChatId: null,
            },
          ]),
        );
      },
    });
    this.access.register({
      subjectType: 'recommendation',
      label: 'Recommendation',
      writeRefusal: 'Only coordinators and admins change recommendations',
      allowedIds: (user, ids, level) => this.ids(user, ids, level, 'recommendations', 'rv.id = t.review_id'),
    });
  }

  private async ids(user: User, ids: string[], level: AccessLevel, table: string, join: string): Promise<Set<string>> {
    if (level === 'write' && !isCoordinator(user.role)) return new Set();
    const qb = this.db.createQueryBuilder().select('t.id', 'id').from(table, 't').where('t.id IN (:...ids)', { ids });
    if (join) qb.innerJoin('reviews', 'rv', join);
    const visible = reviewVisibleTo(user, join ? 'rv' : 't');
    if (visible) qb.andWhere(visible.sql, visible.params);
    const rows = await qb.getRawMany<{ id: string }>();
    return new Set(rows.map((r) => r.id));
  }
}
