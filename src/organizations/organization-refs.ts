import { type EntityManager, In } from 'typeorm';
import { Organization } from './organization.entity.js';

export interface OrganizationRef {
  id: string;
  name: string;
  acronym: string | null;
}

/** Name and acronym of each organisation among `ids` (unknown ids are absent); the one lookup other modules use. */
export async function organizationRefs(manager: EntityManager, ids: (string | null | undefined)[]): Promise<Map<string, OrganizationRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows = await manager.getRepository(Organization).find({ select: { id: true, name: true, acronym: true }, where: { id: In(wanted) } });
  return new Map(rows.map((o) => [o.id, { id: o.id, name: o.name, acronym: o.acronym }]));
}
