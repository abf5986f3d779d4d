import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Opportunity } from '../src/opportunities/opportunity.entity.js';
import { Organization } from '../src/organizations/organization.entity.js';
import { Submission } from '../src/submissions/submission.entity.js';
import { seed } from '../src/seed/seed.js';
import { DEMO_PASSWORD } from '../src/seed/seed-context.js';
import { User } from '../src/users/user.entity.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('npm run seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('loads a demo network a coordinator can sign in to, and a second run adds nothing', async () => {
    const quiet = () => undefined;
    await seed(t.config.databaseUrl, quiet, t.clock);
    const orgs = await t.db.getRepository(Organization).count();
    const users = await t.db.getRepository(User).count();
    expect(orgs).toBeGreaterThanOrEqual(12);
    expect(await t.db.getRepository(Organization).countBy({ kind: 'un_agency' })).toBeGreaterThanOrEqual(2);
    expect(await t.db.getRepository(Organization).countBy({ kind: 'funder' })).toBeGreaterThanOrEqual(2);

    const opportunities = await t.db.getRepository(Opportunity).count();
    const submissions = await t.db.getRepository(Submission).count();
    expect(opportunities).toBeGreaterThanOrEqual(7);
    expect(submissions).toBeGreaterThanOrEqual(2);

    await seed(t.config.databaseUrl, quiet, t.clock);
    expect(await t.db.getRepository(Opportunity).count()).toBe(opportunities);
    expect(await t.db.getRepository(Submission).count()).toBe(submissions);
    expect(await t.db.getRepository(Organization).count()).toBe(orgs);
    expect(await t.db.getRepository(User).count()).toBe(users);

    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'coordinator@cjn.example', password: DEMO_PASSWORD })
      .expect(200);
    expect(res.body.role).toBe('coordinator');
  });

  it('seeds a partner who reads Khmer, with reminder notices in Khmer that link to their records', async () => {
    await seed(t.config.databaseUrl, () => undefined, t.clock);
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'dara@lac.example', password: DEMO_PASSWORD })
      .expect(200);
    const cookie = login.headers['set-cookie'];
    const me = await t.http().get('/api/v1/me').set('Cookie', cookie).expect(200);
    expect(me.body.language).toBe('km');
    const inbox = await t.http().get('/api/v1/notifications').set('Cookie', cookie).expect(200);
    const reminders = inbox.body.items.filter((n: { kind: string }) => n.kind.startsWith('deadline.'));
    expect(reminders.length).toBeGreaterThanOrEqual(1);
    for (const notice of reminders) {
      expect(notice.title).toMatch(/[\u1780-\u17FF]/);
      expect(notice.url).toMatch(/^\/(opportunities|submissions)\//);
      expect(notice.params).toMatchObject({ deadline: expect.any(String), timeZone: expect.any(String) });
    }
    await seed(t.config.databaseUrl, () => undefined, t.clock);
    const again = await t.http().get('/api/v1/notifications').set('Cookie', cookie).expect(200);
    expect(again.body.items.length).toBe(inbox.body.items.length);
  });
});
