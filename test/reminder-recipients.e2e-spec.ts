import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeliverySender } from '../src/reminders/delivery-sender.service.js';
import { ReminderFiring } from '../src/reminders/reminder-firing.service.js';
import { DeliveryProcessor } from '../src/reminders/reminders.processors.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { makeDeadline, setNotificationPrefs } from './support/reminder-factories.js';
import { decodeQuotedPrintable, SmtpSink } from './support/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Who a reminder goes to: the deadline's assignees, the record's owner and the contacts each participating
 * organisation names (by default whoever confirmed its participation), not every member of every organisation.
 */
describe('reminder recipients', () => {
  let t: TestApp;
  let coordinator: Actor;
  const smtp = new SmtpSink();
  const inAYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

  beforeAll(async () => {
    // Workers in this process only so firing can be called; the deliveries worker stays paused (nothing is sent).
    await smtp.start();
    t = await startTestApp({ overrides: { appRole: 'all', smtpUrl: smtp.url } });
    await t.app.get(DeliveryProcessor).worker.pause(true);
    coordinator = await makeUser(t, { role: 'coordinator' });
    await setNotificationPrefs(t, coordinator.user.id, { channels: ['inApp'] });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  async function person(organizationId: string) {
    const p = await makeUser(t, { organizationId });
    await setNotificationPrefs(t, p.user.id, { channels: ['inApp'] });
    return p;
  }

  /** Fires the deadline's one reminder now and returns who got a delivery. */
  async function recipientsOf(deadlineId: string): Promise<string[]> {
    const [reminder] = await t.db
      .query(`UPDATE reminders SET fire_at = now() WHERE deadline_id = $1 RETURNING id, version`, [deadlineId])
      .then((r) => r[0]);
    await t.app.get(ReminderFiring).fire(reminder.id, reminder.version);
    const rows: { user_id: string }[] = await t.db.query(
      `SELECT d.user_id FROM deliveries d WHERE d.reminder_id = $1 ORDER BY 1`,
      [reminder.id],
    );
    return rows.map((r) => r.user_id);
  }

  it('reaches the assignee, the owner and each partner’s named contacts, and no other member', async () => {
    const lac = await makeOrganization(t, { name: 'Legal Aid of Cambodia' });
    const cwcc = await makeOrganization(t, { name: 'Cambodian Women’s Crisis Center' });
    const [lacContact, lacOther, cwccAssignee, cwccOther] = [
      await person(lac.id),
      await person(lac.id),
      await person(cwcc.id),
      await person(cwcc.id),
    ];
    const opp = await makeOpportunity(coordinator, { title: 'EU diversion call', visibility: 'participants' });
    await addPartner(coordinator, opp.id, {
      organizationId: lac.id,
      role: 'lead',
      contactUserIds: [lacContact.user.id],
    });
    await addPartner(coordinator, opp.id, { organizationId: cwcc.id, role: 'co_applicant' });
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      dueAt: inAYear(),
      reminderOffsets: ['P7D'],
      assigneeIds: [cwccAssignee.user.id],
    });

    const got = await recipientsOf(d.id);
    expect(got.sort()).toEqual([coordinator.user.id, lacContact.user.id, cwccAssignee.user.id].sort());
    expect(got).not.toContain(lacOther.user.id);
    expect(got).not.toContain(cwccOther.user.id);
  });

  it('by default reaches whoever confirmed the organisation’s participation', async () => {
    const org = await makeOrganization(t, { name: 'This Life Cambodia' });
    const confirmer = await person(org.id);
    const colleague = await person(org.id);
    const opp = await makeOpportunity(coordinator, { visibility: 'participants' });
    const partner = await addPartner(coordinator, opp.id, { organizationId: org.id, role: 'co_applicant' });
    await confirmer.as
      .patch(`/api/v1/opportunities/${opp.id}/partners/${partner.id}`)
      .send({ status: 'confirmed' })
      .expect(200);
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      dueAt: inAYear(),
      reminderOffsets: ['P7D'],
    });
    const got = await recipientsOf(d.id);
    expect(got).toContain(confirmer.user.id);
    expect(got).not.toContain(colleague.user.id);
  });

  it('lets a partner’s own member name its contacts, only from its own organisation (400 naming the field)', async () => {
    const org = await makeOrganization(t);
    const other = await makeOrganization(t);
    const member = await person(org.id);
    const colleague = await person(org.id);
    const stranger = await person(other.id);
    const opp = await makeOpportunity(coordinator, { visibility: 'participants' });
    const partner = await addPartner(coordinator, opp.id, { organizationId: org.id, role: 'co_applicant' });
    const url = `/api/v1/opportunities/${opp.id}/partners/${partner.id}`;

    const refused = await member.as.patch(url).send({ contactUserIds: [stranger.user.id] });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toEqual(expect.stringContaining('contactUserIds'));
    const named = await member.as
      .patch(url)
      .send({ contactUserIds: [colleague.user.id] })
      .expect(200);
    expect(named.body.contactUserIds).toEqual([colleague.user.id]);
    const [activity] = await t.db.query(
      `SELECT changes FROM activity WHERE subject_id = $1 AND action = 'partner.updated' ORDER BY created_at DESC LIMIT 1`,
      [partner.id],
    );
    expect(activity.changes.contactUserIds).toEqual([[], [colleague.user.id]]);

    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      dueAt: inAYear(),
      reminderOffsets: ['P7D'],
    });
    const got = await recipientsOf(d.id);
    expect(got).toContain(colleague.user.id);
    expect(got).not.toContain(member.user.id);
  });

  it('offers "mark done" and "acknowledge" only to those who may use them, and the links work', async () => {
    const org = await makeOrganization(t, { name: 'Child Rights Coalition Cambodia' });
    const assignee = await person(org.id);
    const contact = await person(org.id);
    for (const p of [assignee, contact]) await setNotificationPrefs(t, p.user.id, { channels: ['email'] });
    await setNotificationPrefs(t, coordinator.user.id, { channels: ['email'] });
    const opp = await makeOpportunity(coordinator, { visibility: 'participants' });
    await addPartner(coordinator, opp.id, { organizationId: org.id, role: 'lead', contactUserIds: [contact.user.id] });
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      title: 'Signed budget from CRC-Cambodia',
      dueAt: inAYear(),
      reminderOffsets: ['P7D'],
      assigneeIds: [assignee.user.id],
    });
    const [reminder] = await t.db
      .query(`UPDATE reminders SET fire_at = now() WHERE deadline_id = $1 RETURNING id, version`, [d.id])
      .then((r) => r[0]);
    await t.app.get(ReminderFiring).fire(reminder.id, reminder.version);
    const deliveries: { id: string }[] = await t.db.query(`SELECT id FROM deliveries WHERE reminder_id = $1`, [
      reminder.id,
    ]);
    for (const delivery of deliveries) await t.app.get(DeliverySender).deliver(delivery.id, false);
    const mailTo = async (who: Actor) => decodeQuotedPrintable((await smtp.waitFor(who.user.email)).raw);
    /** The distinct signed links of one action in a mail (its text and HTML parts carry the same ones). */
    const links = (text: string, action: string) => [
      ...new Set(
        [...text.matchAll(/http:\/\/[^\s"<>]+\/api\/v1\/links\/[\w.-]+/g)]
          .map((m) => m[0])
          .filter(
            (url) => JSON.parse(Buffer.from(url.split('/').pop()!.split('.')[0], 'base64url').toString()).a === action,
          ),
      ),
    ];

    // The contact may not change the coordinator's opportunity: no link it could not use.
    const contactMail = await mailTo(contact);
    expect(contactMail).not.toContain('Mark done');
    expect(links(contactMail, 'done')).toEqual([]);
    expect(links(contactMail, 'ack')).toEqual([]);
    // The coordinator may change it, but is not assigned: done, not acknowledge.
    const coordinatorMail = await mailTo(coordinator);
    expect(links(coordinatorMail, 'done')).toHaveLength(1);
    expect(links(coordinatorMail, 'ack')).toEqual([]);
    // The assignee may mark it done (without write access to the opportunity) and acknowledge it; the link works.
    const assigneeMail = await mailTo(assignee);
    const [done] = links(assigneeMail, 'done');
    expect(links(assigneeMail, 'ack')).toHaveLength(1);
    const page = await t.http().post(new URL(done).pathname).expect(200);
    expect(page.text).not.toMatch(/may not/i);
    const [row] = await t.db.query(`SELECT status FROM deadlines WHERE id = $1`, [d.id]);
    expect(row.status).toBe('done');
  });
});
