import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { submitBlockers } from './opportunity.workflow.js';

/** The network's home zone: an organisation document "expires on" a day in Phnom Penh. */
export const HOME_ZONE = 'Asia/Phnom_Penh';

/** Loads what the submit guard looks at and asks the workflow what still blocks submission. */
@Injectable()
export class ReadinessService {
  constructor(private readonly clock: Clock) {}

  today(): string {
    return DateTime.fromJSDate(this.clock.now()).setZone(HOME_ZONE).toISODate()!;
  }

  async blockers(manager: EntityManager, opportunityId: string): Promise<string[]> {
    const partners = await manager.query(
      `SELECT coalesce(org.acronym, org.name) AS name, p.role, p.status
         FROM opportunity_partners p JOIN organizations org ON org.id = p.organization_id
        WHERE p.opportunity_id = $1 ORDER BY p.created_at, p.id`,
      [opportunityId],
    );
    const items = await manager.query(
      `SELECT c.title, c.required, c.status, coalesce(org.acronym, org.name) AS owner,
              (d.expires_on IS NOT NULL AND d.expires_on < $2::date) AS "documentExpired"
         FROM checklist_items c
         LEFT JOIN opportunity_partners p ON p.id = c.partner_id
         LEFT JOIN organizations org ON org.id = p.organization_id
         LEFT JOIN organization_documents d ON d.id = c.document_id
        WHERE c.opportunity_id = $1 ORDER BY c.position, c.created_at, c.id`,
      [opportunityId, this.today()],
    );
    return submitBlockers(partners, items);
  }
}
