import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Actor, makeUser } from './support/factories.js';
import { makeOpportunity } from './support/opportunity-factories.js';
import { fromNow } from './support/reminder-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY = 24 * 3600 * 1000;

interface DeadlineRow {
  id: string;
  kind: string;
  status: string;
  dueAt: string;
  reminderOffsets: string[];
  templateId: string | null;
}

describe("an opportunity's closing date is its external deadline", () => {
  let t: TestApp;
  let coordinator: Actor;

  beforeAll(async () => {
    t = await startTestApp({ overrides: { appRole: 'api' } });
    coordinator = await makeUser(t, { role: 'coordinator', timeZone: 'Europe/Geneva' });
  });
  afterAll(() => t.close());

  async function deadlinesOf(opportunityId: string): Promise<DeadlineRow[]> {
    const res = await coordinator.as
      .get(`/api/v1/deadlines?subjectType=opportunity&subjectId=${opportunityId}`)
      .expect(200);
    return res.body.items;
  }

  async function remindersOf(deadlineId: string): Promise<{ offset: string; status: string; fireAt: string }[]> {
    const res = await coordinator.as.get(`/api/v1/deadlines/${deadlineId}/reminders`).expect(200);
    return res.body.items;
  }

  async function activityOf(opportunityId: string): Promise<string[]> {
    const res = await coordinator.as.get(`/api/v1/opportunities/${opportunityId}/activity`).expect(200);
    return res.body.items.map((a: { action: string }) => a.action);
  }

  it('creating a call with closesAt sets its external deadline with the default reminders', async () => {
    const closesAt = fromNow(30 * DAY);
    const o = await makeOpportunity(coordinator, { title: 'UNICEF diversion call', closesAt });
    const [deadline, ...others] = await deadlinesOf(o.id);
    expect(others).toEqual([]);
    expect(deadline).toMatchObject({ kind: 'external', status: 'open', dueAt: closesAt });
    expect(deadline.reminderOffsets).toEqual(['P14D', 'P7D', 'P2D', 'P1D']);
    const reminders = await remindersOf(deadline.id);
    expect(reminders.map((r) => [r.offset, r.status])).toEqual([
      ['P14D', 'scheduled'],
      ['P7D', 'scheduled'],
      ['P2D', 'scheduled'],
      ['P1D', 'scheduled'],
    ]);
    expect(deadline.templateId).toBe('opportunity.closesAt');
    expect(await activityOf(o.id)).toEqual(expect.arrayContaining(['opportunity.created', 'deadline.created']));
  });

  it('setting closesAt later creates the deadline; moving it moves the same deadline and its reminders', async () => {
    const o = await makeOpportunity(coordinator, { title: 'EU rights call' });
    expect(await deadlinesOf(o.id)).toEqual([]);
    const first = fromNow(20 * DAY);
    await coordinator.as.patch(`/api/v1/opportunities/${o.id}`).send({ closesAt: first }).expect(200);
    const [created] = await deadlinesOf(o.id);
    expect(created).toMatchObject({ kind: 'external', dueAt: first });
    const before = await remindersOf(created.id);

    const moved = new Date(new Date(first).getTime() + 20 * DAY).toISOString();
    await coordinator.as.patch(`/api/v1/opportunities/${o.id}`).send({ closesAt: moved }).expect(200);
    const after = await deadlinesOf(o.id);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: created.id, dueAt: moved, status: 'open' });
    const rescheduled = await remindersOf(created.id);
    expect(rescheduled.map((r) => r.status)).toEqual(['scheduled', 'scheduled', 'scheduled', 'scheduled']);
    expect(new Date(rescheduled[0].fireAt).getTime() - new Date(before[0].fireAt).getTime()).toBe(20 * DAY);
    expect(await activityOf(o.id)).toEqual(expect.arrayContaining(['opportunity.updated', 'deadline.moved']));
  });

  it('clearing closesAt cancels the deadline and its reminders; setting it again reopens it', async () => {
    const o = await makeOpportunity(coordinator, { closesAt: fromNow(25 * DAY) });
    const [deadline] = await deadlinesOf(o.id);
    await coordinator.as.patch(`/api/v1/opportunities/${o.id}`).send({ closesAt: null }).expect(200);
    const [cancelled] = await deadlinesOf(o.id);
    expect(cancelled).toMatchObject({ id: deadline.id, status: 'cancelled' });
    expect((await remindersOf(deadline.id)).map((r) => r.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(await activityOf(o.id)).toContain('deadline.cancelled');

    const again = fromNow(50 * DAY);
    await coordinator.as.patch(`/api/v1/opportunities/${o.id}`).send({ closesAt: again }).expect(200);
    const reopened = await deadlinesOf(o.id);
    expect(reopened).toHaveLength(1);
    expect(reopened[0]).toMatchObject({ id: deadline.id, status: 'open', dueAt: again });
  });

  it('importing calls from CSV sets the closing deadline of each call that has a closing date', async () => {
    const csv = [
      'title,closesAt,visibility',
      'Imported call with a date,2031-04-30T17:00:00+02:00,network',
      'Imported call without a date,,network',
    ].join('\n');
    const res = await coordinator.as
      .post('/api/v1/opportunities/import?dryRun=false')
      .attach('file', Buffer.from(csv, 'utf8'), 'calls.csv')
      .expect(200);
    const [dated, undated] = res.body.created as string[];
    const [deadline, ...others] = await deadlinesOf(dated);
    expect(others).toEqual([]);
    expect(deadline).toMatchObject({
      kind: 'external',
      dueAt: '2031-04-30T15:00:00.000Z',
      templateId: 'opportunity.closesAt',
    });
    expect(await deadlinesOf(undated)).toEqual([]);
  });

  it('changing other fields leaves the deadline alone', async () => {
    const closesAt = fromNow(15 * DAY);
    const o = await makeOpportunity(coordinator, { closesAt });
    const [deadline] = await deadlinesOf(o.id);
    await coordinator.as.patch(`/api/v1/opportunities/${o.id}`).send({ title: 'Renamed call' }).expect(200);
    const [same] = await deadlinesOf(o.id);
    expect(same).toMatchObject({ id: deadline.id, dueAt: closesAt, status: 'open' });
  });

  it('the closing date is the source of truth: moving the deadline itself is refused, naming closesAt', async () => {
    const o = await makeOpportunity(coordinator, { closesAt: fromNow(10 * DAY) });
    const [deadline] = await deadlinesOf(o.id);
    const refused = await coordinator.as
      .patch(`/api/v1/deadlines/${deadline.id}`)
      .send({ dueAt: fromNow(12 * DAY) })
      .expect(409);
    expect(refused.body.message).toMatch(/closesAt/);
    expect(refused.body.details).toMatchObject({ code: 'deadline.drivenByClosingDate', opportunityId: o.id });
    await coordinator.as.patch(`/api/v1/deadlines/${deadline.id}`).send({ title: 'Funder portal closes' }).expect(200);
  });
});
