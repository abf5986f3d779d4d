import { Injectable } from '@nestjs/common';
import { NotificationsService } from '../notifications.service.js';
import { type ReminderContent, renderInApp } from '../reminder-message.js';
import { type DeliveryChannel, type DeliveryTarget, PermanentDeliveryError } from './channel.js';

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
    const { title, body } = renderInApp(content);
    const url = new URL(content.recordUrl);
    const entry = await this.notifications.notifyNow(target.userId, {
      kind: content.kind === 'overdue' ? 'deadline.overdue' : 'deadline.reminder',
      title: title.slice(0, 300),
      body,
      subjectType: 'deadline',
      subjectId: content.deadlineId,
      url: `${url.pathname}${url.search}${url.hash}`,
    });
    return entry.id;
  }
}
