import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type AccessLevel, type AccessPolicy, AccessService } from '../access/access.service.js';
import { hasRole, isCoordinator } from '../access/roles.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { User } from '../users/user.entity.js';

/** The subject of an organisation's recurring documents, keyed by the organisation's id. */
export const ORGANIZATION_DOCUMENTS = 'organizationDocuments';

/**
 * Who may see and change an organisation's recurring documents: coordinators every organisation's;
 * its own staff theirs (viewers read only). Partners of an opportunity reach one through a checklist item.
 */
@Injectable()
export class OrganizationDocumentsAccessPolicy implements AccessPolicy, OnModuleInit {
  readonly subjectType = ORGANIZATION_DOCUMENTS;
  readonly label = 'Organisation documents';
  readonly writeRefusal = "You may not change this organisation's documents";

  constructor(
    private readonly access: AccessService,
    private readonly organizations: OrganizationsService,
  ) {}

  onModuleInit(): void {
    this.access.register(this);
  }

  async allowedIds(user: User, ids: string[], level: AccessLevel): Promise<Set<string>> {
    const mayAct = isCoordinator(user.role) || level === 'read' || hasRole(user.role, 'member');
    const candidates = isCoordinator(user.role) ? ids : ids.filter((id) => id === user.organizationId);
    if (!mayAct || !candidates.length) return new Set();
    return new Set((await this.organizations.namesByIds(candidates)).keys());
  }
}
