import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeliverySender } from '../src/reminders/delivery-sender.service.js';
import { actionExpiry, signLink } from '../src/auth/signed-links.js';
import { makeOrganization, makeUser } from './support/factories.js';
import { addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { makeDeadline, setNotificationPrefs } from './support/reminder-factories.js';
import { SmtpSink } from './support/smtp-sink.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Findings of the review of the deadlines and reminders engine, each pinned by a test. */
describe('deadlines and reminders review', () => {
  let t: TestApp;
  const smtp = new SmtpSink();
  const inAYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

  beforeAll(async () => {
    await smtp.start();
    // Workers in this process so their services can be called; nothing here is due before a year.
    t = await startTestApp({ overrides: { appRole: 'all', smtpUrl: smtp.url } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('a deadline whose section was removed does not break lists, feeds or new deadlines (no 500)', async () => {
    const org = await makeOrganization(t);
    const c = await makeUser(t, { role: 'coordinator' });
    const member = await makeUser(t, { organizationId: org.id });
    const sub = await makeSubmission(c, { leadOrganizationId: org.id, visibility: 'participants' });
    const section = await makeSection(c, sub.id);
    const d = await makeDeadline(c, { subjectType: 'section', subjectId: section.id, dueAt: inAYear() });
    await c.as.delete(`/api/v1/submissions/${sub.id}/sections/${section.id}`).expect(204);

    for (const actor of [c, member]) {
      const list = await actor.as.get('/api/v1/deadlines');
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(d.id);
      expect((await actor.as.get(`/api/v1/deadlines?subjectType=section&subjectId=${section.id}`)).status).toBe(200);
      expect((await actor.as.get(`/api/v1/deadlines/${d.id}`)).status).toBe(404);
      const feed = await actor.as.get('/api/v1/me/calendar').expect(200);
      const ics = await t.http().get(new URL(feed.body.url).pathname);
      expect(ics.status).toBe(200);
      expect(ics.text).not.toContain(d.id);
    }
    const again = await c.as
      .post('/api/v1/deadlines')
      .send({ subjectType: 'section', subjectId: section.id, title: 'x', kind: 'internal', dueAt: inAYear(), timeZone: 'Europe/Geneva' });
    expect(again.status).toBe(404);
  });

  it('a message the provider accepted is not sent again when recording it fails for a moment', async () => {
    const org = await makeOrganization(t);
    const c = await makeUser(t, { role: 'coordinator' });
    const member = await makeUser(t, { organizationId: org.id });
    await setNotificationPrefs(t, member.user.id, { channels: ['email'] });
    const opp = await makeOpportunity(c, { visibility: 'participants' });
    await addPartner(c, opp.id, { organizationId: org.id, role: 'lead' });
    const d = await makeDeadline(c, { subjectType: 'opportunity', subjectId: opp.id, dueAt: inAYear(), reminderOffsets: ['P1D'] });
    const [reminder] = await t.db.query(`SELECT id FROM reminders WHERE deadline_id = $1`, [d.id]);
    // A delivery row as firing writes it (no queue job, so only this test sends it).
    const [delivery] = await t.db.query(
      `INSERT INTO deliveries (reminder_id, recipient, user_id, channel, address, not_before)
       VALUES ($1, 'user:' || $2::text, $2::uuid, 'email', $3, now() - interval '1 second') RETURNING id`,
      [reminder.id, member.user.id, member.user.email],
    );
    // Postgres refuses the first "sent" update (a failover, a dropped connection …), then recovers.
    await t.db.query(`CREATE SEQUENCE review_sent_failures`);
    await t.db.query(`
      CREATE FUNCTION review_fail_first_sent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'sent' AND OLD.status <> 'sent' AND nextval('review_sent_failures') = 1 THEN
          RAISE EXCEPTION 'simulated outage';
        END IF;
        RETURN NEW;
      END $$`);
    await t.db.query(`CREATE TRIGGER review_fail_first_sent BEFORE UPDATE ON deliveries FOR EACH ROW EXECUTE FUNCTION review_fail_first_sent()`);
    try {
      const sender = t.app.get(DeliverySender);
      // The job's attempt, then what a BullMQ retry of it would do.
      await sender.deliver(delivery.id, false).catch(() => undefined);
      await sender.deliver(delivery.id, false).catch(() => undefined);
      expect(smtp.messages.filter((m) => m.to.includes(member.user.email))).toHaveLength(1);
      const [row] = await t.db.query(`SELECT status FROM deliveries WHERE id = $1`, [delivery.id]);
      expect(row.status).toBe('sent');
    } finally {
      await t.db.query(`DROP TRIGGER review_fail_first_sent ON deliveries`);
    }
  });

  it('a signed link of someone who can no longer see the record does not show its title', async () => {
    const org = await makeOrganization(t);
    const c = await makeUser(t, { role: 'coordinator' });
    const member = await makeUser(t, { organizationId: org.id });
    const opp = await makeOpportunity(c, { visibility: 'participants' });
    const partner = await addPartner(c, opp.id, { organizationId: org.id, role: 'lead' });
    const d = await makeDeadline(c, { subjectType: 'opportunity', subjectId: opp.id, title: 'Secret budget revision', dueAt: inAYear() });
    const token = signLink(t.config.sessionSecret, { a: 'ack', u: member.user.id, d: d.id, e: actionExpiry(new Date(d.dueAt)) });
    // While the member's organisation takes part, the page names the deadline.
    expect((await t.http().get(`/api/v1/links/${token}`)).text).toContain('Secret budget revision');
    // Their organisation leaves the consortium: the old e-mail's link no longer reveals anything.
    await c.as.delete(`/api/v1/opportunities/${opp.id}/partners/${partner.id}`).expect(204);
    const page = await t.http().get(`/api/v1/links/${token}`);
    expect(page.status).toBeLessThan(500);
    expect(page.text).not.toContain('Secret budget revision');
  });

  it('a reminder deferred past its deadline (quiet hours) is not sent late', async () => {
    const org = await makeOrganization(t);
    const c = await makeUser(t, { role: 'coordinator' });
    const member = await makeUser(t, { organizationId: org.id });
    await setNotificationPrefs(t, member.user.id, { channels: ['email'] });
    const opp = await makeOpportunity(c, { visibility: 'participants' });
    await addPartner(c, opp.id, { organizationId: org.id, role: 'lead' });
    const d = await makeDeadline(c, { subjectType: 'opportunity', subjectId: opp.id, dueAt: inAYear(), reminderOffsets: ['PT2H'] });
    const [reminder] = await t.db.query(`SELECT id FROM reminders WHERE deadline_id = $1`, [d.id]);
    // The reminder fired at 22:00 and its e-mail waited for the end of quiet hours; the deadline (still open) passed meanwhile.
    await t.db.query(`UPDATE deadlines SET due_at = now() - interval '1 hour' WHERE id = $1`, [d.id]);
    const [delivery] = await t.db.query(
      `INSERT INTO deliveries (reminder_id, recipient, user_id, channel, address, not_before)
       VALUES ($1, 'user:' || $2::text, $2::uuid, 'email', $3, now() - interval '1 second') RETURNING id`,
      [reminder.id, member.user.id, member.user.email],
    );
    const outcome = await t.app.get(DeliverySender).deliver(delivery.id, false);
    expect(outcome).toEqual({ done: expect.stringMatching(/^skipped/) });
    expect(smtp.messages.filter((m) => m.to.includes(member.user.email))).toHaveLength(0);
  });
});
