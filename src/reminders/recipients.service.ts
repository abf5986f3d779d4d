import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, type SubjectInfo } from '../access/access.service.js';
import { DeadlineAssignee, type Deadline } from '../deadlines/deadline.entity.js';
import { User } from '../users/user.entity.js';

export interface Recipients {
  subject: SubjectInfo | null;
  users: User[];
  groupChatId: string | null;
}

/**
 * Who hears about a deadline: its assignees, the subject's owners and the active
 * members of the organisations taking part — each only if they may see the record —
 * and the record's Telegram group.
 */
@Injectable()
export class RecipientsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  async subject(d: Pick<Deadline, 'subjectType' | 'subjectId'>): Promise<SubjectInfo | null> {
    if (!this.access.knows(d.subjectType)) return null;
    return (await this.access.describe(d.subjectType, [d.subjectId])).get(d.subjectId) ?? null;
  }

  async resolve(d: Pick<Deadline, 'id' | 'subjectType' | 'subjectId'>): Promise<Recipients> {
    const subject = await this.subject(d);
    if (!subject) return { subject: null, users: [], groupChatId: null };
    const assignees = await this.db.getRepository(DeadlineAssignee).findBy({ deadlineId: d.id });
    const ids = [...new Set([...assignees.map((a) => a.userId), ...subject.ownerUserIds])];
    const qb = this.db.getRepository(User).createQueryBuilder('u').where("u.status = 'active'");
    if (subject.organizationIds.length) {
      qb.andWhere('(u.id = ANY(:ids) OR u.organization_id = ANY(:orgs))', { ids, orgs: subject.organizationIds });
    } else {
      qb.andWhere('u.id = ANY(:ids)', { ids });
    }
    const candidates = await qb.orderBy('u.id').getMany();
    const users: User[] = [];
    for (const user of candidates) {
      if ((await this.access.allowedIds(user, d.subjectType, [d.subjectId], 'read')).has(d.subjectId)) users.push(user);
    }
    return { subject, users, groupChatId: subject.telegramChatId };
  }
}
