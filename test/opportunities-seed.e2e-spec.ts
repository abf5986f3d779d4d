import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../src/common/clock.js';
import { STAGES } from '../shared/opportunity.workflow.js';
import { seedOpportunities } from '../src/seed/opportunities.seed.js';
import { type Actor, makeUser } from './support/factories.js';
import { tempUploadDir } from './support/opportunity-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('opportunities seed', () => {
  let t: TestApp;
  let coordinator: Actor;
  beforeAll(async () => {
    t = await startTestApp({ overrides: { uploadDir: tempUploadDir() } });
    coordinator = await makeUser(t, { role: 'coordinator' });
  });
  afterAll(() => t.close());

  it('puts an opportunity with a consortium at every stage, and running it twice adds nothing', async () => {
    const ctx = () => ({
      db: t.db,
      orgs: {},
      users: { coordinator: coordinator.user },
      clock: new Clock(),
      log: () => undefined,
    });
    const first = await seedOpportunities(ctx());
    const again = await seedOpportunities(ctx());
    expect(Object.keys(first).sort()).toEqual([...STAGES].sort());
    expect(
      Object.values(again)
        .map((o) => o.id)
        .sort(),
    ).toEqual(
      Object.values(first)
        .map((o) => o.id)
        .sort(),
    );
    const list = await coordinator.as.get('/api/v1/opportunities?limit=100').expect(200);
    expect(list.body.total).toBe(STAGES.length);
    for (const o of list.body.items) {
      const partners = await coordinator.as.get(`/api/v1/opportunities/${o.id}/partners`).expect(200);
      expect(partners.body.items.filter((p: { role: string }) => p.role === 'lead')).toHaveLength(1);
    }
    const preparing = await coordinator.as.get(`/api/v1/opportunities/${first.preparing.id}`).expect(200);
    expect(preparing.body.budget.some((b: { callCurrency: boolean }) => !b.callCurrency)).toBe(true);
    expect(preparing.body.readiness.readyToSubmit).toBe(false);
  });

  it('names every demo call’s funder in the list, UNICEF (a UN agency) too, and offers it as a funder to filter by', async () => {
    const list = await coordinator.as.get('/api/v1/opportunities?limit=100').expect(200);
    const byTitle = new Map<string, string | null>(
      list.body.items.map((o: { title: string; funder: string | null }) => [o.title, o.funder]),
    );
    const unicefCalls = [
      'UNICEF PCA: community-based diversion for children in conflict with the law',
      'Cambodian preparatory meeting for the World Congress on Justice With Children',
      'Juvenile justice data system pilot',
    ];
    for (const title of unicefCalls) expect([title, byTitle.get(title)]).toEqual([title, 'UNICEF Cambodia']);
    for (const o of list.body.items as { funderId: string | null; funder: string | null }[])
      expect(o.funder === null).toBe(o.funderId === null);

    const funding = await coordinator.as.get('/api/v1/organizations?funding=true&limit=100').expect(200);
    const names = funding.body.items.map((o: { name: string }) => o.name);
    expect(names).toContain('UNICEF Cambodia');
    expect(names).toContain('Oak Foundation');
    const unicef = funding.body.items.find((o: { name: string }) => o.name === 'UNICEF Cambodia');
    expect(unicef.kind).toBe('un_agency');
    const filtered = await coordinator.as.get(`/api/v1/opportunities?funderId=${unicef.id}&limit=100`).expect(200);
    expect(filtered.body.items.map((o: { funder: string }) => o.funder)).toEqual(
      unicefCalls.map(() => 'UNICEF Cambodia'),
    );
  });
});
