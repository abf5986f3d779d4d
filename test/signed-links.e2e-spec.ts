import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actionExpiry, signLink, unsubscribeExpiry } from '../src/auth/signed-links.js';
import { badTokens, problemCollector } from './support/bad-input.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { addItem, addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { fromNow, makeDeadline } from './support/reminder-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY = 24 * 3600 * 1000;

/** The links in reminder messages that work without signing in: acknowledge, mark done, unsubscribe. */
describe('signed links', () => {
  let t: TestApp;
  let coordinator: Actor;
  let partnerMember: Actor;
  let outsider: Actor;
  let closed: { id: string };

  beforeAll(async () => {
    t = await startTestApp({ overrides: { appRole: 'api' } });
    const partnerOrg = await makeOrganization(t);
    const otherOrg = await makeOrganization(t);
    coordinator = await makeUser(t, { role: 'coordinator' });
    partnerMember = await makeUser(t, { organizationId: partnerOrg.id, timeZone: 'America/New_York' });
    outsider = await makeUser(t, { organizationId: otherOrg.id });
    closed = await makeOpportunity(coordinator, { visibility: 'participants', title: 'Confidential consortium bid' });
    await addPartner(coordinator, closed.id, { organizationId: partnerOrg.id, role: 'lead' });
  });
  afterAll(() => t.close());

  it('signed links acknowledge or mark done without signing in; GET only asks, POST acts', async () => {
    const item = await addItem(coordinator, closed.id, { title: 'Registration certificate' });
    const d = await makeDeadline(coordinator, {
      subjectType: 'checklistItem',
      subjectId: item.id,
      dueAt: fromNow(5 * DAY),
      assigneeIds: [partnerMember.user.id],
    });
    const secret = t.config.sessionSecret;
    const e = Math.floor(Date.now() / 1000) + 3600;
    const done = signLink(secret, { a: 'done', u: coordinator.user.id, d: d.id, e });
    const page = await t.http().get(`/api/v1/links/${done}`).expect(200);
    expect(page.text).toContain('<form method="post">');
    expect((await coordinator.as.get(`/api/v1/deadlines/${d.id}`)).body.status).toBe('open');
    await t.http().post(`/api/v1/links/${done}`).expect(200);
    expect((await coordinator.as.get(`/api/v1/deadlines/${d.id}`)).body.status).toBe('done');
    const [row] = await t.db.query('SELECT status FROM checklist_items WHERE id = $1', [item.id]);
    expect(row.status).toBe('done');

    const ack = signLink(secret, { a: 'ack', u: partnerMember.user.id, d: d.id, e });
    await t.http().post(`/api/v1/links/${ack}`).expect(200);
    const [assignee] = await t.db.query('SELECT acknowledged_at FROM deadline_assignees WHERE deadline_id = $1', [
      d.id,
    ]);
    expect(assignee.acknowledged_at).not.toBeNull();

    const forOutsider = signLink(secret, { a: 'done', u: outsider.user.id, d: d.id, e });
    await t.http().post(`/api/v1/links/${forOutsider}`).expect(404);
    const expired = signLink(secret, {
      a: 'ack',
      u: partnerMember.user.id,
      d: d.id,
      e: Math.floor(Date.now() / 1000) - 1,
    });
    await t.http().post(`/api/v1/links/${expired}`).expect(404);
    await t
      .http()
      .post(`/api/v1/links/${ack.slice(0, -2)}xx`)
      .expect(404);
  });

  it('an assignee may mark the deadline done from the link, though not the record; anyone else may not, even once it is done', async () => {
    const colleague = await makeUser(t, {
      organizationId: (await t.db.query('SELECT organization_id FROM users WHERE id = $1', [partnerMember.user.id]))[0]
        .organization_id,
    });
    const item = await addItem(coordinator, closed.id, { title: 'Audited accounts 2025' });
    const d = await makeDeadline(coordinator, {
      subjectType: 'checklistItem',
      subjectId: item.id,
      dueAt: fromNow(5 * DAY),
      assigneeIds: [partnerMember.user.id],
    });
    const e = actionExpiry(new Date(d.dueAt));
    const secret = t.config.sessionSecret;

    // The colleague sees the record but is neither its editor nor the deadline's assignee.
    const theirs = signLink(secret, { a: 'done', u: colleague.user.id, d: d.id, e });
    expect((await t.http().post(`/api/v1/links/${theirs}`).expect(404)).text).toContain(
      'You may not mark this deadline done',
    );

    await t
      .http()
      .post(`/api/v1/links/${signLink(secret, { a: 'done', u: partnerMember.user.id, d: d.id, e })}`)
      .expect(200);
    expect((await coordinator.as.get(`/api/v1/deadlines/${d.id}`)).body.status).toBe('done');

    // Reopen the item: the deadline stays done, and the colleague's link still may not touch the item.
    await coordinator.as
      .patch(`/api/v1/opportunities/${closed.id}/checklist/${item.id}`)
      .send({ status: 'todo' })
      .expect(200);
    await t.http().post(`/api/v1/links/${theirs}`).expect(404);
    const [row] = await t.db.query('SELECT status FROM checklist_items WHERE id = $1', [item.id]);
    expect(row.status).toBe('todo');
  });

  it('an assignee may complete a deadline over the API but change nothing else of it', async () => {
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: closed.id,
      dueAt: fromNow(9 * DAY),
      assigneeIds: [partnerMember.user.id],
    });
    await partnerMember.as.patch(`/api/v1/deadlines/${d.id}`).send({ title: 'Moved by a partner' }).expect(403);
    await partnerMember.as.patch(`/api/v1/deadlines/${d.id}`).send({ status: 'done' }).expect(200);
  });

  it('one-click unsubscribe (RFC 8058) works without signing in', async () => {
    const user = await makeUser(t);
    const token = signLink(t.config.sessionSecret, {
      a: 'unsubscribe',
      u: user.user.id,
      e: unsubscribeExpiry(new Date()),
    });
    await t.http().get(`/api/v1/unsubscribe/${token}`).expect(200);
    await t
      .http()
      .post(`/api/v1/unsubscribe/${token}`)
      .set('Origin', 'https://mail.provider.example')
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    const me = await user.as.get('/api/v1/me').expect(200);
    expect(me.body.notificationPreferences).toMatchObject({ channels: ['inApp'], digest: 'off' });
  });

  it('a signed link of someone who can no longer see the record does not show its title', async () => {
    const org = await makeOrganization(t);
    const c = await makeUser(t, { role: 'coordinator' });
    const member = await makeUser(t, { organizationId: org.id });
    const opp = await makeOpportunity(c, { visibility: 'participants' });
    const partner = await addPartner(c, opp.id, { organizationId: org.id, role: 'lead' });
    const d = await makeDeadline(c, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      title: 'Secret budget revision',
      dueAt: fromNow(365 * DAY),
    });
    const token = signLink(t.config.sessionSecret, {
      a: 'ack',
      u: member.user.id,
      d: d.id,
      e: actionExpiry(new Date(d.dueAt)),
    });
    // While the member's organisation takes part, the page names the deadline.
    expect((await t.http().get(`/api/v1/links/${token}`)).text).toContain('Secret budget revision');
    // Their organisation leaves the consortium: the old e-mail's link no longer reveals anything.
    await c.as.delete(`/api/v1/opportunities/${opp.id}/partners/${partner.id}`).expect(204);
    const page = await t.http().get(`/api/v1/links/${token}`);
    expect(page.status).toBeLessThan(500);
    expect(page.text).not.toContain('Secret budget revision');
  });

  it('signed-link routes survive bad tokens (an HTML page, never 500)', async () => {
    const { problems, expectPage } = problemCollector();
    for (const token of badTokens(closed.id)) {
      for (const route of ['links', 'unsubscribe']) {
        expectPage(await t.http().get(`/api/v1/${route}/${token}`), `GET ${route} ${token.slice(0, 40)}`);
        expectPage(await t.http().post(`/api/v1/${route}/${token}`), `POST ${route} ${token.slice(0, 40)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
