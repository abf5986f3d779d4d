import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seed } from '../src/seed/seed.js';
import { DEMO_PASSWORD } from '../src/seed/seed-context.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('demo deadlines (npm run seed)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ overrides: { appRole: 'api' } });
  });
  afterAll(() => t.close());

  it('adds deadlines with scheduled reminders on the demo records, once', async () => {
    await seed(t.config.databaseUrl, () => undefined, t.clock);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM deadlines`);
    expect(n).toBeGreaterThanOrEqual(10);
    const [{ r }] = await t.db.query(`SELECT count(*)::int AS r FROM reminders WHERE status = 'scheduled'`);
    expect(r).toBeGreaterThan(0);
    await seed(t.config.databaseUrl, () => undefined, t.clock);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM deadlines`))[0].n).toBe(n);

    const agent = t.http();
    const login = await agent
      .post('/api/v1/auth/login')
      .send({ email: 'coordinator@cjn.example', password: DEMO_PASSWORD })
      .expect(200);
    const cookie = login.headers['set-cookie'];
    const list = await t.http().get('/api/v1/deadlines?limit=100').set('Cookie', cookie).expect(200);
    expect(list.body.items.map((d: { title: string }) => d.title)).toEqual(
      expect.arrayContaining([
        'Full application to the EU Delegation (PROSPECT)',
        'OECD public consultation closes',
        'Final sign-off',
      ]),
    );
  });

  it('names each deadline’s record and its page in the web app', async () => {
    await seed(t.config.databaseUrl, () => undefined, t.clock);
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'coordinator@cjn.example', password: DEMO_PASSWORD })
      .expect(200);
    const cookie = login.headers['set-cookie'];
    const list = await t
      .http()
      .get('/api/v1/deadlines?limit=100&subjectType=checklistItem')
      .set('Cookie', cookie)
      .expect(200);
    const audited = list.body.items.find((d: { title: string }) => d.title === 'LAC audited accounts uploaded');
    expect(audited.subject).toEqual({
      title: expect.stringContaining('Audited accounts'),
      path: expect.stringMatching(/^\/opportunities\/[0-9a-f-]{36}\/checklist\/[0-9a-f-]{36}$/),
    });
    const one = await t.http().get(`/api/v1/deadlines/${audited.id}`).set('Cookie', cookie).expect(200);
    expect(one.body.subject).toEqual(audited.subject);
  });
});
