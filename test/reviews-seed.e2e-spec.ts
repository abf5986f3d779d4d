import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signIn } from './support/factories.js';
import { seedNetwork } from '../src/seed/network.seed.js';
import { seedReviews } from '../src/seed/reviews.seed.js';
import { DEMO_PASSWORD, type SeedContext } from '../src/seed/seed-context.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('reviews seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('adds a CRC review shaped like the 2022 review of Cambodia and a UPR cycle, with their dates as deadlines, once', async () => {
    const ctx: SeedContext = { db: t.db, clock: t.clock, orgs: {}, users: {}, log: () => undefined };
    await seedNetwork(ctx);
    await seedReviews(ctx);
    const counts = async () =>
      (await t.db.query(
        `SELECT (SELECT count(*) FROM reviews)::int AS reviews, (SELECT count(*) FROM recommendations)::int AS recommendations,
                (SELECT count(*) FROM deadlines WHERE subject_type = 'review')::int AS deadlines,
                (SELECT count(*) FROM organizations WHERE kind = 'government')::int AS government`,
      )) as { reviews: number; recommendations: number; deadlines: number; government: number }[];
    const first = await counts();
    await seedReviews(ctx);
    expect(await counts()).toEqual(first);
    expect(first[0]).toMatchObject({ reviews: 2, recommendations: 39 + 8, government: 5 });

    const partner = await signIn(t, 'dara@lac.example', DEMO_PASSWORD);
    const list = await partner.get('/api/v1/reviews').expect(200);
    const crc = list.body.items.find((r: { mechanism: string }) => r.mechanism === 'crc');
    expect(crc).toMatchObject({ symbol: 'CRC/C/KHM/CO/4-6', recommendationCount: 39 });
    const followed = await partner
      .get(`/api/v1/reviews/${crc.id}/recommendations?followingOrganizationId=${ctx.orgs.LAC.id}`)
      .expect(200);
    expect(followed.body.items).toEqual([
      expect.objectContaining({
        paragraph: '48(b)',
        status: 'in_progress',
        urgent: true,
        can: { change: false, assess: true },
      }),
    ]);
    const deadlines = await partner
      .get(`/api/v1/deadlines?subjectType=review&subjectId=${crc.id}&limit=100`)
      .expect(200);
    expect(deadlines.body.items.length).toBeGreaterThan(6);
    const upr = list.body.items.find((r: { mechanism: string }) => r.mechanism === 'upr');
    const uprItems = await partner.get(`/api/v1/reviews/${upr.id}/recommendations?tag=legal%20aid`).expect(200);
    expect(uprItems.body.items).toEqual([
      expect.objectContaining({ paragraph: '110.4', recommendingState: 'State D', response: 'supported' }),
    ]);
  });
});
