import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { signLink, unsubscribeExpiry } from '../auth/signed-links.js';
import { Clock } from '../common/clock.js';
import { DIGESTS_OUTBOX } from '../common/outbox.js';
import { SentMarkers, type SentOutcome } from '../common/sent-markers.js';
import { AppConfig } from '../config/app-config.js';
import { DeadlineVisibility } from '../deadlines/deadline-visibility.service.js';
import { MailService } from '../mail/mail.service.js';
import type { User } from '../users/user.entity.js';
import { UserDirectory } from '../users/user-directory.service.js';
import { Digest } from './digest.entity.js';
import { digestDue, digestSections, digestSlot, digestWindow } from './digest-window.js';
import { type DigestEntry, renderDigest } from './digest-message.js';

/**
 * Daily or weekly e-mail digests at 08:00 in each user's zone: the next 14 days and
 * what is overdue, of the deadlines they would be reminded of. One row per user and
 * period (unique), claimed before sending, so each digest goes out once.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    @InjectRepository(Digest) private readonly digests: Repository<Digest>,
    private readonly users: UserDirectory,
    private readonly visibility: DeadlineVisibility,
    private readonly access: AccessService,
    private readonly mail: MailService,
    private readonly markers: SentMarkers,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<number> {
    if (!this.mail.enabled) return 0;
    const users = await this.users.digestSubscribers();
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
    await this.digests
      .createQueryBuilder()
      .insert()
      .values({ userId: user.id, period: slot.key })
      .orIgnore()
      .updateEntity(false)
      .execute();
    const id = await DIGESTS_OUTBOX.claim(this.digests.manager, { user_id: user.id, period: slot.key }, now);
    if (!id) return false;
    let outcome: SentOutcome;
    try {
      // Taken over from a run that sent it but could not record it: record, do not send.
      const kept = await this.markers.recall(DIGESTS_OUTBOX.table, id);
      if (kept) {
        await this.record(id, kept);
        return false;
      }
      const { overdue, upcoming } = digestSections(await this.entriesFor(user, now), now);
      if (!overdue.length && !upcoming.length) {
        await DIGESTS_OUTBOX.finish(this.digests.manager, id, 'skipped', { item_count: 0 });
        return false;
      }
      const unsubscribe = this.config.link(
        `/api/v1/unsubscribe/${signLink(this.config.sessionSecret, { a: 'unsubscribe', u: user.id, e: unsubscribeExpiry(this.clock.now()) })}`,
      );
      const message = renderDigest(
        frequency,
        user.timeZone,
        overdue,
        upcoming,
        { app: this.config.link('/deadlines'), unsubscribe },
        user.language,
      );
      const providerMessageId = await this.mail.send({
        to: user.email,
        ...message,
        headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        messageId: this.mail.messageIdFor(`digest-${id}`),
      });
      outcome = { sentAt: this.clock.now(), providerMessageId, itemCount: overdue.length + upcoming.length };
    } catch (error) {
      await DIGESTS_OUTBOX.release(this.digests.manager, id, (error as Error).message);
      throw error;
    }
    // Sent: never hand the claim back now (the next run would send it again). Redis keeps the outcome
    // until Postgres has it; the row stays `sending` meanwhile and a later run records it.
    await this.markers.keep(DIGESTS_OUTBOX.table, id, outcome);
    await this.record(id, outcome);
    return true;
  }

  private async record(id: string, outcome: SentOutcome): Promise<void> {
    const recorded = await DIGESTS_OUTBOX.recordSent(this.digests.manager, id, outcome.sentAt, {
      item_count: outcome.itemCount ?? 0,
      provider_message_id: outcome.providerMessageId,
    });
    if (recorded) await this.markers.forget(DIGESTS_OUTBOX.table, id);
    else this.logger.error(`Digest ${id} was sent but could not be recorded; it stays 'sending'`);
  }

  /** Open or missed deadlines due up to 14 days ahead that the user can see and is concerned by. */
  private async entriesFor(user: User, now: Date): Promise<(DigestEntry & { status: string })[]> {
    const deadlines = await this.visibility.visible(user, {
      statuses: ['open', 'missed'],
      from: new Date(now.getTime() - 90 * 24 * 3600 * 1000),
      to: digestWindow(now).to,
      limit: 500,
    });
    const assigned = await this.visibility.assigneesOf(deadlines.map((d) => d.id));
    const entries: (DigestEntry & { status: string })[] = [];
    const info = await this.access.describeEach(deadlines.map((d) => ({ type: d.subjectType, id: d.subjectId })));
    for (const d of deadlines) {
      const s = info.get(`${d.subjectType}:${d.subjectId}`);
      if (!s) continue;
      const concerned =
        assigned.get(d.id)?.includes(user.id) ||
        s.ownerUserIds.includes(user.id) ||
        (user.organizationId !== null && s.organizationIds.includes(user.organizationId));
      if (!concerned) continue;
      entries.push({
        title: d.title,
        subjectTitle: s.title,
        dueAt: d.dueAt,
        timeZone: d.timeZone,
        url: this.config.link(s.path),
        status: d.status,
      });
    }
    return entries;
  }
}
