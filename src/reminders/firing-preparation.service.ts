import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import type { Deadline } from '../deadlines/deadline.entity.js';
import type { Reminder } from '../deadlines/reminder.entity.js';
import { RemindersRepository } from '../deadlines/reminders.repository.js';
import type { ReminderContent } from '../notifications/reminder-message.js';
import { TelegramBlockedChats } from '../notifications/telegram-blocked-chats.service.js';
import { planDeliveries, type PlannedDelivery } from './delivery-plan.js';
import { NO_RECIPIENTS, type Recipients, RecipientsService } from './recipients.service.js';
import { ReminderContentService } from './reminder-content.service.js';

/** A reminder due now, with what was read of it before the firing's transaction. */
export interface DueReminder {
  reminder: Reminder;
  deadline: Deadline | null;
  recipients: Recipients | null;
  planned: PlannedDelivery[];
  /** The text of each delivery due now, composed before the transaction. */
  composed: Map<PlannedDelivery, ReminderContent>;
}

/** The reads of a firing (`ReminderFiring`) that come before its transaction. */
@Injectable()
export class FiringPreparation {
  constructor(
    private readonly reminders: RemindersRepository,
    private readonly blockedChats: TelegramBlockedChats,
    private readonly recipients: RecipientsService,
    private readonly content: ReminderContentService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Reads, before the transaction, what the firing needs: deadlines, recipients and channels, and the text
   * of in-app notices (composing reads with other connections).
   */
  async prepare(reminders: Reminder[], now: Date): Promise<DueReminder[]> {
    const deadlines = await this.reminders.findDeadlines(reminders.map((r) => r.deadlineId));
    const [recipients, blockedChats] = await Promise.all([
      this.recipients.resolveMany([...deadlines.values()]),
      this.blockedChats.all(),
    ]);
    const available = { email: this.config.emailEnabled, telegram: this.config.telegramEnabled, blockedChats };
    const due = reminders.map((reminder): DueReminder => {
      const deadline = deadlines.get(reminder.deadlineId) ?? null;
      const r = deadline ? (recipients.get(deadline.id) ?? NO_RECIPIENTS) : null;
      const planned = r ? planDeliveries(r.users, r.groupChatId, available, now) : [];
      return { reminder, deadline, recipients: r, planned, composed: new Map() };
    });
    // Every delivery due now is composed here, outside the transaction (composing reads with other
    // connections): in-app notices are written in the firing's own transaction, and a few e-mail and Telegram
    // messages are sent right after it.
    const wanted = due.flatMap((f) =>
      f.deadline && f.recipients?.subject
        ? f.planned.flatMap((delivery) => {
            if (delivery.notBefore.getTime() > now.getTime()) return [];
            const user = delivery.userId ? f.recipients!.users.find((u) => u.id === delivery.userId) : null;
            if (user === undefined) return [];
            return [{ f, delivery, user, deadline: f.deadline!, subject: f.recipients!.subject! }];
          })
        : [],
    );
    const texts = await this.content.composeMany(
      wanted.map((n) => ({ reminder: n.f.reminder, deadline: n.deadline, subject: n.subject, user: n.user })),
      now,
    );
    wanted.forEach((n, i) => n.f.composed.set(n.delivery, texts[i]));
    return due;
  }
}
