import { Injectable } from '@nestjs/common';
import { AccessService, type SubjectInfo, type SubjectRef } from '../access/access.service.js';
import type { Deadline } from '../deadlines/deadline.entity.js';
import { DeadlineVisibility } from '../deadlines/deadline-visibility.service.js';
import type { User } from '../users/user.entity.js';
import { UserDirectory } from '../users/user-directory.service.js';

export interface Recipients {
  subject: SubjectInfo | null;
  users: User[];
  groupChatId: string | null;
}

type DeadlineRef = Pick<Deadline, 'id' | 'subjectType' | 'subjectId'>;

export const NO_RECIPIENTS: Recipients = { subject: null, users: [], groupChatId: null };

/**
 * Who hears about a deadline: its assignees, the record's owners and the contacts its participating
 * organisations name for it (not every member of those organisations) — each only if active and still
 * allowed to see the record — and the record's Telegram group.
 */
@Injectable()
export class RecipientsService {
  constructor(
    private readonly visibility: DeadlineVisibility,
    private readonly users: UserDirectory,
    private readonly access: AccessService,
  ) {}

  async subject(d: Pick<Deadline, 'subjectType' | 'subjectId'>): Promise<SubjectInfo | null> {
    if (!this.access.knows(d.subjectType)) return null;
    return (await this.access.describe(d.subjectType, [d.subjectId])).get(d.subjectId) ?? null;
  }

  async resolve(d: DeadlineRef): Promise<Recipients> {
    return (await this.resolveMany([d])).get(d.id) ?? NO_RECIPIENTS;
  }

  /** `resolve` for many deadlines, in a few queries whatever their number; keyed by deadline id. */
  async resolveMany(deadlines: DeadlineRef[]): Promise<Map<string, Recipients>> {
    const ref = (d: DeadlineRef): SubjectRef => ({ type: d.subjectType, id: d.subjectId });
    const known = deadlines.filter((d) => this.access.knows(d.subjectType));
    const [subjects, assignees] = await Promise.all([
      this.access.describeEach(known.map(ref)),
      this.visibility.assigneesOf(known.map((d) => d.id)),
    ]);
    const described = known.filter((d) => subjects.has(`${d.subjectType}:${d.subjectId}`));
    const candidates = new Map<string, string[]>();
    for (const d of described) {
      const subject = subjects.get(`${d.subjectType}:${d.subjectId}`)!;
      const ids = [...(assignees.get(d.id) ?? []), ...subject.ownerUserIds, ...subject.contactUserIds];
      candidates.set(d.id, [...new Set(ids)]);
    }
    const active = await this.users.activeAmong([...new Set([...candidates.values()].flat())]);
    // What each candidate may read, asked once per user for all the records they are a candidate for.
    const readable = new Map(
      await Promise.all(
        active.map(async (user) => {
          const theirs = described.filter((d) => candidates.get(d.id)!.includes(user.id));
          return [user.id, await this.access.readableByType(user, theirs.map(ref))] as const;
        }),
      ),
    );
    const result = new Map<string, Recipients>();
    for (const d of described) {
      const subject = subjects.get(`${d.subjectType}:${d.subjectId}`)!;
      const ids = candidates.get(d.id)!;
      const users = active.filter(
        (u) => ids.includes(u.id) && readable.get(u.id)?.get(d.subjectType)?.has(d.subjectId),
      );
      result.set(d.id, { subject, users, groupChatId: subject.telegramChatId });
    }
    return result;
  }
}
