import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { type DeadlineResponse, fromNow } from './support/reminder-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY = 24 * 3600 * 1000;

describe('deadlines in bulk (API)', () => {
  let t: TestApp;
  let queue: Queue;
  let coordinator: Actor;
  let partnerMember: Actor;
  let outsider: Actor;
  let bid: { id: string };
  let call: { id: string };
  let partnerRecord: { id: string };

  beforeAll(async () => {
    t = await startTestApp({ overrides: { appRole: 'api' } });
    queue = new Queue('reminders', { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
    const partnerOrg = await makeOrganization(t, { name: 'Legal Aid of Cambodia' });
    const otherOrg = await makeOrganization(t, { name: 'Friends International' });
    coordinator = await makeUser(t, { role: 'coordinator' });
    partnerMember = await makeUser(t, { organizationId: partnerOrg.id });
    outsider = await makeUser(t, { organizationId: otherOrg.id });
    bid = await makeOpportunity(coordinator, { visibility: 'participants', title: 'UNICEF diversion programme bid' });
    partnerRecord = await addPartner(coordinator, bid.id, { organizationId: partnerOrg.id, role: 'lead' });
    call = await makeOpportunity(coordinator, { visibility: 'network', title: 'EU child justice call' });
  });
  afterAll(async () => {
    await queue.close();
    await t.close();
  });

  /** `n` items on the record, due from 20 days ahead, one hour apart. */
  const items = (subjectId: string, n: number, extra: Record<string, unknown> = {}): Record<string, unknown>[] =>
    Array.from({ length: n }, (_, i) => ({
      subjectType: 'opportunity',
      subjectId,
      title: `Partner report ${i + 1}`,
      kind: 'internal',
      dueAt: fromNow(20 * DAY + i * 3_600_000),
      timeZone: 'Asia/Phnom_Penh',
      reminderOffsets: ['P7D', 'P1D'],
      ...extra,
    }));

  const countOn = async (subjectId: string) =>
    Number((await t.db.query(`SELECT count(*) FROM deadlines WHERE subject_id = $1`, [subjectId]))[0].count);

  const scheduledOf = (ids: string[]): Promise<{ id: string; version: number; fire_at: Date }[]> =>
    t.db.query(
      `SELECT id, version, fire_at FROM reminders WHERE deadline_id = ANY($1) AND status = 'scheduled' ORDER BY id`,
      [ids],
    );

  it('creates hundreds of deadlines on two records in one request, with assignees, activity, reminder rows and jobs', async () => {
    const res = await coordinator.as
      .post('/api/v1/deadlines/bulk')
      .send({
        items: [
          ...items(bid.id, 250, { assigneeIds: [partnerMember.user.id] }),
          ...items(call.id, 50, { dueAt: undefined, dueDate: '2027-06-30', kind: 'external' }),
        ],
      })
      .expect(201);
    const created = res.body.items as (DeadlineResponse & { assigneeIds: string[]; dueDate: string | null })[];
    expect(created).toHaveLength(300);
    expect(created[0]).toMatchObject({ title: 'Partner report 1', status: 'open', version: 1 });
    expect(created[0].assigneeIds).toEqual([partnerMember.user.id]);
    expect(created[299]).toMatchObject({ title: 'Partner report 50', dueDate: '2027-06-30', assigneeIds: [] });

    const ids = created.map((d) => d.id);
    const owed = await scheduledOf(ids);
    expect(owed).toHaveLength(250 * 2 + 50 * 2);
    const jobs = await Promise.all(owed.map((r) => queue.getJob(`reminder-${r.id}-v${r.version}`)));
    expect(jobs.every((job) => job !== undefined)).toBe(true);
    const first = jobs[0]!;
    expect(first.timestamp + (first.opts.delay ?? 0)).toBeGreaterThan(Date.now() + 12 * DAY);

    const activity = await t.db.query(
      `SELECT count(*) FROM activity WHERE action = 'deadline.created' AND subject_id = ANY($1)`,
      [ids],
    );
    expect(Number(activity[0].count)).toBe(300);
    const mine = await partnerMember.as.get(`/api/v1/deadlines?subjectId=${bid.id}&mine=true&limit=100`).expect(200);
    expect(mine.body.total).toBe(250);
  });

  it('refuses the whole request for one bad item, naming it, and writes nothing', async () => {
    const before = await countOn(call.id);
    const batch = items(call.id, 5);
    batch[2] = { ...batch[2], dueDate: '2027-01-01' };
    const both = await coordinator.as.post('/api/v1/deadlines/bulk').send({ items: batch }).expect(400);
    expect(both.body.message).toContain('items.2: Give either dueAt');

    const unknown = await coordinator.as
      .post('/api/v1/deadlines/bulk')
      .send({ items: [...items(call.id, 3), { ...items(call.id, 1)[0], colour: 'red', timeZone: 'Mars/Olympus' }] })
      .expect(400);
    expect(unknown.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'items.3.colour',
      'items.3.timeZone',
    ]);
    expect(await countOn(call.id)).toBe(before);
  });

  it('refuses a record the caller may not write or see, naming the item, and writes nothing', async () => {
    const [onBid, onCall] = [await countOn(bid.id), await countOn(call.id)];
    const ownPartnerRecord = items(partnerRecord.id, 2, { subjectType: 'partner' });
    await partnerMember.as.post('/api/v1/deadlines/bulk').send({ items: ownPartnerRecord }).expect(201);
    const readOnly = await partnerMember.as
      .post('/api/v1/deadlines/bulk')
      .send({ items: [...ownPartnerRecord, ...items(call.id, 2)] })
      .expect(403);
    expect(readOnly.body.message).toMatch(/^items\.2: /);
    const unseen = await outsider.as
      .post('/api/v1/deadlines/bulk')
      .send({ items: items(bid.id, 1) })
      .expect(404);
    expect(unseen.body.message).toMatch(/^items\.0: /);
    expect([await countOn(bid.id), await countOn(call.id), await countOn(partnerRecord.id)]).toEqual([
      onBid,
      onCall,
      2,
    ]);
  });

  it('takes between 1 and 1,000 items', async () => {
    const none = await coordinator.as.post('/api/v1/deadlines/bulk').send({ items: [] }).expect(400);
    expect(none.body.details[0].field).toBe('items');
    const tooMany = await coordinator.as
      .post('/api/v1/deadlines/bulk')
      .send({ items: items(call.id, 1001) })
      .expect(400);
    expect(tooMany.body.message).toContain('items must contain no more than 1000 elements');
  });

  it('moves many deadlines at once: new due times, new versions, reminders re-planned and their jobs replaced', async () => {
    const created = (
      await coordinator.as
        .post('/api/v1/deadlines/bulk')
        .send({ items: items(call.id, 40) })
        .expect(201)
    ).body.items as DeadlineResponse[];
    const ids = created.map((d) => d.id);
    const oldReminders = await scheduledOf(ids);
    const moved = await coordinator.as
      .patch('/api/v1/deadlines/bulk')
      .send({
        items: created.map((d) => ({
          id: d.id,
          version: d.version,
          dueAt: new Date(new Date(d.dueAt).getTime() + 7 * DAY).toISOString(),
        })),
      })
      .expect(200);
    const after = moved.body.items as DeadlineResponse[];
    expect(after.map((d) => d.id)).toEqual(ids);
    after.forEach((d, i) => {
      expect(new Date(d.dueAt).getTime() - new Date(created[i].dueAt).getTime()).toBe(7 * DAY);
      expect(d.version).toBe(2);
    });

    const newReminders = await scheduledOf(ids);
    expect(newReminders).toHaveLength(oldReminders.length);
    newReminders.forEach((r, i) => {
      expect(r.id).toBe(oldReminders[i].id);
      expect(r.version).toBe(oldReminders[i].version + 1);
      expect(r.fire_at.getTime() - oldReminders[i].fire_at.getTime()).toBe(7 * DAY);
    });
    for (const r of oldReminders) expect(await queue.getJob(`reminder-${r.id}-v${r.version}`)).toBeUndefined();
    for (const r of newReminders) expect(await queue.getJob(`reminder-${r.id}-v${r.version}`)).toBeDefined();

    const activity = await coordinator.as.get(`/api/v1/activity?subjectType=deadline&subjectId=${ids[0]}`).expect(200);
    expect(activity.body.items.map((a: { action: string }) => a.action)).toContain('deadline.moved');
  });

  it('refuses a move when one item was changed since it was read (409 naming it), and moves none', async () => {
    const created = (
      await coordinator.as
        .post('/api/v1/deadlines/bulk')
        .send({ items: items(call.id, 5) })
        .expect(201)
    ).body.items as DeadlineResponse[];
    await coordinator.as.patch(`/api/v1/deadlines/${created[3].id}`).send({ title: 'Renamed meanwhile' }).expect(200);
    const later = (d: DeadlineResponse) => new Date(new Date(d.dueAt).getTime() + DAY).toISOString();
    const res = await coordinator.as
      .patch('/api/v1/deadlines/bulk')
      .send({ items: created.map((d) => ({ id: d.id, version: d.version, dueAt: later(d) })) })
      .expect(409);
    expect(res.body.message).toMatch(/^items\.3: Someone changed deadline "Renamed meanwhile" first/);
    const rows: { due_at: Date }[] = await t.db.query(
      `SELECT due_at FROM deadlines WHERE id = ANY($1) ORDER BY due_at`,
      [created.map((d) => d.id)],
    );
    expect(rows.map((r) => r.due_at.toISOString())).toEqual(created.map((d) => d.dueAt));
  });

  it('refuses a deadline listed twice, an unknown one and one the caller may not write', async () => {
    const [d] = (
      await coordinator.as
        .post('/api/v1/deadlines/bulk')
        .send({ items: items(bid.id, 1) })
        .expect(201)
    ).body.items as DeadlineResponse[];
    const dueAt = fromNow(40 * DAY);
    const twice = await coordinator.as
      .patch('/api/v1/deadlines/bulk')
      .send({
        items: [
          { id: d.id, dueAt },
          { id: d.id, dueAt },
        ],
      })
      .expect(400);
    expect(twice.body.message).toContain('items.1: ');
    await coordinator.as
      .patch('/api/v1/deadlines/bulk')
      .send({
        items: [
          { id: d.id, dueAt },
          { id: '00000000-0000-4000-8000-000000000000', dueAt },
        ],
      })
      .expect(404);
    // Hidden from the outsider: "Deadline not found", exactly as for an id that does not exist, never
    // the kind of record it is on.
    const hidden = await outsider.as
      .patch('/api/v1/deadlines/bulk')
      .send({ items: [{ id: d.id, dueAt }] })
      .expect(404);
    const unknown = await outsider.as
      .patch('/api/v1/deadlines/bulk')
      .send({ items: [{ id: '00000000-0000-4000-8000-000000000000', dueAt }] })
      .expect(404);
    expect(hidden.body).toEqual(unknown.body);
    expect(hidden.body).toMatchObject({ code: 'not_found', message: 'items.0: Deadline not found' });
    const unchanged = await coordinator.as.get(`/api/v1/deadlines/${d.id}`).expect(200);
    expect(unchanged.body.version).toBe(1);
  });

  it('pages a busy list without counting it (count=false): every visible deadline once, and no total', async () => {
    const open = await makeOpportunity(coordinator, { visibility: 'network', title: 'OHCHR consultation' });
    const hidden = await makeOpportunity(coordinator, { visibility: 'participants', title: 'Closed bid' });
    const created = (
      await coordinator.as
        .post('/api/v1/deadlines/bulk')
        .send({ items: [...items(open.id, 120), ...items(hidden.id, 30)] })
        .expect(201)
    ).body.items as DeadlineResponse[];
    const from = fromNow(0);
    const to = fromNow(40 * DAY);
    const seen: (string | false)[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { items: (DeadlineResponse & { subjectId: string })[]; nextCursor: string | null } } =
        await outsider.as
          .get('/api/v1/deadlines')
          .query({ from, to, count: 'false', limit: 50, ...(cursor ? { cursor } : {}) })
          .expect(200);
      expect(res.body).not.toHaveProperty('total');
      seen.push(...res.body.items.map((d) => d.subjectId === open.id && d.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    const mine = seen.filter(Boolean);
    expect(mine).toEqual(created.slice(0, 120).map((d) => d.id));
    const counted = await outsider.as.get('/api/v1/deadlines').query({ subjectId: hidden.id }).expect(200);
    expect(counted.body).toMatchObject({ items: [], total: 0 });
  });
});
