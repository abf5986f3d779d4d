import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeliverySender } from '../src/reminders/delivery-sender.service.js';
import { ReminderFiring } from '../src/reminders/reminder-firing.service.js';
import { DeliveryProcessor } from '../src/reminders/reminders.processors.js';
import { makeOrganization, makeUser } from './support/factories.js';
import { addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { makeDeadline, setNotificationPrefs } from './support/reminder-factories.js';
import { SmtpSink } from './support/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The ledger that makes sending idempotent, driven directly: however many workers,
 * retries or reconciler passes try the same delivery or fire the same reminder, one message goes out.
 */
describe('delivery claims', () => {
  let t: TestApp;
  const smtp = new SmtpSink();
  const inAYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

  beforeAll(async () => {
    await smtp.start();
    // Workers in this process only so their services can be called; reminders here are due in a year.
    t = await startTestApp({ overrides: { appRole: 'all', smtpUrl: smtp.url } });
    // The deliveries worker would race the calls below for the jobs that firing adds: only the test sends here.
    await t.app.get(DeliveryProcessor).worker.pause(true);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /** A participating organisation's contact, with these channels, and a deadline a year out on its opportunity. */
  async function memberWithDeadline(channels: ('email' | 'inApp')[], reminderOffsets: string[]) {
    const org = await makeOrganization(t);
    const coordinator = await makeUser(t, { role: 'coordinator' });
    await setNotificationPrefs(t, coordinator.user.id, { channels: [] });
    const member = await makeUser(t, { organizationId: org.id });
    await setNotificationPrefs(t, member.user.id, { channels });
    const opp = await makeOpportunity(coordinator, { visibility: 'participants' });
    await addPartner(coordinator, opp.id, { organizationId: org.id, role: 'lead', contactUserIds: [member.user.id] });
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      dueAt: inAYear(),
      reminderOffsets,
    });
    return { member, d };
  }

  async function firedReminder() {
    const { member, d } = await memberWithDeadline(['email', 'inApp'], ['P1D']);
    // Its time has come (as far as the database is concerned).
    const [reminder] = await t.db
      .query(`UPDATE reminders SET fire_at = now() WHERE deadline_id = $1 RETURNING id, version`, [d.id])
      .then((r) => r[0]);
    return { member, d, reminder };
  }

  it('firing the same reminder many times at once records each delivery once', async () => {
    const { d, reminder } = await firedReminder();
    const firing = t.app.get(ReminderFiring);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => firing.fire(reminder.id, reminder.version)));
    expect(outcomes.filter((o) => o === '2 deliveries')).toHaveLength(1);
    expect(outcomes.filter((o) => typeof o === 'string' && o.startsWith('stale'))).toHaveLength(5);
    const rows = await t.db.query(
      `SELECT channel FROM deliveries d JOIN reminders r ON r.id = d.reminder_id WHERE r.deadline_id = $1 ORDER BY 1`,
      [d.id],
    );
    expect(rows).toEqual([{ channel: 'email' }, { channel: 'inApp' }]);
    // An old job (previous version) does nothing either.
    expect(await firing.fire(reminder.id, reminder.version - 1)).toMatch(/^stale/);
  });

  it('sending the same delivery from many workers at once sends it once; a stale claim is taken over', async () => {
    const { member, d } = await memberWithDeadline(['email'], ['P1D']);
    const [reminder] = await t.db.query(`SELECT id FROM reminders WHERE deadline_id = $1`, [d.id]);
    // A delivery row as firing writes it when it leaves the e-mail to the queue (no job: only this test sends it).
    const [email] = await t.db.query(
      `INSERT INTO deliveries (reminder_id, reminder_version, recipient, user_id, channel, address, not_before)
       VALUES ($1, 1, 'user:' || $2::text, $2::uuid, 'email', $3, now() - interval '1 second') RETURNING id`,
      [reminder.id, member.user.id, member.user.email],
    );
    const sender = t.app.get(DeliverySender);
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => sender.deliver(email.id, false)));
    expect(outcomes.filter((o) => 'done' in o && o.done === 'sent')).toHaveLength(1);
    expect(outcomes.filter((o) => 'done' in o && o.done.startsWith('not claimed'))).toHaveLength(7);
    expect(smtp.messages.filter((m) => m.to.includes(member.user.email))).toHaveLength(1);
    expect(await sender.deliver(email.id, false)).toEqual({ done: 'not claimed (sent)' });

    // A worker died mid-send: the row stays `sending`. Fresh, it is left alone; past the timeout it is sent again, once.
    await t.db.query(`UPDATE deliveries SET status = 'sending', claimed_at = now() WHERE id = $1`, [email.id]);
    expect(await sender.deliver(email.id, false)).toEqual({ done: 'not claimed (sending)' });
    await t.db.query(`UPDATE deliveries SET claimed_at = now() - interval '10 minutes' WHERE id = $1`, [email.id]);
    const retaken = await Promise.all([sender.deliver(email.id, false), sender.deliver(email.id, false)]);
    expect(retaken.filter((o) => 'done' in o && o.done === 'sent')).toHaveLength(1);
    expect(smtp.messages.filter((m) => m.to.includes(member.user.email))).toHaveLength(2);
  });

  it('a message the provider accepted is not sent again when recording it fails for a moment', async () => {
    const { member, d } = await memberWithDeadline(['email'], ['P1D']);
    const [reminder] = await t.db.query(`SELECT id FROM reminders WHERE deadline_id = $1`, [d.id]);
    // A delivery row as firing writes it (no queue job, so only this test sends it).
    const [delivery] = await t.db.query(
      `INSERT INTO deliveries (reminder_id, reminder_version, recipient, user_id, channel, address, not_before)
       VALUES ($1, 1, 'user:' || $2::text, $2::uuid, 'email', $3, now() - interval '1 second') RETURNING id`,
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
    await t.db.query(
      `CREATE TRIGGER review_fail_first_sent BEFORE UPDATE ON deliveries FOR EACH ROW EXECUTE FUNCTION review_fail_first_sent()`,
    );
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

  it('a reminder deferred past its deadline (quiet hours) is not sent late', async () => {
    const { member, d } = await memberWithDeadline(['email'], ['PT2H']);
    const [reminder] = await t.db.query(`SELECT id FROM reminders WHERE deadline_id = $1`, [d.id]);
    // The reminder fired at 22:00 and its e-mail waited for the end of quiet hours; the deadline (still open) passed meanwhile.
    await t.db.query(`UPDATE deadlines SET due_at = now() - interval '1 hour' WHERE id = $1`, [d.id]);
    const [delivery] = await t.db.query(
      `INSERT INTO deliveries (reminder_id, reminder_version, recipient, user_id, channel, address, not_before)
       VALUES ($1, 1, 'user:' || $2::text, $2::uuid, 'email', $3, now() - interval '1 second') RETURNING id`,
      [reminder.id, member.user.id, member.user.email],
    );
    const outcome = await t.app.get(DeliverySender).deliver(delivery.id, false);
    expect(outcome).toEqual({ done: expect.stringMatching(/^skipped/) });
    expect(smtp.messages.filter((m) => m.to.includes(member.user.email))).toHaveLength(0);
  });
});
