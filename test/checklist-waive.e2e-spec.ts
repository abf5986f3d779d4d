import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Actor, makeUser } from './support/factories.js';
import { addItem, makeOpportunity } from './support/opportunity-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('waiving a checklist item says why', () => {
  let t: TestApp;
  let coordinator: Actor;

  beforeAll(async () => {
    t = await startTestApp({ overrides: { appRole: 'api' } });
    coordinator = await makeUser(t, { role: 'coordinator' });
  });
  afterAll(() => t.close());

  it('refuses a waiver without a reason, naming the field', async () => {
    const o = await makeOpportunity(coordinator);
    const item = await addItem(coordinator, o.id, { title: 'Audited accounts 2025' });
    const res = await coordinator.as
      .patch(`/api/v1/opportunities/${o.id}/checklist/${item.id}`)
      .send({ status: 'waived' })
      .expect(400);
    expect(JSON.stringify(res.body.message)).toMatch(/waiveReason/);
  });

  it('keeps the reason on the item and in the activity, and drops it when the item is to do again', async () => {
    const o = await makeOpportunity(coordinator);
    const item = await addItem(coordinator, o.id, { title: 'Safeguarding policy' });
    const path = `/api/v1/opportunities/${o.id}/checklist/${item.id}`;
    const waived = await coordinator.as
      .patch(path)
      .send({ status: 'waived', waiveReason: 'The funder accepts the network policy' })
      .expect(200);
    expect(waived.body).toMatchObject({ status: 'waived', waiveReason: 'The funder accepts the network policy' });
    const activity = await coordinator.as.get(`/api/v1/opportunities/${o.id}/activity`).expect(200);
    const entry = activity.body.items.find((a: { action: string }) => a.action === 'checklistItem.waived');
    expect(entry.summary).toContain('The funder accepts the network policy');
    const reopened = await coordinator.as.patch(path).send({ status: 'todo' }).expect(200);
    expect(reopened.body).toMatchObject({ status: 'todo', waiveReason: null });
  });

  it('refuses a reason on an item that is not being waived', async () => {
    const o = await makeOpportunity(coordinator);
    const item = await addItem(coordinator, o.id, { title: 'CVs' });
    await coordinator.as
      .patch(`/api/v1/opportunities/${o.id}/checklist/${item.id}`)
      .send({ status: 'done', waiveReason: 'why not' })
      .expect(400);
  });
});
