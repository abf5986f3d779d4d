import { AccessService } from '../access/access.service.js';
import { Notification } from '../notifications/notification.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { type ReminderContent, reminderNoticeParams, renderInApp } from '../notifications/reminder-message.js';
import type { SeedContext } from './seed-context.js';

/** Where the web app shows a seeded deadline's record (the paths reminders link to). */
const SUBJECTS = `
  SELECT c.id, c.title || ' — ' || o.title AS title, '/opportunities/' || o.id || '/checklist/' || c.id AS path
    FROM checklist_items c JOIN opportunities o ON o.id = c.opportunity_id
  UNION ALL SELECT o.id, o.title, '/opportunities/' || o.id FROM opportunities o
  UNION ALL SELECT s.id, s.title, '/submissions/' || s.id FROM submissions s`;

interface AssignedDeadline {
  id: string;
  title: string;
  kind: 'external' | 'internal';
  due_at: Date;
  due_date: string | null;
  time_zone: string;
  subject_type: string;
  subject_id: string;
  subject_title: string;
  path: string;
}

/**
 * The inbox of each seeded user who reads Khmer: a reminder notice for every open deadline assigned to them,
 * written as the reminder worker writes it, so a fresh install shows a partner's day in Khmer.
 */
export async function seedKhmerNotices(ctx: SeedContext): Promise<void> {
  const readers = Object.values(ctx.users).filter((u) => u.language === 'km');
  const notices = new NotificationsService(ctx.db.getRepository(Notification), ctx.clock, new AccessService());
  const now = ctx.clock.now();
  let added = 0;
  for (const reader of readers) {
    const rows: AssignedDeadline[] = await ctx.db.query(
      `SELECT d.id, d.title, d.kind, d.due_at, d.due_date::text, d.time_zone, d.subject_type, d.subject_id,
              s.title AS subject_title, s.path
         FROM deadlines d JOIN deadline_assignees a ON a.deadline_id = d.id
         JOIN (${SUBJECTS}) s ON s.id = d.subject_id
        WHERE a.user_id = $1 AND d.status = 'open'
          AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = $1 AND n.subject_id IN (d.id, d.subject_id))`,
      [reader.id],
    );
    for (const d of rows) {
      const content: ReminderContent = {
        kind: d.due_at.getTime() < now.getTime() ? 'overdue' : 'before',
        language: reader.language,
        deadlineId: d.id,
        deadlineTitle: d.title,
        deadlineKind: d.kind,
        dueAt: d.due_at,
        deadlineZone: d.time_zone,
        readerZone: reader.timeZone,
        now,
        subjectType: d.subject_type,
        subjectLabel: d.subject_type,
        subjectTitle: d.subject_title,
        recordUrl: d.path,
        dueDate: d.due_date,
      };
      await notices.notify(ctx.db.manager, [reader.id], {
        kind: content.kind === 'overdue' ? 'deadline.overdue' : 'deadline.reminder',
        params: reminderNoticeParams(content),
        ...renderInApp(content),
        subjectType: 'deadline',
        subjectId: d.id,
        url: d.path,
      });
      added += 1;
    }
  }
  ctx.log(`notices in Khmer: ${added} added`);
}
