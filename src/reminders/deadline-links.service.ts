import { Injectable } from '@nestjs/common';
import { type LinkPayload, verifyLink } from '../auth/signed-links.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
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
 * who the link was sent to; it still acts only on what that user may see.
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

  /** A short description for the confirmation page (GET must not act: mail scanners follow links). */
  async describe(payload: LinkPayload): Promise<string> {
    if (payload.a === 'unsubscribe') return 'Stop receiving deadline reminder e-mails and digests';
    const d = await this.deadlines.findById(payload.d ?? '');
    // The page is shown without signing in: name the deadline only while the link's user may still see it.
    const user = d ? await this.users.findActive(payload.u) : null;
    const title = d && user && (await this.visibility.canRead(user, d)) ? `"${d.title}"` : 'this deadline';
    return payload.a === 'done' ? `Mark ${title} as done` : `Acknowledge ${title}`;
  }

  async perform(payload: LinkPayload): Promise<LinkOutcome> {
    const user = await this.users.findActive(payload.u);
    if (!user) return { ok: false, message: 'This link is no longer valid.' };
    if (payload.a === 'unsubscribe') {
      await this.users.unsubscribeEmail(user);
      return { ok: true, message: 'You will get no more reminder e-mails. Turn them back on in your settings.' };
    }
    const d = await this.deadlines.findById(payload.d ?? '');
    if (!d || !(await this.visibility.canRead(user, d)))
      return { ok: false, message: 'This deadline no longer exists or is not visible to you.' };
    if (payload.a === 'ack') {
      await this.deadlines.acknowledge(user, d);
      return { ok: true, message: `Thank you: "${d.title}" is acknowledged.` };
    }
    // Checked at each use, whatever the deadline's state: the link's user may have lost the right since.
    if (!(await this.visibility.mayComplete(user, d)))
      return { ok: false, message: 'You may not mark this deadline done; ask its coordinator.' };
    if (d.status !== 'done') await this.deadlines.update(user, d.id, { status: 'done' });
    if (d.subjectType === 'checklistItem') await this.checklist.markDone(user, d.subjectId, 'from a reminder link');
    return { ok: true, message: `"${d.title}" is marked done.` };
  }
}
