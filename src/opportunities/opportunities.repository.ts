import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { GuardItem, GuardPartner } from '../../shared/opportunity.workflow.js';

/** The queries of the opportunities module that read across tables (the list, CSV export and import, the submit guard). */

export interface ExportPartnerRow {
  opportunity_id: string;
  name: string;
  role: string;
  status: string;
  budget_amount: string | null;
  budget_currency: string | null;
}

export interface ListFacts {
  /** The opportunity's id, as TypeORM names it in a raw row. */
  o_id: string;
  lead_organization: string | null;
  partner_count: number;
  funder_name: string | null;
}

/**
 * A list of opportunities (alias `o`) with what the board shows of each, read in the list's own statement:
 * its lead partner (acronym, else name), how many partners have not declined, and its funder's name.
 */
export function withListFacts<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return qb
    .addSelect(
      `(SELECT coalesce(org.acronym, org.name) FROM opportunity_partners p JOIN organizations org ON org.id = p.organization_id
         WHERE p.opportunity_id = o.id AND p.role = 'lead' AND p.status <> 'declined' ORDER BY org.name LIMIT 1)`,
      'lead_organization',
    )
    .addSelect(
      `(SELECT count(*)::int FROM opportunity_partners p WHERE p.opportunity_id = o.id AND p.status <> 'declined')`,
      'partner_count',
    )
    .addSelect(`(SELECT f.name FROM organizations f WHERE f.id = o.funder_id)`, 'funder_name');
}

/** The partners of these opportunities, lead first, named by acronym (else name): for the export. */
export async function partnersOf(manager: EntityManager, opportunityIds: string[]): Promise<ExportPartnerRow[]> {
  if (!opportunityIds.length) return [];
  return manager.query(
    `SELECT p.opportunity_id, coalesce(org.acronym, org.name) AS name, p.role, p.status, p.budget_amount, p.budget_currency
       FROM opportunity_partners p JOIN organizations org ON org.id = p.organization_id
      WHERE p.opportunity_id = ANY($1) ORDER BY p.role = 'lead' DESC, org.name`,
    [opportunityIds],
  );
}

/** Labels for the export by id: funders (acronym, else name), owners (e-mail), and owners by `name:<id>` (name). */
export async function exportLabels(
  manager: EntityManager,
  funderIds: string[],
  ownerIds: string[],
): Promise<Map<string, string>> {
  const rows: { id: string; label: string }[] = await manager.query(
    `SELECT id::text, coalesce(acronym, name) AS label FROM organizations WHERE id = ANY($1)
     UNION ALL SELECT id::text, email AS label FROM users WHERE id = ANY($2)
     UNION ALL SELECT 'name:' || id, name AS label FROM users WHERE id = ANY($2)`,
    [funderIds, ownerIds],
  );
  return new Map(rows.map((n) => [n.id, n.label]));
}

/** What an import row may name: active funders by name or acronym, owners (coordinators, admins) by e-mail; keys lower-cased. */
export async function importLookups(
  manager: EntityManager,
): Promise<{ funders: Map<string, string>; owners: Map<string, string> }> {
  const orgs: { id: string; name: string; acronym: string | null }[] = await manager.query(
    `SELECT id, name, acronym FROM organizations WHERE archived_at IS NULL`,
  );
  const funders = new Map<string, string>();
  for (const o of orgs) {
    funders.set(o.name.toLowerCase(), o.id);
    if (o.acronym) funders.set(o.acronym.toLowerCase(), o.id);
  }
  const users: { id: string; email: string }[] = await manager.query(
    `SELECT id, email FROM users WHERE role IN ('coordinator','admin') AND status <> 'disabled'`,
  );
  return { funders, owners: new Map(users.map((u) => [u.email.toLowerCase(), u.id])) };
}

/** The partners and checklist items the submit guard looks at; `today` decides which organisation documents have expired. */
export async function guardInputs(
  manager: EntityManager,
  opportunityId: string,
  today: string,
): Promise<{ partners: GuardPartner[]; items: GuardItem[] }> {
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
    [opportunityId, today],
  );
  return { partners, items };
}

/** Whether a checklist item or an organisation document still points at the stored file. */
export async function fileReferenced(manager: EntityManager, fileId: string): Promise<boolean> {
  const [row] = await manager.query(
    `SELECT EXISTS (SELECT 1 FROM checklist_items WHERE file_id = $1)
         OR EXISTS (SELECT 1 FROM organization_documents WHERE file_id = $1) AS referenced`,
    [fileId],
  );
  return !!row?.referenced;
}
