import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FixedClock } from '../src/common/clock.js';
import { DigestService } from '../src/notifications/digest.service.js';
import { DeliverySender } from '../src/reminders/delivery-sender.service.js';
import { DeliveryProcessor, MaintenanceProcessor } from '../src/reminders/reminders.processors.js';
import { onServer } from './support/databases.js';
import { makeOrganization, makeUser } from './support/factories.js';
import { addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { makeDeadline, setNotificationPrefs } from './support/reminder-factories.js';
import { SmtpSink } from './support/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Never twice through a PostgreSQL outage: the SMTP server accepts a message while the app's database
 * refuses every connection, for longer than the "sent" update is retried. When the row is next taken
 * (the job's retry, or the claim taken over once it expired) it is recorded `sent`, and nothing goes out again.
 */
describe('a message sent while Postgres is unreachable', () => {
  let t: TestApp;
  const smtp = new SmtpSink();
  const clock = new FixedClock(new Date());

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp({ clock, overrides: { appRole: 'all', smtpUrl: smtp.url } });
    // Only the test sends: no delivery jobs, no reconciler or digest runs of their own.
    await t.app.get(DeliveryProcessor).worker.pause(true);
    await t.app.get(MaintenanceProcessor).worker.pause(true);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /** While the SMTP server holds the next message: the database stops taking connections and drops the app's. */
  function outageDuringNextAccept(): { over: () => Promise<void> } {
    const name = new URL(t.config.databaseUrl).pathname.slice(1);
    smtp.beforeNextAccept = () =>
      onServer(async (c) => {
        await c.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
        await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
      });
    return { over: () => onServer((c) => c.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`)).then(() => {}) };
  }

  /** A member of a partner organisation, e-mail only, with a deadline a year out and one delivery row due now. */
  async function emailDelivery() {
    const org = await makeOrganization(t);
    const coordinator = await makeUser(t, { role: 'coordinator' });
    await setNotificationPrefs(t, coordinator.user.id, { channels: [] });
    const member = await makeUser(t, { organizationId: org.id });
    await setNotificationPrefs(t, member.user.id, { channels: ['email'] });
    const opp = await makeOpportunity(coordinator, { visibility: 'participants' });
    await addPartner(coordinator, opp.id, { organizationId: org.id, role: 'lead', contactUserIds: [member.user.id] });
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      dueAt: new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString(),
      reminderOffsets: ['P1D'],
    });
    const [reminder] = await t.db.query(`SELECT id FROM reminders WHERE deadline_id = $1`, [d.id]);
    // A delivery row as firing writes it, without a queue job: only the test sends it.
    const [delivery] = await t.db.query(
      `INSERT INTO deliveries (reminder_id, reminder_version, recipient, user_id, channel, address, not_before)
       VALUES ($1, 1, 'user:' || $2::text, $2::uuid, 'email', $3, now() - interval '1 hour') RETURNING id`,
      [reminder.id, member.user.id, member.user.email],
    );
    return { email: member.user.email, deliveryId: delivery.id as string };
  }

  const mailsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email));
  const row = async (table: string, id: string) =>
    (await t.db.query(`SELECT status, sent_at, provider_message_id FROM ${table} WHERE id = $1`, [id]))[0];

  it('the job’s retry records it instead of sending it again', async () => {
    const { email, deliveryId } = await emailDelivery();
    const sender = t.app.get(DeliverySender);
    const outage = outageDuringNextAccept();
    const first = await sender
      .deliver(deliveryId, false)
      .then(JSON.stringify, (error: Error) => error.message)
      .finally(outage.over);
    expect(first).toMatch(/sent but not recorded/);
    expect((await row('deliveries', deliveryId)).status).toBe('sending');

    const retried = await sender.deliver(deliveryId, false);
    expect(mailsTo(email)).toHaveLength(1);
    expect(retried).toEqual({ done: 'sent (recorded from Redis)' });
    const recorded = await row('deliveries', deliveryId);
    expect(recorded).toMatchObject({
      status: 'sent',
      provider_message_id: `<delivery-${deliveryId}@cjn-tracker.local>`,
    });
    expect(mailsTo(email)[0].raw).toMatch(
      new RegExp(`^Message-ID:\\s+<delivery-${deliveryId}@cjn-tracker\\.local>`, 'im'),
    );
  });

  it('a claim taken over after it expired (the reconciler’s re-drive) records it instead of sending it again', async () => {
    const { email, deliveryId } = await emailDelivery();
    const sender = t.app.get(DeliverySender);
    const outage = outageDuringNextAccept();
    await sender
      .deliver(deliveryId, true)
      .then(JSON.stringify, (error: Error) => error.message)
      .finally(outage.over);
    // The job gave up (that was its last attempt) and the claim has expired: the row is as a dead worker leaves it.
    await t.db.query(`UPDATE deliveries SET claimed_at = now() - interval '10 minutes' WHERE id = $1`, [deliveryId]);

    const retaken = await Promise.all([sender.deliver(deliveryId, false), sender.deliver(deliveryId, false)]);
    expect(mailsTo(email)).toHaveLength(1);
    expect(retaken).toContainEqual({ done: 'sent (recorded from Redis)' });
    expect(await row('deliveries', deliveryId)).toMatchObject({ status: 'sent' });
  });

  it('a digest is recorded by the next run instead of being sent again', async () => {
    const org = await makeOrganization(t);
    const coordinator = await makeUser(t, { role: 'coordinator' });
    const reader = await makeUser(t, { organizationId: org.id, timeZone: 'UTC' });
    await setNotificationPrefs(t, reader.user.id, { channels: ['email'], digest: 'daily' });
    const opp = await makeOpportunity(coordinator, { visibility: 'participants' });
    await addPartner(coordinator, opp.id, { organizationId: org.id, role: 'lead' });
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      dueAt: new Date(tomorrow.getTime() + 2 * 24 * 3600 * 1000).toISOString(),
    });
    clock.set(new Date(`${tomorrow.toISOString().slice(0, 10)}T08:05:00Z`));
    const digests = t.app.get(DigestService);
    const outage = outageDuringNextAccept();
    await digests.run().finally(outage.over);
    const [digest] = await t.db.query(`SELECT id, status FROM digests WHERE user_id = $1`, [reader.user.id]);
    expect(digest.status).toBe('sending');

    clock.advance(3 * 60_000); // the claim has expired
    expect(await digests.run()).toBe(0);
    expect(mailsTo(reader.user.email)).toHaveLength(1);
    expect(await row('digests', digest.id)).toMatchObject({
      status: 'sent',
      provider_message_id: `<digest-${digest.id}@cjn-tracker.local>`,
    });
  });
});
