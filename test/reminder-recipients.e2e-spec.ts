import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReminderFiring } from '../src/reminders/reminder-firing.service.js';
import { DeliveryProcessor } from '../src/reminders/reminders.processors.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { makeDeadline, setNotificationPrefs } from './support/reminder-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Who a reminder goes to: the deadline's assignees, the record's owner and the contacts each participating
 * organisation names (by default whoever confirmed its participation), not every member of every organisation.
 */
describe('reminder recipients', () => {
  let t: TestApp;
  let coordinator: Actor;
  const inAYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

  beforeAll(async () => {
    // Workers in this process only so firing can be called; the deliveries worker stays paused (nothing is sent).
    t = await startTestApp({ overrides: { appRole: 'all' } });
    await t.app.get(DeliveryProcessor).worker.pause(true);
    coordinator = await makeUser(t, { role: 'coordinator' });
    await setNotificationPrefs(t, coordinator.user.id, { channels: ['inApp'] });
  });
  afterAll(() => t.close());

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
});
