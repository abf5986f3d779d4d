import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUES } from '../src/queue/queues.js';
import { deliveryJobId, ReminderFiring } from '../src/reminders/reminder-firing.service.js';
import { DeliveryProcessor } from '../src/reminders/reminders.processors.js';
import { makeOrganization, makeUser } from './support/factories.js';
import { addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { makeDeadline, setNotificationPrefs } from './support/reminder-factories.js';
import { SmtpSink } from './support/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Reminders due together fire in sets: one claim, one read of recipients and one write per table for the
 * whole set. Each reminder still ends its own way, and each reader gets their own notice, once.
 */
describe('firing reminders in sets', () => {
  let t: TestApp;
  const smtp = new SmtpSink();
  const inAYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

  beforeAll(async () => {
    await smtp.start();
    // Workers in this process only so the firing can be called; the reminders' own jobs are a year away, and
    // e-mails left to the queue wait there (nothing sends them here).
    t = await startTestApp({ overrides: { appRole: 'all', smtpUrl: smtp.url } });
    await t.app.get(DeliveryProcessor).worker.pause(true);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /** A partner's contact (in-app and e-mail) with a deadline on their organisation's opportunity, due now. */
  async function dueReminder(opts: { overdue?: boolean } = {}) {
    const org = await makeOrganization(t);
    const coordinator = await makeUser(t, { role: 'coordinator' });
    await setNotificationPrefs(t, coordinator.user.id, { channels: [] });
    const member = await makeUser(t, { organizationId: org.id });
    await setNotificationPrefs(t, member.user.id, { channels: ['email', 'inApp'] });
    const opp = await makeOpportunity(coordinator, { visibility: 'participants' });
    await addPartner(coordinator, opp.id, { organizationId: org.id, role: 'lead', contactUserIds: [member.user.id] });
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      dueAt: inAYear(),
      reminderOffsets: ['P1D'],
      overdueReminder: Boolean(opts.overdue),
    });
    if (opts.overdue)
      await t.db.query(`UPDATE deadlines SET due_at = now() - interval '1 minute' WHERE id = $1`, [d.id]);
    const [[reminder]] = await t.db.query(
      `UPDATE reminders SET fire_at = now() WHERE deadline_id = $1 AND kind = $2 RETURNING id, version`,
      [d.id, opts.overdue ? 'overdue' : 'before'],
    );
    return { member, d, reminder: reminder as { id: string; version: number } };
  }

  const noticesOf = (userId: string) =>
    t.db.query(
      `SELECT subject_id, kind FROM notifications WHERE user_id = $1 AND kind LIKE 'deadline.%' ORDER BY created_at`,
      [userId],
    );

  it('fires each reminder of the set once, each reader getting their own notice, and answers repeats as stale', async () => {
    const due = await Promise.all([dueReminder(), dueReminder(), dueReminder()]);
    const firing = t.app.get(ReminderFiring);
    const requests = [
      ...due.map((x) => ({ reminderId: x.reminder.id, version: x.reminder.version })),
      { reminderId: due[0].reminder.id, version: due[0].reminder.version },
      { reminderId: due[1].reminder.id, version: due[1].reminder.version - 1 },
    ];
    const outcomes = await firing.fireMany(requests);
    expect(outcomes.slice(0, 3)).toEqual(['2 deliveries', '2 deliveries', '2 deliveries']);
    expect(outcomes.slice(3)).toEqual([expect.stringMatching(/^stale/), expect.stringMatching(/^stale/)]);

    // A set this small sends its e-mails itself, right after it commits; each job only waits to retry one that failed.
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.deliveries));
    for (const x of due) {
      expect(await noticesOf(x.member.user.id)).toEqual([{ subject_id: x.d.id, kind: 'deadline.reminder' }]);
      const rows: { id: string; channel: string; status: string; user_id: string }[] = await t.db.query(
        `SELECT id, channel, status, user_id FROM deliveries WHERE reminder_id = $1 ORDER BY channel`,
        [x.reminder.id],
      );
      expect(rows.map((r) => [r.channel, r.status, r.user_id])).toEqual([
        ['email', 'sent', x.member.user.id],
        ['inApp', 'sent', x.member.user.id],
      ]);
      expect(smtp.messages.filter((m) => m.to.includes(x.member.user.email))).toHaveLength(1);
      expect(await queue.getJobState(deliveryJobId(rows[0].id))).toBe('delayed');
    }
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM reminders WHERE id = ANY($1) AND status = 'sent'`,
      [due.map((x) => x.reminder.id)],
    );
    expect(n).toBe(3);

    // The same set again changes nothing.
    expect(await firing.fireMany(requests)).toEqual(requests.map(() => expect.stringMatching(/^stale/)));
    for (const x of due) {
      expect(await noticesOf(x.member.user.id)).toHaveLength(1);
      expect(smtp.messages.filter((m) => m.to.includes(x.member.user.email))).toHaveLength(1);
    }
  });

  it('ends each reminder of a mixed set its own way: a done deadline cancels, an overdue one marks its deadline missed', async () => {
    const [sent, done, overdue] = await Promise.all([dueReminder(), dueReminder(), dueReminder({ overdue: true })]);
    // Done just as its reminder fires (the API would also have cancelled the reminder; the firing must not need that).
    await t.db.query(`UPDATE deadlines SET status = 'done' WHERE id = $1`, [done.d.id]);

    const outcomes = await t.app.get(ReminderFiring).fireMany([
      { reminderId: sent.reminder.id, version: sent.reminder.version },
      { reminderId: done.reminder.id, version: done.reminder.version },
      { reminderId: overdue.reminder.id, version: overdue.reminder.version },
    ]);
    expect(outcomes[0]).toBe('2 deliveries');
    expect(outcomes[1]).toBe('deadline is done');
    const [cancelled] = await t.db.query(`SELECT status, last_error FROM reminders WHERE id = $1`, [done.reminder.id]);
    expect(cancelled).toEqual({ status: 'cancelled', last_error: 'deadline is done' });
    expect(outcomes[2]).toBe('2 deliveries');
    const [missed] = await t.db.query(`SELECT status FROM deadlines WHERE id = $1`, [overdue.d.id]);
    expect(missed.status).toBe('missed');
    expect(await noticesOf(overdue.member.user.id)).toEqual([{ subject_id: overdue.d.id, kind: 'deadline.overdue' }]);
    expect(await noticesOf(done.member.user.id)).toEqual([]);
  });

  it('gathers reminders that fall due while a set is firing into sets, each answered for itself', async () => {
    const due = await Promise.all(Array.from({ length: 12 }, () => dueReminder()));
    const firing = t.app.get(ReminderFiring);
    const outcomes = await Promise.all(due.map((x) => firing.fireInSet(x.reminder.id, x.reminder.version)));
    expect(outcomes).toEqual(due.map(() => '2 deliveries'));
    for (const x of due) expect(await noticesOf(x.member.user.id)).toHaveLength(1);
    // Each e-mail went once: at once from a small set, or through the queue from a large one.
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM deliveries WHERE reminder_id = ANY($1) AND channel = 'email' AND status IN ('pending', 'sent')`,
      [due.map((x) => x.reminder.id)],
    );
    expect(n).toBe(12);
  });
});
