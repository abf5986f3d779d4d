import { Injectable } from '@nestjs/common';
import { AccessService, type SubjectInfo } from '../access/access.service.js';
import type { Deadline } from '../deadlines/deadline.entity.js';
import { DeadlineVisibility } from '../deadlines/deadline-visibility.service.js';
import type { User } from '../users/user.entity.js';
import { UserDirectory } from '../users/user-directory.service.js';

export interface Recipients {
  subject: SubjectInfo | null;
  users: User[];
  groupChatId: string | null;
}

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

  async resolve(d: Pick<Deadline, 'id' | 'subjectType' | 'subjectId'>): Promise<Recipients> {
    const subject = await this.subject(d);
    if (!subject) return { subject: null, users: [], groupChatId: null };
    const assignees = (await this.visibility.assigneesOf([d.id])).get(d.id) ?? [];
    const ids = [...new Set([...assignees, ...subject.ownerUserIds, ...subject.contactUserIds])];
    const candidates = await this.users.activeAmong(ids);
    const users: User[] = [];
    for (const user of candidates) {
      if ((await this.access.allowedIds(user, d.subjectType, [d.subjectId], 'read')).has(d.subjectId)) users.push(user);
    }
    return { subject, users, groupChatId: subject.telegramChatId };
  }
}
