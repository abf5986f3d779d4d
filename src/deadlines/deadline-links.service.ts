import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActivityService } from '../activity/activity.service.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { type LinkPayload, verifyLink } from '../reminders/signed-links.js';
import { updateReturning } from '../common/sql.js';
import { User } from '../users/user.entity.js';
import { Deadline } from './deadline.entity.js';
import { DeadlinesService } from './deadlines.service.js';
import { DeadlineVisibility } from './deadline-visibility.service.js';

export interface LinkOutcome {
  ok: boolean;
  message: string;
}

/**
 * What the signed links in reminders do without a session: acknowledge a deadline,
 * mark it (and its checklist item) done, or stop reminder e-mails. The HMAC proves
 * who the link was sent to; it still acts only on what that user may see.
 */
@Injectable()
export class DeadlineLinksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly deadlines: DeadlinesService,
    private readonly visibility: DeadlineVisibility,
    private readonly activity: ActivityService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  verify(token: string): LinkPayload | null {
    return verifyLink(this.config.sessionSecret, token, this.clock.now());
  }

  /** A short description for the confirmation page (GET must not act: mail scanners follow links). */
  async describe(payload: LinkPayload): Promise<string> {
    if (payload.a === 'unsubscribe') return 'Stop receiving deadline reminder e-mails and digests';
    const d = await this.db.getRepository(Deadline).findOneBy({ id: payload.d ?? '' });
    // The page is shown without signing in: name the deadline only while the link's user may still see it.
    const user = d ? await this.db.getRepository(User).findOneBy({ id: payload.u, status: 'active' }) : null;
    const title = d && user && (await this.visibility.canRead(user, d)) ? `"${d.title}"` : 'this deadline';
    return payload.a === 'done' ? `Mark ${title} as done` : `Acknowledge ${title}`;
  }

  async perform(payload: LinkPayload): Promise<LinkOutcome> {
    const user = await this.db.getRepository(User).findOneBy({ id: payload.u, status: 'active' });
    if (!user) return { ok: false, message: 'This link is no longer valid.' };
    if (payload.a === 'unsubscribe') return this.unsubscribe(user);
    const d = await this.db.getRepository(Deadline).findOneBy({ id: payload.d ?? '' });
    if (!d || !(await this.visibility.canRead(user, d))) return { ok: false, message: 'This deadline no longer exists or is not visible to you.' };
    if (payload.a === 'ack') {
      await this.db.transaction(async (manager) => {
        await manager.query(`UPDATE deadline_assignees SET acknowledged_at = $3 WHERE deadline_id = $1 AND user_id = $2 AND acknowledged_at IS NULL`, [d.id, user.id, this.clock.now()]);
        await this.activity.record(manager, { actorId: user.id, action: 'deadline.acknowledged', subjectType: 'deadline', subjectId: d.id, summary: `${user.name} acknowledged "${d.title}"` });
      });
      return { ok: true, message: `Thank you: "${d.title}" is acknowledged.` };
    }
    if (d.status !== 'done') {
      try {
        await this.deadlines.update(user, d.id, { status: 'done' });
      } catch {
        return { ok: false, message: 'You may not mark this deadline done; ask its coordinator.' };
      }
    }
    if (d.subjectType === 'checklistItem') await this.completeChecklistItem(user, d.subjectId);
    return { ok: true, message: `"${d.title}" is marked done.` };
  }

  private async unsubscribe(user: User): Promise<LinkOutcome> {
    await this.db.transaction(async (manager) => {
      const prefs = user.notificationPreferences;
      const next = { ...prefs, channels: prefs.channels.filter((c) => c !== 'email'), digest: 'off' as const };
      await manager.getRepository(User).update(user.id, { notificationPreferences: next });
      await this.activity.record(manager, {
        actorId: user.id,
        action: 'user.unsubscribed',
        subjectType: 'user',
        subjectId: user.id,
        summary: `${user.name} stopped reminder e-mails from a link`,
        changes: { notificationPreferences: [prefs, next] },
      });
    });
    return { ok: true, message: 'You will get no more reminder e-mails. Turn them back on in your settings.' };
  }

  /** Marks the checklist item behind a deadline done, if it is still to do. */
  private async completeChecklistItem(user: User, itemId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const rows = await updateReturning<{ id: string; title: string }>(
        manager,
        `UPDATE checklist_items SET status = 'done', updated_at = now() WHERE id = $1 AND status = 'todo' RETURNING id, title`,
        [itemId],
      );
      if (!rows.length) return;
      await this.activity.record(manager, {
        actorId: user.id,
        action: 'checklistItem.updated',
        subjectType: 'checklistItem',
        subjectId: itemId,
        summary: `${user.name} marked "${rows[0].title}" done from a reminder link`,
        changes: { status: ['todo', 'done'] },
      });
    });
  }
}
