import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotificationsService } from '../src/notifications/notifications.service.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { makeDeadline } from './support/reminder-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The in-app inbox keeps only what its reader may still see: a removed or declined partner loses the notices. */
describe('the inbox of a partner that leaves a consortium', () => {
  let t: TestApp;
  let coordinator: Actor;
  let partnerMember: Actor;
  let partnerOrg: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await makeUser(t, { role: 'coordinator' });
    partnerOrg = await makeOrganization(t, { name: 'Legal Aid of Cambodia' });
    partnerMember = await makeUser(t, { role: 'member', organizationId: partnerOrg.id });
  });
  afterAll(() => t.close());

  /** A participants-only call with the partner invited, and a reminder about its deadline in the partner's inbox. */
  async function consortium(title: string) {
    const opp = await makeOpportunity(coordinator, { title, visibility: 'participants' });
    const partner = await addPartner(coordinator, opp.id, { organizationId: partnerOrg.id, role: 'co_applicant' });
    const deadline = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      title: `${title}: concept note`,
      dueDate: '2031-03-01',
    });
    // What the in-app channel writes when a reminder fires.
    await t.app.get(NotificationsService).notifyNow(partnerMember.user.id, {
      kind: 'deadline.reminder',
      params: { deadlineId: deadline.id, deadline: `${title}: concept note`, offset: 'P7D' },
      title: `Reminder: ${title}: concept note`,
      subjectType: 'deadline',
      subjectId: deadline.id,
      url: `/opportunities/${opp.id}`,
    });
    return { opp, partner };
  }

  const inbox = async () => (await partnerMember.as.get('/api/v1/notifications').expect(200)).body;
  const noticesAbout = (body: { items: { title: string }[] }, title: string) =>
    body.items.filter((n) => n.title.includes(title));

  it('hides the notices of a declined partner, title included, and shows them again once it confirms', async () => {
    const title = 'Confidential: EU child-justice call';
    const { opp, partner } = await consortium(title);
    const before = await inbox();
    expect(noticesAbout(before, title)).toHaveLength(2);

    await coordinator.as
      .patch(`/api/v1/opportunities/${opp.id}/partners/${partner.id}`)
      .send({ status: 'declined' })
      .expect(200);
    const res = await partnerMember.as.get('/api/v1/notifications').expect(200);
    expect(res.text).not.toContain(title);
    expect(res.body.unread).toBe(before.unread - 2);
    expect(res.body.total).toBe(before.total - 2);
    const hidden = before.items.find((n: { title: string }) => n.title.includes(title));
    expect((await partnerMember.as.post(`/api/v1/notifications/${hidden.id}/read`)).status).toBe(404);

    await coordinator.as
      .patch(`/api/v1/opportunities/${opp.id}/partners/${partner.id}`)
      .send({ status: 'confirmed' })
      .expect(200);
    expect(noticesAbout(await inbox(), title)).toHaveLength(2);
  });

  it('hides the notices of a removed partner and keeps the others', async () => {
    await consortium('UNICEF diversion pilot');
    const removedTitle = 'OECD access-to-justice pilot';
    const removed = await consortium(removedTitle);
    await coordinator.as.delete(`/api/v1/opportunities/${removed.opp.id}/partners/${removed.partner.id}`).expect(204);

    const res = await partnerMember.as.get('/api/v1/notifications').expect(200);
    expect(res.text).not.toContain(removedTitle);
    expect(noticesAbout(res.body, 'UNICEF diversion pilot')).toHaveLength(2);
    const unreadOnly = await partnerMember.as.get('/api/v1/notifications?unread=true').expect(200);
    expect(unreadOnly.text).not.toContain(removedTitle);
  });
});
