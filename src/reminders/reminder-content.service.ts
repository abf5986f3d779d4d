import { Injectable } from '@nestjs/common';
import { AccessService, type SubjectInfo } from '../access/access.service.js';
import { actionExpiry, signLink, unsubscribeExpiry } from '../auth/signed-links.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import type { Deadline } from '../deadlines/deadline.entity.js';
import { DeadlineVisibility, type LinkActions } from '../deadlines/deadline-visibility.service.js';
import type { Reminder } from '../deadlines/reminder.entity.js';
import type { ReminderContent } from '../notifications/reminder-message.js';
import type { User } from '../users/user.entity.js';

export interface ContentRequest {
  reminder: Pick<Reminder, 'kind' | 'offset'>;
  deadline: Deadline;
  subject: SubjectInfo;
  user: User | null;
}

const NO_ACTIONS = { acknowledge: false, complete: false };

/**
 * What a reminder says to one reader (or a group chat, `user` null): the deadline, its record and the
 * signed links this reader may use. Shared by the firing (in-app notices, written as it fires) and the
 * sending of e-mail and Telegram deliveries. A reminder offers only what its reader may do, by the rule
 * the link handler applies when it is used.
 */
@Injectable()
export class ReminderContentService {
  constructor(
    private readonly visibility: DeadlineVisibility,
    private readonly access: AccessService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async compose(
    reminder: Pick<Reminder, 'kind' | 'offset'>,
    d: Deadline,
    subject: SubjectInfo,
    user: User | null,
    now: Date,
  ): Promise<ReminderContent> {
    return (await this.composeMany([{ reminder, deadline: d, subject, user }], now))[0];
  }

  /** `compose` for many readers and deadlines at once (a firing's in-app notices), in a few queries. */
  async composeMany(entries: ContentRequest[], now: Date): Promise<ReminderContent[]> {
    const readers = entries.flatMap((e) => (e.user ? [{ user: e.user, deadline: e.deadline }] : []));
    const actions = await this.visibility.linkActionsAmong(readers);
    let next = 0;
    return entries.map((e) =>
      this.write(e.reminder, e.deadline, e.subject, e.user, now, e.user ? actions[next++] : NO_ACTIONS),
    );
  }

  private write(
    reminder: Pick<Reminder, 'kind' | 'offset'>,
    d: Deadline,
    subject: SubjectInfo,
    user: User | null,
    now: Date,
    may: Pick<LinkActions, 'acknowledge' | 'complete'>,
  ): ReminderContent {
    const secret = this.config.sessionSecret;
    const e = actionExpiry(d.dueAt);
    return {
      kind: reminder.kind,
      offset: reminder.kind === 'before' ? reminder.offset : null,
      language: user?.language ?? 'en',
      deadlineId: d.id,
      deadlineTitle: d.title,
      deadlineKind: d.kind,
      dueAt: d.dueAt,
      dueDate: d.dueDate,
      deadlineZone: d.timeZone,
      readerZone: user?.timeZone ?? 'Asia/Phnom_Penh',
      now,
      subjectType: d.subjectType,
      subjectLabel: this.access.label(d.subjectType),
      subjectTitle: subject.title,
      recordUrl: this.config.link(subject.path),
      ...(user
        ? {
            ...(may.acknowledge
              ? { ackUrl: this.config.link(`/api/v1/links/${signLink(secret, { a: 'ack', u: user.id, d: d.id, e })}`) }
              : {}),
            ...(may.complete
              ? {
                  doneUrl: this.config.link(`/api/v1/links/${signLink(secret, { a: 'done', u: user.id, d: d.id, e })}`),
                }
              : {}),
            unsubscribeUrl: this.config.link(
              `/api/v1/unsubscribe/${signLink(secret, { a: 'unsubscribe', u: user.id, e: unsubscribeExpiry(this.clock.now()) })}`,
            ),
          }
        : {}),
    };
  }
}
