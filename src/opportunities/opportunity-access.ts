import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AccessLevel, type AccessPolicy, AccessService, type SubjectInfo } from '../access/access.service.js';
import { hasRole, isCoordinator } from '../access/roles.js';
import type { User } from '../users/user.entity.js';
import { mayChangeOpportunities } from './opportunity-actions.js';

/**
 * SQL condition (on opportunity alias `alias`) for "this user may see it": coordinators see
 * all; others see `network` records and `participants` records their organisation takes part in
 * (an organisation that declined takes no part). Returns null when no condition is needed.
 */
export function visibleTo(user: User, alias = 'o'): { sql: string; params: Record<string, unknown> } | null {
  if (isCoordinator(user.role)) return null;
  if (!user.organizationId) return { sql: `${alias}.visibility = 'network'`, params: {} };
  return {
    sql: `(${alias}.visibility = 'network' OR EXISTS (SELECT 1 FROM opportunity_partners vp WHERE vp.opportunity_id = ${alias}.id AND vp.organization_id = :visOrg AND vp.status <> 'declined'))`,
    params: { visOrg: user.organizationId },
  };
}

/** SQL: the owner `u` of opportunity `o` may still see it (else they get no reminders about it). */
const OWNER_READS = `u.status <> 'disabled' AND (u.role IN ('coordinator', 'admin') OR o.visibility = 'network'
  OR EXISTS (SELECT 1 FROM opportunity_partners rp WHERE rp.opportunity_id = o.id AND rp.organization_id = u.organization_id AND rp.status <> 'declined'))`;

const path = (opportunityId: string) => `/opportunities/${opportunityId}`;

/**
 * SQL: the row of `table` (joined to its opportunity `o`) with id `id` exists and `user` may see it.
 * `OFFSET 0` keeps Postgres from turning the EXISTS into a hash of every partner, checklist item or
 * opportunity in the network: a list probes the few hundred rows it reads, one index lookup each
 * (EXPLAIN ANALYZE on the bench's large seed, a page of a 30-day window: 3 ms instead of 23 ms).
 */
function readableRowSql(user: User, table: string, id: string) {
  const visible = visibleTo(user, 'o');
  return {
    sql: `EXISTS (SELECT 1 FROM ${table} t JOIN opportunities o ON o.id = t.opportunity_id WHERE t.id = ${id}${visible ? ` AND ${visible.sql}` : ''} OFFSET 0)`,
    params: visible?.params ?? {},
  };
}

/** Registers who may see and change opportunities, their partners and their checklist items. */
@Injectable()
export class OpportunityAccess implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.access.register(this.opportunityPolicy());
    this.access.register(this.partnerPolicy());
    this.access.register(this.checklistPolicy());
  }

  /**
   * Ids (of `table` joined to its opportunity through `join`) the user may see; with
   * `ownOrgColumn`, only rows of the user's own organisation (members' write access).
   */
  private async ids(
    user: User,
    ids: string[],
    table: string,
    join: string,
    ownOrgColumn?: string,
  ): Promise<Set<string>> {
    const qb = this.db.createQueryBuilder().select('t.id', 'id').from(table, 't').where('t.id IN (:...ids)', { ids });
    if (join) qb.innerJoin('opportunities', 'o', join);
    const visible = visibleTo(user, join ? 'o' : 't');
    if (visible) qb.andWhere(visible.sql, visible.params);
    if (ownOrgColumn) qb.andWhere(`${ownOrgColumn} = :ownOrg`, { ownOrg: user.organizationId });
    const rows = await qb.getRawMany<{ id: string }>();
    return new Set(rows.map((r) => r.id));
  }

  private opportunityPolicy(): AccessPolicy {
    return {
      subjectType: 'opportunity',
      label: 'Opportunity',
      allowedIds: async (user, ids, level: AccessLevel) => {
        if (level === 'write' && !mayChangeOpportunities(user)) return new Set();
        return this.ids(user, ids, 'opportunities', '');
      },
      readableSql: (user, id) => {
        const visible = visibleTo(user, 'o');
        return {
          sql: `EXISTS (SELECT 1 FROM opportunities o WHERE o.id = ${id}${visible ? ` AND ${visible.sql}` : ''} OFFSET 0)`,
          params: visible?.params ?? {},
        };
      },
      labelSql: (id) =>
        `(SELECT json_build_object('title', o.title, 'path', '/opportunities/' || o.id) FROM opportunities o WHERE o.id = ${id})`,
      describe: async (ids) => {
        const rows = await this.db.query(
          `SELECT o.id, o.title,
                  (SELECT u.id FROM users u WHERE u.id = o.owner_id AND ${OWNER_READS}) AS owner_id, o.telegram_chat_id,
                  coalesce(array_agg(p.organization_id) FILTER (WHERE p.status <> 'declined'), '{}') AS orgs,
                  ${CONTACTS_OF_PARTNERS('o.id')} AS contacts
             FROM opportunities o LEFT JOIN opportunity_partners p ON p.opportunity_id = o.id
            WHERE o.id = ANY($1) GROUP BY o.id`,
          [ids],
        );
        return new Map(
          rows.map((r: Row) => [
            r.id,
            info('opportunity', r.id, r.title, path(r.id), r.owner_id, r.orgs, r.contacts, r.telegram_chat_id),
          ]),
        );
      },
    };
  }

  private partnerPolicy(): AccessPolicy {
    return {
      subjectType: 'partner',
      label: 'Partner',
      allowedIds: async (user, ids, level) => {
        if (level === 'write' && !hasRole(user.role, 'member')) return new Set();
        const own = level === 'write' && !isCoordinator(user.role);
        if (own && !user.organizationId) return new Set();
        return this.ids(
          user,
          ids,
          'opportunity_partners',
          'o.id = t.opportunity_id',
          own ? 't.organization_id' : undefined,
        );
      },
      readableSql: (user, id) => readableRowSql(user, 'opportunity_partners', id),
      labelSql: (id) =>
        `(SELECT json_build_object('title', org.name || ' on ' || o.title, 'path', '/opportunities/' || o.id || '/partners/' || p.id)
            FROM opportunity_partners p JOIN opportunities o ON o.id = p.opportunity_id
            JOIN organizations org ON org.id = p.organization_id WHERE p.id = ${id})`,
      describe: async (ids) => {
        const rows = await this.db.query(
          `SELECT p.id, o.id AS opportunity_id, org.name || ' on ' || o.title AS title,
                  (SELECT u.id FROM users u WHERE u.id = o.owner_id AND ${OWNER_READS}) AS owner_id, o.telegram_chat_id,
                  ARRAY[p.organization_id] AS orgs, ${PARTNER_CONTACTS} AS contacts
             FROM opportunity_partners p JOIN opportunities o ON o.id = p.opportunity_id
             JOIN organizations org ON org.id = p.organization_id
            WHERE p.id = ANY($1)`,
          [ids],
        );
        return new Map(
          rows.map((r: Row) => [
            r.id,
            info(
              'partner',
              r.id,
              r.title,
              `${path(r.opportunity_id)}/partners/${r.id}`,
              r.owner_id,
              r.orgs,
              r.contacts,
              r.telegram_chat_id,
            ),
          ]),
        );
      },
    };
  }

  private checklistPolicy(): AccessPolicy {
    return {
      subjectType: 'checklistItem',
      label: 'Checklist item',
      allowedIds: async (user, ids, level) => {
        if (level === 'write' && !hasRole(user.role, 'member')) return new Set();
        const own = level === 'write' && !isCoordinator(user.role);
        if (own && !user.organizationId) return new Set();
        if (!own) return this.ids(user, ids, 'checklist_items', 'o.id = t.opportunity_id');
        // Members change the items their own organisation owes.
        const qb = this.db
          .createQueryBuilder()
          .select('t.id', 'id')
          .from('checklist_items', 't')
          .innerJoin('opportunity_partners', 'p', 'p.id = t.partner_id')
          .where('t.id IN (:...ids)', { ids })
          .andWhere('p.organization_id = :org', { org: user.organizationId });
        return new Set((await qb.getRawMany<{ id: string }>()).map((r) => r.id));
      },
      readableSql: (user, id) => readableRowSql(user, 'checklist_items', id),
      labelSql: (id) =>
        `(SELECT json_build_object('title', c.title || ' — ' || o.title, 'path', '/opportunities/' || o.id || '/checklist/' || c.id)
            FROM checklist_items c JOIN opportunities o ON o.id = c.opportunity_id WHERE c.id = ${id})`,
      describe: async (ids) => {
        const rows = await this.db.query(
          `SELECT c.id, o.id AS opportunity_id, c.title || ' — ' || o.title AS title,
                  (SELECT u.id FROM users u WHERE u.id = o.owner_id AND ${OWNER_READS}) AS owner_id, o.telegram_chat_id,
                  CASE WHEN p.id IS NOT NULL THEN ARRAY[p.organization_id]
                       ELSE coalesce((SELECT array_agg(ap.organization_id) FROM opportunity_partners ap
                                       WHERE ap.opportunity_id = o.id AND ap.status <> 'declined'), '{}') END AS orgs,
                  CASE WHEN p.id IS NOT NULL THEN ${PARTNER_CONTACTS} ELSE ${CONTACTS_OF_PARTNERS('o.id')} END AS contacts
             FROM checklist_items c JOIN opportunities o ON o.id = c.opportunity_id
             LEFT JOIN opportunity_partners p ON p.id = c.partner_id
            WHERE c.id = ANY($1)`,
          [ids],
        );
        return new Map(
          rows.map((r: Row) => [
            r.id,
            info(
              'checklistItem',
              r.id,
              r.title,
              `${path(r.opportunity_id)}/checklist/${r.id}`,
              r.owner_id,
              r.orgs,
              r.contacts,
              r.telegram_chat_id,
            ),
          ]),
        );
      },
    };
  }
}

interface Row {
  id: string;
  opportunity_id: string;
  title: string;
  owner_id: string | null;
  telegram_chat_id: string | null;
  orgs: string[];
  contacts: string[];
}

/** A partner row `p`'s contacts: the people it named, else whoever confirmed its participation. */
const PARTNER_CONTACTS = `(CASE WHEN p.status = 'declined' THEN '{}'::uuid[]
  WHEN cardinality(p.contact_user_ids) > 0 THEN p.contact_user_ids
  ELSE array_remove(ARRAY[p.confirmed_by], NULL) END)`;

/** The contacts of every partner (not declined) of the opportunity `opportunityId` (an SQL expression). */
const CONTACTS_OF_PARTNERS = (opportunityId: string) => `coalesce((
  SELECT array_agg(DISTINCT c) FROM opportunity_partners p, unnest(${PARTNER_CONTACTS}) AS c
   WHERE p.opportunity_id = ${opportunityId}), '{}')`;

function info(
  type: string,
  id: string,
  title: string,
  webPath: string,
  ownerId: string | null,
  orgs: string[],
  contacts: string[],
  telegramChatId: string | null,
): SubjectInfo {
  return {
    type,
    id,
    title,
    path: webPath,
    ownerUserIds: ownerId ? [ownerId] : [],
    organizationIds: orgs,
    contactUserIds: contacts,
    telegramChatId,
  };
}
