import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { Deadline } from '../deadlines/deadline.entity.js';
import { DeadlineVisibility } from '../deadlines/deadline-visibility.service.js';
import { MailService } from '../mail/mail.service.js';
import { SENDING_TIMEOUT_MS } from '../queue/queues.js';
import { User } from '../users/user.entity.js';
import { digestDue, digestSections, digestSlot, digestWindow } from './digest-window.js';
import { type DigestEntry, renderDigest } from './digest-message.js';
import { signLink } from './signed-links.js';
import { updateReturning } from '../common/sql.js';
import { recordAfterSend } from './sql.js';

/**
 * Daily or weekly e-mail digests at 08:00 in each user's zone: the next 14 days and
 * what is overdue, of the deadlines they would be reminded of. One row per user and
 * period (unique), claimed before sending, so each digest goes out once.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly visibility: DeadlineVisibility,
    private readonly access: AccessService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<number> {
    if (!this.mail.enabled) return 0;
    const users = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .where("u.status = 'active'")
      .andWhere("u.notification_preferences->>'digest' IN ('daily','weekly')")
      .andWhere(`u.notification_preferences->'channels' ? 'email'`)
      .getMany();
    let sent = 0;
    for (const user of users) {
      try {
        if (await this.sendFor(user)) sent += 1;
      } catch (error) {
        this.logger.warn(`Digest for ${user.id} failed: ${(error as Error).message}`);
      }
    }
    return sent;
  }

  /** Sends this period's digest to one user if it is due and not sent yet. */
  async sendFor(user: User): Promise<boolean> {
    const now = this.clock.now();
    const frequency = user.notificationPreferences.digest as 'daily' | 'weekly';
    const slot = digestSlot(now, user.timeZone, frequency);
    if (!digestDue(now, slot)) return false;
    await this.db.query(`INSERT INTO digests (user_id, period) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [user.id, slot.key]);
    const claimed = await updateReturning<{ id: string }>(
      this.db,
      `UPDATE digests SET status = 'sending', claimed_at = $3, attempts = attempts + 1
       WHERE user_id = $1 AND period = $2 AND (status = 'pending' OR (status = 'sending' AND claimed_at < $4)) RETURNING id`,
      [user.id, slot.key, now, new Date(now.getTime() - SENDING_TIMEOUT_MS)],
    );
    if (!claimed.length) return false;
    const id = claimed[0].id;
    let messageId: string;
    let count: number;
    try {
      const { overdue, upcoming } = digestSections(await this.entriesFor(user, now), now);
      if (!overdue.length && !upcoming.length) {
        await this.db.query(`UPDATE digests SET status = 'skipped', item_count = 0 WHERE id = $1`, [id]);
        return false;
      }
      const base = this.config.publicUrl.replace(/\/$/, '');
      const unsubscribe = `${base}/api/v1/unsubscribe/${signLink(this.config.sessionSecret, { a: 'unsubscribe', u: user.id })}`;
      const message = renderDigest(frequency, user.timeZone, overdue, upcoming, { app: `${base}/deadlines`, unsubscribe });
      messageId = await this.mail.send({
        to: user.email,
        ...message,
        headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      });
      count = overdue.length + upcoming.length;
    } catch (error) {
      await this.db.query(`UPDATE digests SET status = 'pending', claimed_at = NULL, last_error = $2 WHERE id = $1`, [id, (error as Error).message]);
      throw error;
    }
    // Sent: never hand the claim back now (the next run would send it again); see recordAfterSend.
    const recorded = await recordAfterSend(
      this.db,
      `UPDATE digests SET status = 'sent', sent_at = $2, item_count = $3, provider_message_id = $4 WHERE id = $1`,
      [id, this.clock.now(), count, messageId],
    );
    if (!recorded) this.logger.error(`Digest ${id} was sent but could not be recorded; it stays 'sending'`);
    return true;
  }

  /** Open or missed deadlines due up to 14 days ahead that the user can see and is concerned by. */
  private async entriesFor(user: User, now: Date): Promise<(DigestEntry & { status: string })[]> {
    const qb = this.db
      .getRepository(Deadline)
      .createQueryBuilder('d')
      .where("d.status IN ('open','missed')")
      .andWhere('d.due_at <= :to', { to: digestWindow(now).to })
      .andWhere('d.due_at >= :oldest', { oldest: new Date(now.getTime() - 90 * 24 * 3600 * 1000) });
    if (!(await this.visibility.restrict(user, qb))) return [];
    const deadlines = await qb.orderBy('d.due_at').take(500).getMany();
    const assigned = await this.visibility.assigneesOf(deadlines.map((d) => d.id));
    const entries: (DigestEntry & { status: string })[] = [];
    const byType = new Map<string, string[]>();
    for (const d of deadlines) byType.set(d.subjectType, [...(byType.get(d.subjectType) ?? []), d.subjectId]);
    const info = new Map<string, Awaited<ReturnType<AccessService['describe']>> extends Map<string, infer V> ? V : never>();
    for (const [type, ids] of byType) for (const [id, s] of await this.access.describe(type, ids)) info.set(`${type}:${id}`, s);
    const base = this.config.publicUrl.replace(/\/$/, '');
    for (const d of deadlines) {
      const s = info.get(`${d.subjectType}:${d.subjectId}`);
      if (!s) continue;
      const concerned =
        assigned.get(d.id)?.includes(user.id) ||
        s.ownerUserIds.includes(user.id) ||
        (user.organizationId !== null && s.organizationIds.includes(user.organizationId));
      if (!concerned) continue;
      entries.push({ title: d.title, subjectTitle: s.title, dueAt: d.dueAt, timeZone: d.timeZone, url: `${base}${s.path}`, status: d.status });
    }
    return entries;
  }
}
