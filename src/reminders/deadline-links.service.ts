import { Injectable } from '@nestjs/common';
import { type LinkPayload, verifyLink } from '../auth/signed-links.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { type Language, type MessageKey, languageOf, t } from '../i18n/translate.js';
import { ChecklistService } from '../opportunities/checklist.service.js';
import { UserDirectory } from '../users/user-directory.service.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { DeadlineVisibility } from '../deadlines/deadline-visibility.service.js';

export interface LinkOutcome {
  ok: boolean;
  message: string;
}

/**
 * What the signed links in reminders do without a session: acknowledge a deadline,
 * mark it (and its checklist item) done, or stop reminder e-mails. The HMAC proves
 * who the link was sent to; it still acts only on what that user may see. Pages speak
 * the link's user's language.
 */
@Injectable()
export class DeadlineLinksService {
  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly users: UserDirectory,
    private readonly checklist: ChecklistService,
    private readonly visibility: DeadlineVisibility,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  verify(token: string): LinkPayload | null {
    return verifyLink(this.config.sessionSecret, token, this.clock.now());
  }

  async language(payload: LinkPayload): Promise<Language> {
    return languageOf((await this.users.findActive(payload.u))?.language);
  }

  /** A short description for the confirmation page (GET must not act: mail scanners follow links). */
  async describe(payload: LinkPayload): Promise<string> {
    const user = await this.users.findActive(payload.u);
    const say = (key: MessageKey, params?: Record<string, string>) => t(user?.language, key, params);
    if (payload.a === 'unsubscribe') return say('links.unsubscribeAsk');
    const d = await this.deadlines.findById(payload.d ?? '');
    // The page is shown without signing in: name the deadline only while the link's user may still see it.
    const visible = d && user && (await this.visibility.canRead(user, d));
    const title = visible ? say('links.quoted', { title: d.title }) : say('links.thisDeadline');
    return say(payload.a === 'done' ? 'links.markDoneAsk' : 'links.ackAsk', { title });
  }

  async perform(payload: LinkPayload): Promise<LinkOutcome> {
    const user = await this.users.findActive(payload.u);
    const say = (key: MessageKey, params?: Record<string, string>) => t(user?.language, key, params);
    if (!user) return { ok: false, message: say('links.noLongerValid') };
    if (payload.a === 'unsubscribe') {
      await this.users.unsubscribeEmail(user);
      return { ok: true, message: say('links.unsubscribed') };
    }
    const d = await this.deadlines.findById(payload.d ?? '');
    // Judged at each use, whatever the deadline's state, by the API's rules: the link's user may have lost the right since.
    const may = d ? await this.visibility.linkActions(user, d) : null;
    if (!d || !may?.read) return { ok: false, message: say('links.notVisible') };
    const title = say('links.quoted', { title: d.title });
    if (payload.a === 'ack') {
      if (!may.acknowledge) return { ok: false, message: say('links.mayNotAcknowledge') };
      await this.deadlines.acknowledge(user, d);
      return { ok: true, message: say('links.acknowledged', { title }) };
    }
    if (!may.complete) return { ok: false, message: say('links.mayNotComplete') };
    if (d.status !== 'done') await this.deadlines.update(user, d.id, { status: 'done' });
    if (may.completeRecord) await this.checklist.markDone(user, d.subjectId, 'reminderLink');
    return { ok: true, message: say('links.markedDone', { title }) };
  }
}
