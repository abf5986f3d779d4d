import { Injectable } from '@nestjs/common';
import type { User } from '../users/user.entity.js';
import { Refusal } from '../common/refusal.js';

export type AccessLevel = 'read' | 'write';

/** What other modules (deadlines, reminders, calendar) need to know about a record they attach to. */
export interface SubjectInfo {
  type: string;
  id: string;
  title: string;
  /** Path of the record in the web app, e.g. `/opportunities/<id>`; prefix with PUBLIC_URL for links. */
  path: string;
  /** Users responsible for it (owner, coordinator of the record, assignee). */
  ownerUserIds: string[];
  /** Organisations taking part (consortium partners, lead and co-drafting organisations). */
  organizationIds: string[];
  /**
   * The people those organisations name to hear about the record's deadlines: a consortium partner's
   * contacts (or whoever confirmed its participation), a submission's section assignees.
   */
  contactUserIds: string[];
  /** A Telegram group chat set on the record (or on its parent opportunity/submission). */
  telegramChatId: string | null;
}

/** An SQL condition or expression with its TypeORM named parameters (`:name`). */
export interface SqlFragment {
  sql: string;
  params: Record<string, unknown>;
}

/** A record by its kind and id, e.g. a deadline's subject. */
export interface SubjectRef {
  type: string;
  id: string;
}

function groupByType(subjects: SubjectRef[]): Map<string, string[]> {
  const byType = new Map<string, string[]>();
  for (const s of subjects) {
    const ids = byType.get(s.type);
    if (ids) ids.push(s.id);
    else byType.set(s.type, [s.id]);
  }
  return byType;
}

/**
 * How one kind of record decides who may see or change it. Each module that owns
 * records registers one; everything else asks the AccessService.
 */
export interface AccessPolicy {
  subjectType: string;
  /** Human name for messages, e.g. "Opportunity". */
  label: string;
  /** The 403 message when a reader may not make a change; by default "You may not change this <label>". */
  writeRefusal?: string;
  /** The ids among `ids` that `user` may read (or write). Unknown ids are simply absent. */
  allowedIds(user: User, ids: string[], level: AccessLevel): Promise<Set<string>>;
  /** Facts about the records, for reminders and feeds; unknown ids are absent. */
  describe?(ids: string[]): Promise<Map<string, SubjectInfo>>;
  /**
   * The rule of `allowedIds(user, …, 'read')` as SQL: true exactly when the record whose id is the SQL
   * expression `id` exists and `user` may read it. Lets a list of things attached to records (deadlines)
   * filter by it in the same query instead of fetching ids first.
   */
  readableSql?(user: User, id: string): SqlFragment;
  /** An SQL expression giving `{ title, path }` (json) of the record whose id is the expression `id`, or NULL. */
  labelSql?(id: string): string;
}

@Injectable()
export class AccessService {
  private readonly policies = new Map<string, AccessPolicy>();

  register(policy: AccessPolicy): void {
    this.policies.set(policy.subjectType, policy);
  }

  knows(subjectType: string): boolean {
    return this.policies.has(subjectType);
  }

  /** The human name of a kind of record, e.g. "Opportunity" (the type itself when no policy knows it). */
  label(subjectType: string): string {
    return this.policies.get(subjectType)?.label ?? subjectType;
  }

  async allowedIds(user: User, subjectType: string, ids: string[], level: AccessLevel = 'read'): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    return this.policy(subjectType).allowedIds(user, [...new Set(ids)], level);
  }

  /**
   * Throws 404 when the user may not see the record (or it does not exist), and
   * 403 when they may see it but not make this change.
   */
  async requireAccess(user: User, subjectType: string, id: string, level: AccessLevel = 'read'): Promise<void> {
    const policy = this.policy(subjectType);
    const readable = await policy.allowedIds(user, [id], 'read');
    if (!readable.has(id)) throw new Refusal(404, 'not_found', `${policy.label} not found`, { record: subjectType });
    if (level === 'write') {
      const writable = await policy.allowedIds(user, [id], 'write');
      if (!writable.has(id))
        throw new Refusal(
          403,
          'may_not_change',
          policy.writeRefusal ?? `You may not change this ${policy.label.toLowerCase()}`,
          { record: subjectType },
        );
    }
  }

  async describe(subjectType: string, ids: string[]): Promise<Map<string, SubjectInfo>> {
    const policy = this.policy(subjectType);
    if (!policy.describe || ids.length === 0) return new Map();
    return policy.describe([...new Set(ids)]);
  }

  /** For each kind of record some policy serves, the ids among `subjects` that `user` may read. */
  async readableByType(user: User, subjects: SubjectRef[]): Promise<Map<string, Set<string>>> {
    const readable = new Map<string, Set<string>>();
    for (const [type, ids] of groupByType(subjects)) {
      if (this.knows(type)) readable.set(type, await this.allowedIds(user, type, ids, 'read'));
    }
    return readable;
  }

  /**
   * SQL: the record of kind `typeColumn` and id `idColumn` (e.g. a deadline's subject) exists and `user`
   * may read it. A kind no registered policy serves is nobody's to see.
   */
  readableSql(user: User, typeColumn: string, idColumn: string): SqlFragment {
    const params: Record<string, unknown> = {};
    const cases = [...this.policies.values()]
      .filter((policy) => policy.readableSql)
      .map((policy) => {
        const rule = policy.readableSql!(user, idColumn);
        Object.assign(params, rule.params);
        return `WHEN '${policy.subjectType}' THEN ${rule.sql}`;
      });
    return { sql: `(CASE ${typeColumn} ${cases.join(' ')} ELSE false END)`, params };
  }

  /** SQL: `{ title, path }` (json) of the record of kind `typeColumn` and id `idColumn`, or NULL. */
  labelSql(typeColumn: string, idColumn: string): string {
    const cases = [...this.policies.values()]
      .filter((policy) => policy.labelSql)
      .map((policy) => `WHEN '${policy.subjectType}' THEN ${policy.labelSql!(idColumn)}`);
    return `(CASE ${typeColumn} ${cases.join(' ')} END)`;
  }

  /** `describe` over records of several kinds at once, keyed `type:id`. */
  async describeEach(subjects: SubjectRef[]): Promise<Map<string, SubjectInfo>> {
    const described = new Map<string, SubjectInfo>();
    for (const [type, ids] of groupByType(subjects))
      for (const [id, info] of await this.describe(type, ids)) described.set(`${type}:${id}`, info);
    return described;
  }

  private policy(subjectType: string): AccessPolicy {
    const policy = this.policies.get(subjectType);
    if (!policy) throw new Error(`No access policy registered for ${subjectType}`);
    return policy;
  }
}
