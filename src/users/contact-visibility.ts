/**
 * SQL condition on the user aliased `u`: the viewer (`:viewerId` of organisation `:viewerOrg`) may see
 * their e-mail address and last sign-in. That is themselves, their own organisation's people, and anyone
 * taking part in a record the viewer takes part in: a submission (as owner, lead or co-drafting
 * organisation) or an opportunity (as owner or consortium partner that has not declined).
 * Coordinators and admins see everyone's without it. Reads the submissions' and opportunities' tables in a
 * join only, for this check.
 */
export const CONTACT_VISIBLE_SQL = `(u.id = :viewerId OR u.organization_id = :viewerOrg
  OR EXISTS (SELECT 1 FROM submissions cs
    WHERE (cs.owner_id = :viewerId OR cs.lead_organization_id = :viewerOrg
        OR EXISTS (SELECT 1 FROM submission_partners cp WHERE cp.submission_id = cs.id AND cp.organization_id = :viewerOrg))
      AND (cs.owner_id = u.id OR cs.lead_organization_id = u.organization_id
        OR EXISTS (SELECT 1 FROM submission_partners cq WHERE cq.submission_id = cs.id AND cq.organization_id = u.organization_id)))
  OR EXISTS (SELECT 1 FROM opportunities co
    WHERE (co.owner_id = :viewerId
        OR EXISTS (SELECT 1 FROM opportunity_partners op WHERE op.opportunity_id = co.id AND op.organization_id = :viewerOrg AND op.status <> 'declined'))
      AND (co.owner_id = u.id
        OR EXISTS (SELECT 1 FROM opportunity_partners oq WHERE oq.opportunity_id = co.id AND oq.organization_id = u.organization_id AND oq.status <> 'declined'))))`;

/**
 * The same rule for a query with positional parameters: `viewerId` and `viewerOrg` name them (`$3`),
 * and `everyone` (a boolean parameter) is true for a coordinator or admin, who sees every address.
 */
export function contactVisibleSql(viewerId: string, viewerOrg: string, everyone: string): string {
  return `(${everyone} OR ${CONTACT_VISIBLE_SQL.replaceAll(':viewerId', viewerId).replaceAll(':viewerOrg', viewerOrg)})`;
}
