import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type NewNotification, NotificationsService } from '../notifications.service.js';
import { type ReminderContent, reminderNoticeParams, renderInApp } from '../reminder-message.js';
import { type DeliveryChannel, type DeliveryTarget, PermanentDeliveryError } from './channel.js';

function inAppEntry(content: ReminderContent): NewNotification {
  const { title, body } = renderInApp(content);
  const url = new URL(content.recordUrl);
  return {
    kind: content.kind === 'overdue' ? 'deadline.overdue' : 'deadline.reminder',
    params: reminderNoticeParams(content),
    title: title.slice(0, 300),
    body,
    subjectType: 'deadline',
    subjectId: content.deadlineId,
    url: `${url.pathname}${url.search}${url.hash}`,
  };
}

/** The in-app inbox: one entry through the notifications module, which lists and marks them read. */
@Injectable()
export class InAppChannel implements DeliveryChannel {
  readonly name = 'inApp' as const;

  constructor(private readonly notifications: NotificationsService) {}

  available(): boolean {
    return true;
  }

  async send(target: DeliveryTarget, content: ReminderContent): Promise<string | null> {
    if (!target.userId) throw new PermanentDeliveryError('in-app needs a user');
    return (await this.notifications.notifyNow(target.userId, inAppEntry(content))).id;
  }

  /** Writes the inbox entries inside the caller's transaction (a firing of reminders); returns their ids in order. */
  record(manager: EntityManager, notices: { userId: string; content: ReminderContent }[]): Promise<string[]> {
    return this.notifications.notifyEach(
      manager,
      notices.map((n) => ({ userId: n.userId, entry: inAppEntry(n.content) })),
    );
  }
}
