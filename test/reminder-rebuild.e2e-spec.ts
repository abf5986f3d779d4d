import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReminderScheduler } from '../src/deadlines/reminder-scheduler.service.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { makeOpportunity } from './support/opportunity-factories.js';
import { makeDeadline } from './support/reminder-factories.js';
import { deleteKeys, startTestApp, type TestApp } from './support/test-app.js';

describe('rebuilding reminder jobs after Redis lost them', () => {
  let t: TestApp;
  let coordinator: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    await makeOrganization(t, { name: 'Child Rights Coalition Cambodia' });
    coordinator = await makeUser(t, { role: 'coordinator' });
  });
  afterAll(() => t.close());

  it('queues every owed reminder again, page by page, and a second pass adds nothing', async () => {
    const opportunity = await makeOpportunity(coordinator);
    const due = Date.now() + 40 * 86_400_000;
    for (let i = 0; i < 12; i++) {
      await makeDeadline(coordinator, {
        subjectType: 'opportunity',
        subjectId: opportunity.id,
        dueAt: new Date(due + Math.floor(i / 2) * 3_600_000).toISOString(), // pairs fire at the same instants
        reminderOffsets: ['P14D', 'P7D', 'P1D'],
      });
    }
    const scheduler = t.app.get(ReminderScheduler);
    const before = await scheduler.owedAndQueued();
    expect(before.owed).toBe(36);
    expect(before.queued).toBe(36);

    await deleteKeys(t.config.redisUrl, `${t.config.queuePrefix}:*`); // what FLUSHALL does to this app
    expect(await scheduler.owedAndQueued()).toEqual({ owed: 36, queued: 0 });

    expect(await scheduler.queueMissing(5)).toBe(36); // pages of 5, three at a time: ties and page ends are crossed often
    expect(await scheduler.owedAndQueued()).toEqual({ owed: 36, queued: 36 });
    expect(await scheduler.queueMissing(5)).toBe(0);
  });
});
