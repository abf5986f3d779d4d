import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FixedClock } from '../src/common/clock.js';
import { DigestService } from '../src/notifications/digest.service.js';
import { makeOrganization, makeUser } from './support/factories.js';
import { addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { makeDeadline, setNotificationPrefs } from './support/reminder-factories.js';
import { decodeQuotedPrintable, SmtpSink } from './support/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Digests with a clock we control: 08:00 in the user's zone, next 14 days plus overdue, once per period. */
describe('daily digests', () => {
  let t: TestApp;
  const smtp = new SmtpSink();
  const clock = new FixedClock(new Date('2027-01-10T00:00:00Z')); // 07:00 in Phnom Penh

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp({ clock, overrides: { appRole: 'all', smtpUrl: smtp.url } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('sends one digest at 08:00 the user’s time with the next 14 days and what is overdue, of records they can see', async () => {
    const org = await makeOrganization(t);
    const coordinator = await makeUser(t, { role: 'coordinator' });
    const reader = await makeUser(t, { organizationId: org.id, timeZone: 'Asia/Phnom_Penh' });
    await setNotificationPrefs(t, reader.user.id, { channels: ['email', 'inApp'], digest: 'daily' });
    const ours = await makeOpportunity(coordinator, { visibility: 'participants', title: 'Our consortium bid' });
    await addPartner(coordinator, ours.id, { organizationId: org.id, role: 'lead' });
    const theirs = await makeOpportunity(coordinator, { visibility: 'participants', title: 'Someone else’s bid' });

    const on = (subjectId: string, title: string, dueAt: string) =>
      makeDeadline(coordinator, { subjectType: 'opportunity', subjectId, title, dueAt, timeZone: 'Europe/Geneva' });
    await on(ours.id, 'Overdue partner budget', '2027-01-09T17:00');
    await on(ours.id, 'Concept note due', '2027-01-13T17:00');
    await on(ours.id, 'Full proposal due', '2027-02-15T17:00');
    await on(theirs.id, 'Invisible deadline', '2027-01-12T17:00');

    const digests = t.app.get(DigestService);
    expect(await digests.run()).toBe(0); // 07:00: not yet
    clock.set(new Date('2027-01-10T01:05:00Z')); // 08:05 in Phnom Penh
    expect(await digests.run()).toBe(1);
    expect(await digests.run()).toBe(0); // once per day

    const mails = smtp.messages.filter((m) => m.to.includes(reader.user.email));
    expect(mails).toHaveLength(1);
    const text = decodeQuotedPrintable(mails[0].raw);
    expect(text).toContain('Overdue:');
    expect(text).toContain('Overdue partner budget');
    expect(text).toContain('Concept note due');
    expect(text).not.toContain('Full proposal due');
    expect(text).not.toContain('Invisible deadline');
    expect(text).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);

    clock.set(new Date('2027-01-11T01:05:00Z')); // the next morning
    expect(await digests.run()).toBe(1);
  });
});
