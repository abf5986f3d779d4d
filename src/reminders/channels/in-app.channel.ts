import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type ReminderContent, renderInApp } from '../reminder-message.js';
import { type DeliveryChannel, type DeliveryTarget, PermanentDeliveryError } from './channel.js';

/**
 * The in-app inbox: one row in `notifications` (owned by the notifications module,
 * which lists and marks them read). Only this class writes there from reminders.
 */
@Injectable()
export class InAppChannel implements DeliveryChannel {
  readonly name = 'inApp' as const;
  private linkColumn: Promise<'path' | 'url'> | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  available(): boolean {
    return true;
  }

  async send(target: DeliveryTarget, content: ReminderContent): Promise<string | null> {
    if (!target.userId) throw new PermanentDeliveryError('in-app needs a user');
    const { title, body } = renderInApp(content);
    const column = await this.column();
    const link = column === 'url' ? content.recordUrl : new URL(content.recordUrl).pathname;
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO notifications (user_id, kind, title, body, subject_type, subject_id, ${column})
       VALUES ($1, $2, $3, $4, 'deadline', $5, $6) RETURNING id`,
      [target.userId, content.kind === 'overdue' ? 'deadline.overdue' : 'deadline.reminder', title.slice(0, 300), body, content.deadlineId, link],
    );
    return rows[0].id;
  }

  /** The inbox keeps the link as `path` (this module's table) or `url` (the notifications module's). */
  private column(): Promise<'path' | 'url'> {
    this.linkColumn ??= this.db
      .query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'notifications' AND column_name IN ('path','url') AND table_schema = current_schema()`)
      .then((rows: { column_name: 'path' | 'url' }[]) => (rows.some((r) => r.column_name === 'path') ? 'path' : 'url'));
    return this.linkColumn;
  }
}
