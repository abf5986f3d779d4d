import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signIn } from './support/factories.js';
import { Clock } from '../src/common/clock.js';
import { seedNetwork } from '../src/seed/network.seed.js';
import { DEMO_PASSWORD, type SeedContext } from '../src/seed/seed-context.js';
import { seedSubmissions } from '../src/seed/submissions.seed.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('submissions seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('adds the GC26 comment and the OECD response with sections in several states, once', async () => {
    const ctx: SeedContext = { db: t.db, clock: new Clock(), orgs: {}, users: {}, log: () => undefined };
    await seedNetwork(ctx);
    await seedSubmissions(ctx);
    await seedSubmissions(ctx);
    const rows: { title: string; status: string }[] = await t.db.query(
      `SELECT title, status FROM submissions ORDER BY title`,
    );
    expect(rows).toHaveLength(2);
    expect(rows[0].title).toContain('General Comment No. 26');
    expect(rows[1].title).toContain('OECD');
    const states: { status: string }[] = await t.db.query(
      `SELECT DISTINCT status FROM submission_sections ORDER BY status`,
    );
    expect(states.map((s) => s.status)).toEqual(['approved', 'drafting', 'not_started', 'ready']);

    const agent = await signIn(t, 'coordinator@cjn.example', DEMO_PASSWORD);
    const list = await agent.get('/api/v1/submissions').expect(200);
    expect(list.body.total).toBe(2);
    const gc26 = list.body.items.find((s: { kind: string }) => s.kind === 'general_comment');
    const doc = await agent.get(`/api/v1/submissions/${gc26.id}/document`).expect(200);
    expect(doc.text).toContain('## Access to justice for environmental harm');
    expect(doc.text).toContain('- Child Rights Coalition Cambodia (CRC-Cambodia)');
    const blocked = await agent
      .post(`/api/v1/submissions/${gc26.id}/transitions`)
      .send({ to: 'submitted' })
      .expect(409);
    expect(blocked.body.message).toContain('Legal Aid of Cambodia');
  });
});
