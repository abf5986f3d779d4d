import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { PageWindow } from '../common/pagination.js';
import { escapeLike } from '../common/sql.js';
import { isCoordinator } from '../access/roles.js';
import { CONTACT_VISIBLE_SQL } from './contact-visibility.js';
import type { UserQuery } from './dto/user.dto.js';
import { User } from './user.entity.js';

/** The users table's queries beyond a plain find: lists, contact visibility, password hashes. */

/** Everyone matching the filters, by name; `q` matches an e-mail only where `viewer` may see it. */
export function listUsers(
  manager: EntityManager,
  viewer: User,
  query: UserQuery,
  window: PageWindow,
): Promise<[User[], number]> {
  const qb = manager.getRepository(User).createQueryBuilder('u');
  if (query.organizationId) qb.andWhere('u.organization_id = :org', { org: query.organizationId });
  if (query.role) qb.andWhere('u.role = :role', { role: query.role });
  if (query.q) {
    const q = `%${escapeLike(query.q)}%`;
    if (isCoordinator(viewer.role)) qb.andWhere('(u.name ILIKE :q OR u.email ILIKE :q)', { q });
    else
      qb.andWhere(`(u.name ILIKE :q OR (u.email ILIKE :q AND ${CONTACT_VISIBLE_SQL}))`, {
        q,
        ...viewerParams(viewer),
      });
  }
  return qb.orderBy('u.name').addOrderBy('u.id').take(window.limit).skip(window.offset).getManyAndCount();
}

/** The ids among `ids` (not empty) whose contact details CONTACT_VISIBLE_SQL shows to `viewer`. */
export async function contactsVisible(manager: EntityManager, viewer: User, ids: string[]): Promise<Set<string>> {
  const rows = await manager
    .getRepository(User)
    .createQueryBuilder('u')
    .select('u.id', 'id')
    .where('u.id IN (:...ids)', { ids })
    .andWhere(CONTACT_VISIBLE_SQL, viewerParams(viewer))
    .getRawMany<{ id: string }>();
  return new Set(rows.map((r) => r.id));
}

function viewerParams(viewer: User): { viewerId: string; viewerOrg: string | null } {
  return { viewerId: viewer.id, viewerOrg: viewer.organizationId };
}

/** The user with this id, or this e-mail (any case), with their password hash (not read otherwise). */
export function withPasswordHash(
  manager: EntityManager,
  where: { id: string } | { email: string },
): SelectQueryBuilder<User> {
  const qb = manager.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash');
  return 'id' in where
    ? qb.where('u.id = :id', { id: where.id })
    : qb.where('lower(u.email) = lower(:email)', { email: where.email });
}

/** Every account that has a password, with its hash. */
export function allPasswordHashes(
  manager: EntityManager,
): Promise<{ id: string; email: string; passwordHash: string }[]> {
  return manager
    .getRepository(User)
    .createQueryBuilder('u')
    .select(['u.id', 'u.email'])
    .addSelect('u.passwordHash')
    .where('u.passwordHash IS NOT NULL')
    .orderBy('u.email')
    .getMany() as Promise<{ id: string; email: string; passwordHash: string }[]>;
}

/** Whether a user has this e-mail, in any case. */
export function emailTaken(manager: EntityManager, email: string): Promise<boolean> {
  return manager
    .getRepository(User)
    .createQueryBuilder('u')
    .where('lower(u.email) = lower(:email)', { email })
    .getExists();
}
