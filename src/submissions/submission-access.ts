import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type AccessLevel,
  type AccessPolicy,
  AccessService,
  type SqlFragment,
  type SubjectInfo,
} from '../access/access.service.js';
import { hasRole, isCoordinator } from '../access/roles.js';
import type { User } from '../users/user.entity.js';

/**
 * SQL condition: the submission aliased `s` is visible to a user of organisation `:viewerOrg`
 * (network-wide, or their organisation leads or co-drafts it). Coordinators skip it.
 */
export const PARTICIPANT_SQL = `(s.lead_organization_id = :viewerOrg OR EXISTS (
  SELECT 1 FROM submission_partners vp WHERE vp.submission_id = s.id AND vp.organization_id = :viewerOrg))`;
export const VISIBLE_SQL = `(s.visibility = 'network' OR ${PARTICIPANT_SQL})`;

/** SQL: the user `u` (an active account) may still read the submission `s` — else they get no reminders about it. */
export const READER_SQL = `u.status <> 'disabled' AND (u.role IN ('coordinator', 'admin') OR s.visibility = 'network'
  OR u.organization_id = s.lead_organization_id
  OR EXISTS (SELECT 1 FROM submission_partners rp WHERE rp.submission_id = s.id AND rp.organization_id = u.organization_id))`;

/** Who may see and change submissions: coordinators everything; members of the lead and partner organisations theirs; viewers read only. */
@Injectable()
export class SubmissionAccessPolicy implements AccessPolicy, OnModuleInit {
  readonly subjectType = 'submission';
  readonly label = 'Submission';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.access.register(this);
    this.access.register(new SectionAccessPolicy(this.db, this));
  }

  async allowedIds(user: User, ids: string[], level: AccessLevel): Promise<Set<string>> {
    return new Set(await submissionIdsFor(this.db, user, ids, level));
  }

  readableSql(user: User, id: string): SqlFragment {
    const visible = readableSubmissionSql(user);
    return {
      sql: `EXISTS (SELECT 1 FROM submissions s WHERE s.id = ${id}${visible ? ` AND ${visible.sql}` : ''} OFFSET 0)`,
      params: visible?.params ?? {},
    };
  }

  labelSql(id: string): string {
    return `(SELECT json_build_object('title', s.title, 'path', '/submissions/' || s.id) FROM submissions s WHERE s.id = ${id})`;
  }

  async describe(ids: string[]): Promise<Map<string, SubjectInfo>> {
    const rows: {
      id: string;
      title: string;
      owner_id: string | null;
      lead: string;
      partners: string[];
      contacts: string[];
      telegram_chat_id: string | null;
    }[] = await this.db.query(
      `SELECT s.id, s.title, s.lead_organization_id AS lead, s.telegram_chat_id,
                (SELECT u.id FROM users u WHERE u.id = s.owner_id AND ${READER_SQL}) AS owner_id,
                coalesce((SELECT array_agg(DISTINCT sec.assignee_id) FROM submission_sections sec
                           WHERE sec.submission_id = s.id AND sec.assignee_id IS NOT NULL), '{}') AS contacts,
                COALESCE(array_agg(p.organization_id) FILTER (WHERE p.organization_id IS NOT NULL), '{}') AS partners
         FROM submissions s LEFT JOIN submission_partners p ON p.submission_id = s.id
         WHERE s.id = ANY($1::uuid[]) GROUP BY s.id`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          type: 'submission',
          id: r.id,
          title: r.title,
          path: `/submissions/${r.id}`,
          ownerUserIds: r.owner_id ? [r.owner_id] : [],
          organizationIds: [r.lead, ...r.partners],
          // Each organisation's staff with a role on it: the people its sections are assigned to.
          contactUserIds: r.contacts,
          telegramChatId: r.telegram_chat_id,
        },
      ]),
    );
  }
}

/**
 * A section is visible when its submission is, and `write` here means "may write the submission" (used for
 * deadlines on a section). Which sections and fields a partner's staff may change is decided when they save
 * (`submission-roles.ts`, docs/permissions.md).
 */
export class SectionAccessPolicy implements AccessPolicy {
  readonly subjectType = 'section';
  readonly label = 'Section';

  constructor(
    private readonly db: DataSource,
    private readonly submissions: SubmissionAccessPolicy,
  ) {}

  async allowedIds(user: User, ids: string[], level: AccessLevel): Promise<Set<string>> {
    const rows: { id: string; submission_id: string }[] = await this.db.query(
      `SELECT id, submission_id FROM submission_sections WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const allowed = await this.submissions.allowedIds(user, [...new Set(rows.map((r) => r.submission_id))], level);
    return new Set(rows.filter((r) => allowed.has(r.submission_id)).map((r) => r.id));
  }

  /** `OFFSET 0`: probe each section by its key rather than hash every section (as for partners, opportunity-access.ts). */
  readableSql(user: User, id: string): SqlFragment {
    const visible = readableSubmissionSql(user);
    return {
      sql: `EXISTS (SELECT 1 FROM submission_sections sec JOIN submissions s ON s.id = sec.submission_id WHERE sec.id = ${id}${visible ? ` AND ${visible.sql}` : ''} OFFSET 0)`,
      params: visible?.params ?? {},
    };
  }

  labelSql(id: string): string {
    return `(SELECT json_build_object('title', s.title || ': ' || sec.title, 'path', '/submissions/' || s.id || '/sections/' || sec.id)
               FROM submission_sections sec JOIN submissions s ON s.id = sec.submission_id WHERE sec.id = ${id})`;
  }

  async describe(ids: string[]): Promise<Map<string, SubjectInfo>> {
    const rows: { id: string; title: string; submission_id: string; assignee_id: string | null }[] =
      await this.db.query(
        `SELECT sec.id, sec.title, sec.submission_id,
              (SELECT u.id FROM users u JOIN submissions s ON s.id = sec.submission_id WHERE u.id = sec.assignee_id AND ${READER_SQL}) AS assignee_id
         FROM submission_sections sec WHERE sec.id = ANY($1::uuid[])`,
        [ids],
      );
    const parents = await this.submissions.describe([...new Set(rows.map((r) => r.submission_id))]);
    const result = new Map<string, SubjectInfo>();
    for (const r of rows) {
      const parent = parents.get(r.submission_id);
      if (!parent) continue;
      result.set(r.id, {
        type: 'section',
        id: r.id,
        title: `${parent.title}: ${r.title}`,
        path: `/submissions/${r.submission_id}/sections/${r.id}`,
        ownerUserIds: [...new Set([...(r.assignee_id ? [r.assignee_id] : []), ...parent.ownerUserIds])],
        organizationIds: parent.organizationIds,
        contactUserIds: [], // its assignee and the submission's owner (above) are who a section's deadline concerns
        telegramChatId: parent.telegramChatId,
      });
    }
    return result;
  }
}

/** The read rule of `submissionIdsFor` as an SQL condition on submission `s`; null when the user reads all. */
function readableSubmissionSql(user: User): SqlFragment | null {
  if (isCoordinator(user.role)) return null;
  if (!user.organizationId) return { sql: `s.visibility = 'network'`, params: {} };
  return { sql: VISIBLE_SQL, params: { viewerOrg: user.organizationId } };
}

async function submissionIdsFor(db: DataSource, user: User, ids: string[], level: AccessLevel): Promise<string[]> {
  // No ids (e.g. a section that no longer exists): nothing to ask, and `IN ()` is not SQL.
  if (!ids.length || (level === 'write' && !hasRole(user.role, 'member'))) return [];
  const qb = db.createQueryBuilder().select('s.id', 'id').from('submissions', 's').where('s.id IN (:...ids)', { ids });
  if (!isCoordinator(user.role)) {
    if (!user.organizationId) {
      if (level === 'write') return [];
      qb.andWhere(`s.visibility = 'network'`);
    } else {
      qb.andWhere(level === 'write' ? PARTICIPANT_SQL : VISIBLE_SQL, { viewerOrg: user.organizationId });
    }
  }
  const rows: { id: string }[] = await qb.getRawMany();
  return rows.map((r) => r.id);
}
