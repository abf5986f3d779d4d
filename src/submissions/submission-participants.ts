import { BadRequestException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hasRole, isCoordinator } from '../access/roles.js';
import { badField } from '../common/refusal.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import type { PartnerDto } from './dto/submission.dto.js';
import { SubmissionPartner } from './submission.entity.js';

/** Who takes part in a submission: its co-drafting partners, the organisations named, its owner. */

/** `partners` wins over `partnerOrganizationIds`; undefined means "leave the partners as they are". */
export function requestedPartners(
  leadId: string,
  ids: string[] | undefined,
  partners: PartnerDto[] | undefined,
): PartnerDto[] | undefined {
  if (ids && partners) throw new BadRequestException('Send either partnerOrganizationIds or partners, not both');
  const list = partners ?? ids?.map((organizationId) => ({ organizationId, requiredSigner: false }));
  if (!list) return undefined;
  if (new Set(list.map((p) => p.organizationId)).size !== list.length)
    throw badField('partners', 'invalid', 'an organisation is listed twice');
  if (list.some((p) => p.organizationId === leadId)) {
    throw badField('partners', 'invalid', 'the lead organisation is not also a co-drafting partner');
  }
  return list;
}

export async function replacePartners(
  manager: EntityManager,
  submissionId: string,
  partners: PartnerDto[],
): Promise<void> {
  const repo = manager.getRepository(SubmissionPartner);
  await repo.delete({ submissionId });
  if (partners.length) {
    await repo.insert(
      partners.map((p) => ({
        submissionId,
        organizationId: p.organizationId,
        requiredSigner: p.requiredSigner ?? false,
      })),
    );
  }
}

export async function assertOrganizations(manager: EntityManager, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const found = await manager
    .getRepository(Organization)
    .createQueryBuilder('o')
    .where('o.id IN (:...ids)', { ids })
    .getCount();
  if (found !== new Set(ids).size)
    throw badField('leadOrganizationId/partners', 'no_such_record', 'no such organisation');
}

/** The owner gets the submission's reminders, so must be able to work on it: a coordinator, or staff (not a viewer) of the lead or a partner. */
export async function assertOwner(
  manager: EntityManager,
  id: string,
  leadId: string,
  partnerOrgIds: string[],
): Promise<void> {
  const owner = await manager.getRepository(User).findOneBy({ id });
  if (!owner || owner.status === 'disabled') throw badField('ownerId', 'no_such_record', 'no such (active) user');
  const participant = !!owner.organizationId && [leadId, ...partnerOrgIds].includes(owner.organizationId);
  if (!isCoordinator(owner.role) && !(participant && hasRole(owner.role, 'member'))) {
    throw new BadRequestException(
      'ownerId: the owner must be a coordinator or staff of the lead or a partner organisation',
    );
  }
}
