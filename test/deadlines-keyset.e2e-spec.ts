import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { makeOpportunity } from './support/opportunity-factories.js';
import { fromNow } from './support/reminder-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY = 24 * 3600 * 1000;

interface Listed {
  items: { id: string; title: string; dueAt: string }[];
  nextCursor: string | null;
  total?: number;
}

/** The deadline list pages by (due_at, id): a cursor names the last row seen, not how many rows came before. */
describe('the deadline list pages by its order (keyset)', () => {
  let t: TestApp;
  let coordinator: Actor;
  let member: Actor;

  beforeAll(async () => {
    t = await startTestApp({ overrides: { appRole: 'api' } });
    coordinator = await makeUser(t, { role: 'coordinator' });
    member = await makeUser(t, { organizationId: (await makeOrganization(t, { name: 'Hagar Cambodia' })).id });
  });
  afterAll(() => t.close());

  const create = async (subjectId: string, titles: string[], dueAt: string): Promise<string[]> => {
    const res = await coordinator.as
      .post('/api/v1/deadlines/bulk')
      .send({
        items: titles.map((title) => ({
          subjectType: 'opportunity',
          subjectId,
          title,
          kind: 'internal',
          dueAt,
          timeZone: 'Asia/Phnom_Penh',
          reminderOffsets: [],
        })),
      })
      .expect(201);
    return (res.body.items as { id: string }[]).map((d) => d.id);
  };

  const walk = async (actor: Actor, query: Record<string, string>, between?: (page: number) => Promise<void>) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const res: { body: Listed } = await actor.as
        .get('/api/v1/deadlines')
        .query({ ...query, ...(cursor ? { cursor } : {}) })
        .expect(200);
      seen.push(...res.body.items.map((d) => d.title));
      cursor = res.body.nextCursor;
      if (!cursor) return seen;
      await between?.(page);
    }
    throw new Error('more than 20 pages');
  };

  it('lists rows due at the same instant once each, and a row added before the cursor does not repeat one', async () => {
    const call = await makeOpportunity(coordinator, { visibility: 'network', title: 'UNICEF diversion call' });
    const same = fromNow(15 * DAY);
    const titles = Array.from({ length: 7 }, (_, i) => `Tie ${i + 1}`);
    const ids = await create(call.id, titles, same);
    const byId = [...ids].sort();
    let added = false;
    const seen = await walk(member, { subjectId: call.id, count: 'false', limit: '3' }, async (page) => {
      if (page !== 0 || added) return;
      // Someone adds a deadline due before everything already listed: with an offset the next page
      // would slide back by one and show a row twice; with the key it starts after the last row seen.
      added = true;
      await create(call.id, ['Added meanwhile'], fromNow(14 * DAY));
    });
    const expected = byId.map((id) => titles[ids.indexOf(id)]);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('keeps microseconds in the cursor, so a row whose due time has them is not listed twice', async () => {
    const call = await makeOpportunity(coordinator, { visibility: 'network', title: 'EU child justice call' });
    const ids = await create(call.id, ['A', 'B', 'C', 'D'], fromNow(16 * DAY));
    // Deadlines imported or written by SQL can carry microseconds, which a JavaScript date drops.
    await t.db.query(
      `UPDATE deadlines SET due_at = due_at + make_interval(secs => 0.000123 * n)
         FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n) WHERE deadlines.id = u.id`,
      [ids],
    );
    expect(await walk(member, { subjectId: call.id, count: 'false', limit: '1' })).toEqual(['A', 'B', 'C', 'D']);
  });

  it('counts the whole list while paging by key, and keeps hidden records out of both', async () => {
    const open = await makeOpportunity(coordinator, { visibility: 'network', title: 'OHCHR consultation' });
    const closed = await makeOpportunity(coordinator, { visibility: 'participants', title: 'Closed bid' });
    const from = fromNow(30 * DAY);
    const to = fromNow(31 * DAY);
    await create(open.id, ['Open 1', 'Open 2', 'Open 3', 'Open 4', 'Open 5'], fromNow(30 * DAY + 3_600_000));
    await create(closed.id, ['Closed 1', 'Closed 2'], fromNow(30 * DAY + 1_800_000));
    const first = await member.as.get('/api/v1/deadlines').query({ from, to, limit: '2' }).expect(200);
    expect(first.body.total).toBe(5);
    const second = await member.as
      .get('/api/v1/deadlines')
      .query({ from, to, limit: '2', cursor: first.body.nextCursor })
      .expect(200);
    expect(second.body.total).toBe(5);
    const all = await walk(member, { from, to, limit: '2' });
    expect(all.sort()).toEqual(['Open 1', 'Open 2', 'Open 3', 'Open 4', 'Open 5']);
    const coordinatorSees = await coordinator.as.get('/api/v1/deadlines').query({ from, to }).expect(200);
    expect(coordinatorSees.body.total).toBe(7);
  });

  it('refuses a cursor it did not hand out with a 400, never a 500', async () => {
    const cursor = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    const bad = [
      cursor('k:["2026-02-30T10:00:00.000000Z","6f1f1d1e-0000-4000-8000-000000000000"]'),
      cursor('k:["2026-12-01 10:00:00+00","6f1f1d1e-0000-4000-8000-000000000000"]'),
      cursor('k:["2026-12-01T10:00:00.000000Z","not-a-uuid"]'),
      cursor('k:["2026-12-01T10:00:00.000000Z"]'),
      cursor('k:{"a":1}'),
      cursor('k:not json'),
    ];
    for (const c of bad) {
      const res = await member.as.get('/api/v1/deadlines').query({ cursor: c }).expect(400);
      expect(res.body.message).toMatch(/cursor is not valid/);
    }
    // Other lists page by offset and refuse a keyset cursor too.
    const keyset = cursor('k:["2026-12-01T10:00:00.000000Z","6f1f1d1e-0000-4000-8000-000000000000"]');
    await member.as.get('/api/v1/deadlines').query({ cursor: keyset }).expect(200);
    await member.as.get('/api/v1/opportunities').query({ cursor: keyset }).expect(400);
  });
});
