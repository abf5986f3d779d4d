import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actionExpiry, signLink } from '../src/auth/signed-links.js';
import { DeadlinesService } from '../src/deadlines/deadlines.service.js';
import { RecipientsService } from '../src/reminders/recipients.service.js';
import { ReminderContentService } from '../src/reminders/reminder-content.service.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { addItem, addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { fromNow, makeDeadline } from './support/reminder-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY = 24 * 3600 * 1000;
type Subject = 'opportunity' | 'checklistItem';
type State = 'open' | 'done';

/**
 * The access matrix of signed reminder links: every link kind × every role × the record's states.
 * Each case makes two identical deadlines; the reader acts on one through the API and on the other
 * through the link that a reminder would carry, and both must end the same way. The reminder must
 * offer a link exactly when it would be honoured.
 */
describe('signed links do what the API lets their holder do, and nothing more', () => {
  let t: TestApp;
  let owner: Actor;
  let opportunityId: string;
  let owingPartnerId: string;
  const readers: Record<string, Actor> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const [owing, partner, outside] = [await makeOrganization(t), await makeOrganization(t), await makeOrganization(t)];
    owner = await makeUser(t, { role: 'coordinator' });
    opportunityId = (await makeOpportunity(owner, { visibility: 'participants' })).id;
    owingPartnerId = (await addPartner(owner, opportunityId, { organizationId: owing.id, role: 'lead' })).id;
    await addPartner(owner, opportunityId, { organizationId: partner.id, role: 'co_applicant' });
    readers.admin = await makeUser(t, { role: 'admin' });
    readers.coordinator = await makeUser(t, { role: 'coordinator' });
    readers['member of the owing organisation'] = await makeUser(t, { organizationId: owing.id });
    readers['viewer of the owing organisation'] = await makeUser(t, { organizationId: owing.id, role: 'viewer' });
    readers['member of another partner'] = await makeUser(t, { organizationId: partner.id });
    readers['viewer of another partner'] = await makeUser(t, { organizationId: partner.id, role: 'viewer' });
    readers['member outside the consortium'] = await makeUser(t, { organizationId: outside.id });
  });
  afterAll(() => t.close());

  /** A deadline on the opportunity, or on a fresh checklist item owed by the lead partner. */
  async function deadlineOn(subject: Subject, reader: Actor, assigned: boolean, state: State) {
    const itemId =
      subject === 'checklistItem'
        ? (await addItem(owner, opportunityId, { title: 'Audited accounts 2025', partnerId: owingPartnerId })).id
        : null;
    const d = await makeDeadline(owner, {
      subjectType: subject,
      subjectId: itemId ?? opportunityId,
      title: 'Send the audited accounts',
      dueAt: fromNow(20 * DAY),
      assigneeIds: assigned ? [reader.user.id] : [],
    });
    if (state === 'done') await owner.as.patch(`/api/v1/deadlines/${d.id}`).send({ status: 'done' }).expect(200);
    return { id: d.id, dueAt: d.dueAt, itemId };
  }

  async function statuses(d: { id: string; itemId: string | null }) {
    const [deadline] = await t.db.query('SELECT status FROM deadlines WHERE id = $1', [d.id]);
    const [item] = d.itemId ? await t.db.query('SELECT status FROM checklist_items WHERE id = $1', [d.itemId]) : [];
    return { deadline: deadline.status as string, item: (item?.status as string | undefined) ?? null };
  }

  async function offered(d: { id: string }, reader: Actor) {
    const deadline = (await t.app.get(DeadlinesService).findById(d.id))!;
    const subject = (await t.app.get(RecipientsService).subject(deadline))!;
    const content = await t.app
      .get(ReminderContentService)
      .compose({ kind: 'before', offset: 'P1D' }, deadline, subject, reader.user, new Date());
    return { ack: Boolean(content.ackUrl), done: Boolean(content.doneUrl) };
  }

  const cases: [string, Subject, boolean, State][] = [];
  for (const role of [
    'admin',
    'coordinator',
    'member of the owing organisation',
    'viewer of the owing organisation',
    'member of another partner',
    'viewer of another partner',
    'member outside the consortium',
  ])
    for (const subject of ['opportunity', 'checklistItem'] as const)
      for (const assigned of [true, false])
        for (const state of ['open', 'done'] as const) cases.push([role, subject, assigned, state]);

  it.each(cases)('%s, a deadline on a %s (assignee: %s, deadline %s)', async (role, subject, assigned, state) => {
    const reader = readers[role];
    const viaApi = await deadlineOn(subject, reader, assigned, state);
    const viaLink = await deadlineOn(subject, reader, assigned, state);
    const before = await statuses(viaLink);

    // Through the API, as the reader.
    const completed = await reader.as.patch(`/api/v1/deadlines/${viaApi.id}`).send({ status: 'done' });
    const itemDone = viaApi.itemId
      ? await reader.as
          .patch(`/api/v1/opportunities/${opportunityId}/checklist/${viaApi.itemId}`)
          .send({ status: 'done' })
      : null;
    const reads = (await reader.as.get(`/api/v1/deadlines/${viaLink.id}`)).status === 200;
    const apiMayComplete = completed.status === 200;
    const apiMayCompleteItem = itemDone?.status === 200;
    expect([200, 403, 404]).toContain(completed.status);

    // What a reminder to the reader offers, then what the links do.
    expect(await offered(viaLink, reader)).toEqual({ ack: assigned && reads, done: apiMayComplete });
    const e = actionExpiry(new Date(viaLink.dueAt));
    const link = (a: 'ack' | 'done') =>
      t.http().post(`/api/v1/links/${signLink(t.config.sessionSecret, { a, u: reader.user.id, d: viaLink.id, e })}`);
    expect((await link('done')).status).toBe(apiMayComplete ? 200 : 404);
    expect(await statuses(viaLink)).toEqual({
      deadline: apiMayComplete ? 'done' : before.deadline,
      item: viaLink.itemId ? (apiMayCompleteItem ? 'done' : before.item) : null,
    });
    expect((await link('ack')).status).toBe(assigned && reads ? 200 : 404);
    const [acknowledged] = await t.db.query(
      `SELECT count(*)::int AS n FROM activity WHERE action = 'deadline.acknowledged' AND subject_id = $1`,
      [viaLink.id],
    );
    expect(acknowledged.n).toBe(assigned && reads ? 1 : 0);
  });

  it('the probe: a viewer among the assignees cannot close another organisation’s required item', async () => {
    const viewer = readers['viewer of another partner'];
    const d = await deadlineOn('checklistItem', viewer, true, 'open');
    const e = actionExpiry(new Date(d.dueAt));
    const done = signLink(t.config.sessionSecret, { a: 'done', u: viewer.user.id, d: d.id, e });
    expect((await t.http().post(`/api/v1/links/${done}`)).status).toBe(404);
    expect(await statuses(d)).toEqual({ deadline: 'open', item: 'todo' });
    expect((await offered(d, viewer)).done).toBe(false);
  });
});
