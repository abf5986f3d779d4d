import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { bodies, MISSING, NUL, problemCollector } from './support/bad-input.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { fromNow, makeDeadline } from './support/reminder-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY = 24 * 3600 * 1000;

describe('deadlines (API)', () => {
  let t: TestApp;
  let coordinator: Actor;
  let partnerMember: Actor;
  let outsider: Actor;
  let viewer: Actor;
  let admin: Actor;
  let network: { id: string };
  let closed: { id: string };

  beforeAll(async () => {
    t = await startTestApp({ overrides: { appRole: 'api' } });
    const partnerOrg = await makeOrganization(t);
    const otherOrg = await makeOrganization(t);
    coordinator = await makeUser(t, { role: 'coordinator' });
    admin = await makeUser(t, { role: 'admin' });
    partnerMember = await makeUser(t, { organizationId: partnerOrg.id, timeZone: 'America/New_York' });
    outsider = await makeUser(t, { organizationId: otherOrg.id });
    viewer = await makeUser(t, { role: 'viewer', organizationId: partnerOrg.id });
    network = await makeOpportunity(coordinator, { visibility: 'network', title: 'EU child justice call' });
    closed = await makeOpportunity(coordinator, { visibility: 'participants', title: 'Confidential consortium bid' });
    await addPartner(coordinator, closed.id, { organizationId: partnerOrg.id, role: 'lead' });
  });
  afterAll(() => t.close());

  it("sets the funder's deadline in Geneva time and shows it in its zone, the reader's and Phnom Penh", async () => {
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: closed.id,
      kind: 'external',
      dueAt: '2027-03-01T17:00',
      timeZone: 'Europe/Geneva',
    });
    expect(d.dueAt).toBe('2027-03-01T16:00:00.000Z');
    expect(d.timeZone).toBe('Europe/Zurich');
    const seen = await partnerMember.as.get(`/api/v1/deadlines/${d.id}`).expect(200);
    expect(seen.body.display.map((z: { label: string; local: string }) => [z.label, z.local])).toEqual([
      ['deadline', '2027-03-01T17:00:00+01:00'],
      ['you', '2027-03-01T11:00:00-05:00'],
      ['phnomPenh', '2027-03-01T23:00:00+07:00'],
    ]);
  });

  it('reads a date-only deadline as the end of that day in its zone', async () => {
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: network.id,
      dueDate: '2027-03-01',
      timeZone: 'America/New_York',
    });
    expect(d.dueAt).toBe('2027-03-02T04:59:59.000Z');
    expect(d).toMatchObject({ dueDate: '2027-03-01', dateOnly: true });
  });

  it('defaults reminder offsets by kind and skips offsets already past instead of sending them late', async () => {
    const external = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: network.id,
      kind: 'external',
      dueAt: fromNow(3 * DAY),
    });
    expect(external.reminderOffsets).toEqual(['P14D', 'P7D', 'P2D', 'P1D']);
    const reminders = await coordinator.as.get(`/api/v1/deadlines/${external.id}/reminders`).expect(200);
    expect(reminders.body.items.map((r: { offset: string; status: string }) => [r.offset, r.status])).toEqual([
      ['P14D', 'skipped'],
      ['P7D', 'skipped'],
      ['P2D', 'scheduled'],
      ['P1D', 'scheduled'],
    ]);
    const internal = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: network.id,
      kind: 'internal',
      dueAt: fromNow(30 * DAY),
    });
    expect(internal.reminderOffsets).toEqual(['P3D', 'P1D']);
  });

  it('names every bad field with 400 and never answers 500', async () => {
    const base = {
      subjectType: 'opportunity',
      subjectId: network.id,
      title: 'x',
      kind: 'internal',
      timeZone: 'Europe/Paris',
    };
    const offsets = await coordinator.as
      .post('/api/v1/deadlines')
      .send({ ...base, dueAt: fromNow(DAY), reminderOffsets: ['P1M', 'soon', 'PT0S'] })
      .expect(400);
    expect(offsets.body.details.map((d: { field: string }) => d.field)).toContain('reminderOffsets');
    const zone = await coordinator.as
      .post('/api/v1/deadlines')
      .send({ ...base, dueAt: fromNow(DAY), timeZone: 'Mars/Olympus_Mons' })
      .expect(400);
    expect(zone.body.details.map((d: { field: string }) => d.field)).toEqual(['timeZone']);
    await coordinator.as
      .post('/api/v1/deadlines')
      .send({ ...base, dueAt: fromNow(DAY), dueDate: '2027-01-01' })
      .expect(400);
    await coordinator.as.post('/api/v1/deadlines').send(base).expect(400);
    await coordinator.as
      .post('/api/v1/deadlines')
      .send({ ...base, dueDate: '2027-02-30' })
      .expect(400);
    await coordinator.as
      .post('/api/v1/deadlines')
      .send({ ...base, dueAt: fromNow(DAY), colour: 'red' })
      .expect(400);
    await coordinator.as
      .post('/api/v1/deadlines')
      .send({ ...base, dueAt: fromNow(DAY), subjectType: 'planet' })
      .expect(400);
    await coordinator.as
      .post('/api/v1/deadlines')
      .send({ ...base, dueAt: fromNow(DAY), assigneeIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(400);
    await coordinator.as
      .post('/api/v1/deadlines')
      .send({ ...base, dueAt: fromNow(DAY), subjectId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
    await coordinator.as.get('/api/v1/deadlines?from=yesterday').expect(400);
    await coordinator.as.get('/api/v1/deadlines/not-a-uuid').expect(400);
  });

  it('moving a deadline reschedules its reminders; done cancels them; re-opening schedules them again', async () => {
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: network.id,
      dueAt: '2027-06-10T12:00',
      timeZone: 'Europe/Paris',
      reminderOffsets: ['P7D', 'P1D'],
    });
    const before = (await coordinator.as.get(`/api/v1/deadlines/${d.id}/reminders`)).body.items;
    expect(before.map((r: { fireAt: string }) => r.fireAt)).toEqual([
      '2027-06-03T10:00:00.000Z',
      '2027-06-09T10:00:00.000Z',
    ]);
    const moved = await coordinator.as
      .patch(`/api/v1/deadlines/${d.id}`)
      .send({ dueAt: '2027-06-17T12:00' })
      .expect(200);
    expect(moved.body.dueAt).toBe('2027-06-17T10:00:00.000Z');
    const after = (await coordinator.as.get(`/api/v1/deadlines/${d.id}/reminders`)).body.items;
    expect(
      after.map((r: { fireAt: string; status: string; version: number }) => [r.fireAt, r.status, r.version]),
    ).toEqual([
      ['2027-06-10T10:00:00.000Z', 'scheduled', 2],
      ['2027-06-16T10:00:00.000Z', 'scheduled', 2],
    ]);
    const done = await coordinator.as.patch(`/api/v1/deadlines/${d.id}`).send({ status: 'done' }).expect(200);
    expect(done.body.completedAt).not.toBeNull();
    const cancelled = (await coordinator.as.get(`/api/v1/deadlines/${d.id}/reminders`)).body.items;
    expect(cancelled.map((r: { status: string }) => r.status)).toEqual(['cancelled', 'cancelled']);
    await coordinator.as.patch(`/api/v1/deadlines/${d.id}`).send({ status: 'open' }).expect(200);
    const reopened = (await coordinator.as.get(`/api/v1/deadlines/${d.id}/reminders`)).body.items;
    expect(reopened.map((r: { status: string }) => r.status)).toEqual(['scheduled', 'scheduled']);
    const activity = await coordinator.as.get(`/api/v1/activity?subjectType=deadline&subjectId=${d.id}`).expect(200);
    expect(activity.body.items.map((a: { action: string }) => a.action).sort()).toEqual([
      'deadline.created',
      'deadline.done',
      'deadline.moved',
      'deadline.reopened',
    ]);
  });

  it('a deadline is visible exactly when its record is: outsiders get 404 everywhere, viewers never write', async () => {
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: closed.id,
      dueAt: fromNow(10 * DAY),
      title: 'Partner budgets due',
    });
    await partnerMember.as.get(`/api/v1/deadlines/${d.id}`).expect(200);
    await outsider.as.get(`/api/v1/deadlines/${d.id}`).expect(404);
    await outsider.as.get(`/api/v1/deadlines/${d.id}/reminders`).expect(404);
    await outsider.as.patch(`/api/v1/deadlines/${d.id}`).send({ title: 'hijacked' }).expect(404);
    await outsider.as.delete(`/api/v1/deadlines/${d.id}`).expect(404);
    const list = await outsider.as.get('/api/v1/deadlines?limit=100').expect(200);
    expect(list.body.items.some((x: { subjectId: string }) => x.subjectId === closed.id)).toBe(false);
    const partnerList = await partnerMember.as.get(`/api/v1/deadlines?subjectId=${closed.id}`).expect(200);
    expect(partnerList.body.items.map((x: { id: string }) => x.id)).toContain(d.id);
    await partnerMember.as.patch(`/api/v1/deadlines/${d.id}`).send({ title: 'changed' }).expect(403);
    await viewer.as
      .post('/api/v1/deadlines')
      .send({
        subjectType: 'opportunity',
        subjectId: network.id,
        title: 'x',
        kind: 'internal',
        timeZone: 'UTC',
        dueAt: fromNow(DAY),
      })
      .expect(403);
    await outsider.as
      .post('/api/v1/deadlines')
      .send({
        subjectType: 'opportunity',
        subjectId: closed.id,
        title: 'x',
        kind: 'internal',
        timeZone: 'UTC',
        dueAt: fromNow(DAY),
      })
      .expect(404);
  });

  it('filters by from, to, status, mine, subjectType and subjectId', async () => {
    const opp = await makeOpportunity(coordinator, { visibility: 'network' });
    const a = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      dueAt: '2028-01-10T09:00',
      assigneeIds: [partnerMember.user.id],
    });
    const b = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      dueAt: '2028-02-10T09:00',
    });
    const c = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      dueAt: '2028-03-10T09:00',
    });
    await coordinator.as.patch(`/api/v1/deadlines/${c.id}`).send({ status: 'cancelled' }).expect(200);
    const ids = async (q: string, who = coordinator) =>
      (
        await who.as.get(`/api/v1/deadlines?subjectType=opportunity&subjectId=${opp.id}&${q}`).expect(200)
      ).body.items.map((x: { id: string }) => x.id);
    expect(await ids('')).toEqual([a.id, b.id, c.id]);
    expect(await ids('from=2028-02-01&to=2028-02-28')).toEqual([b.id]);
    expect(await ids('to=2028-01-10T08:00:00Z')).toEqual([a.id]);
    expect(await ids('status=cancelled')).toEqual([c.id]);
    expect(await ids('mine=true', partnerMember)).toEqual([a.id]);
    expect(await ids('mine=true')).toEqual([]);
    const page = await coordinator.as.get(`/api/v1/deadlines?subjectId=${opp.id}&limit=2`).expect(200);
    expect(page.body).toMatchObject({ total: 3 });
    expect(page.body.nextCursor).toEqual(expect.any(String));
  });

  it('spawns the internal deadlines of a template counted back from a deadline, once', async () => {
    const templates = await coordinator.as.get('/api/v1/deadlines/templates').expect(200);
    expect(templates.body.items.map((x: { id: string }) => x.id)).toEqual([
      'grant-application',
      'crc-alternative-report',
      'general-comment-consultation',
      'recommendations-follow-up',
    ]);
    const funder = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: network.id,
      kind: 'external',
      dueAt: '2027-04-10T17:00',
      timeZone: 'Europe/Geneva',
    });
    const spawned = await coordinator.as
      .post(`/api/v1/deadlines/${funder.id}/template`)
      .send({ templateId: 'grant-application' })
      .expect(201);
    expect(spawned.body.items).toHaveLength(6);
    expect(spawned.body.items[0]).toMatchObject({
      title: 'Partner drafts of their sections due',
      kind: 'internal',
      dueAt: '2027-03-20T16:00:00.000Z',
      parentId: funder.id,
    });
    const again = await coordinator.as
      .post(`/api/v1/deadlines/${funder.id}/template`)
      .send({ templateId: 'grant-application' })
      .expect(201);
    expect(again.body.items).toEqual([]);
    await coordinator.as.post(`/api/v1/deadlines/${funder.id}/template`).send({ templateId: 'no-such' }).expect(400);
  });

  it('shows the queue dashboard to admins only', async () => {
    await t.http().get('/admin/queues').expect(401);
    await coordinator.as.get('/admin/queues').expect(403);
    const page = await admin.as.get('/admin/queues').expect(200);
    expect(page.text).toContain('<html');
    const api = await admin.as.get('/admin/queues/api/queues').expect(200);
    expect(JSON.stringify(api.body)).toContain('deliveries');
  });

  it('removes a deadline', async () => {
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: network.id,
      dueAt: fromNow(DAY),
    });
    await coordinator.as.delete(`/api/v1/deadlines/${d.id}`).expect(204);
    await coordinator.as.get(`/api/v1/deadlines/${d.id}`).expect(404);
  });

  it('a PATCH on a stale version (body or If-Match) is a 409 with the current deadline; without a version it still applies', async () => {
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: network.id,
      dueAt: fromNow(20 * DAY),
      title: 'Budget narrative',
    });
    expect(d.version).toBe(1);
    const first = await coordinator.as
      .patch(`/api/v1/deadlines/${d.id}`)
      .send({ title: 'Budget narrative v2', version: 1 })
      .expect(200);
    expect(first.body.version).toBe(2);
    const stale = await coordinator.as
      .patch(`/api/v1/deadlines/${d.id}`)
      .send({ title: 'Lost edit', version: 1 })
      .expect(409);
    expect(stale.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      details: { yourVersion: 1, current: { id: d.id, title: 'Budget narrative v2', version: 2 } },
    });
    expect(stale.body.message).toMatch(/version 2/);
    const staleHeader = await coordinator.as
      .patch(`/api/v1/deadlines/${d.id}`)
      .set('If-Match', '"1"')
      .send({ title: 'Lost edit' })
      .expect(409);
    expect(staleHeader.body.details.current).toMatchObject({ title: 'Budget narrative v2', version: 2 });
    expect((await coordinator.as.get(`/api/v1/deadlines/${d.id}`)).body).toMatchObject({
      title: 'Budget narrative v2',
      version: 2,
    });

    const byHeader = await coordinator.as
      .patch(`/api/v1/deadlines/${d.id}`)
      .set('If-Match', 'W/"2"')
      .send({ title: 'Budget narrative v3' })
      .expect(200);
    expect(byHeader.body.version).toBe(3);
    await coordinator.as.patch(`/api/v1/deadlines/${d.id}`).set('If-Match', '"3"').send({ version: 2 }).expect(400);
    await coordinator.as.patch(`/api/v1/deadlines/${d.id}`).set('If-Match', 'nope').send({}).expect(400);
    const unversioned = await coordinator.as
      .patch(`/api/v1/deadlines/${d.id}`)
      .send({ title: 'Budget narrative v4' })
      .expect(200);
    expect(unversioned.body).toMatchObject({ title: 'Budget narrative v4', version: 4 });
  });

  it('a deadline whose section was removed does not break lists, feeds or new deadlines (no 500)', async () => {
    const org = await makeOrganization(t);
    const c = await makeUser(t, { role: 'coordinator' });
    const member = await makeUser(t, { organizationId: org.id });
    const sub = await makeSubmission(c, { leadOrganizationId: org.id, visibility: 'participants' });
    const section = await makeSection(c, sub.id);
    const d = await makeDeadline(c, { subjectType: 'section', subjectId: section.id, dueAt: fromNow(365 * DAY) });
    await c.as.delete(`/api/v1/submissions/${sub.id}/sections/${section.id}`).expect(204);

    for (const actor of [c, member]) {
      const list = await actor.as.get('/api/v1/deadlines');
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(d.id);
      expect((await actor.as.get(`/api/v1/deadlines?subjectType=section&subjectId=${section.id}`)).status).toBe(200);
      expect((await actor.as.get(`/api/v1/deadlines/${d.id}`)).status).toBe(404);
      const feed = await actor.as.get('/api/v1/me/calendar').expect(200);
      const ics = await t.http().get(new URL(feed.body.url).pathname);
      expect(ics.status).toBe(200);
      expect(ics.text).not.toContain(d.id);
    }
    const again = await c.as.post('/api/v1/deadlines').send({
      subjectType: 'section',
      subjectId: section.id,
      title: 'x',
      kind: 'internal',
      dueAt: fromNow(365 * DAY),
      timeZone: 'Europe/Geneva',
    });
    expect(again.status).toBe(404);
  });

  describe('bad input never answers 500', () => {
    let c: Actor;
    let member: Actor;
    let ids: Record<string, string>;
    const future = () => new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
    const deadlineFields = [
      'subjectType',
      'subjectId',
      'title',
      'description',
      'kind',
      'dueAt',
      'dueDate',
      'timeZone',
      'assigneeIds',
      'reminderOffsets',
      'overdueReminder',
    ];
    let problems: string[];
    let expectClientError: ReturnType<typeof problemCollector>['expectClientError'];

    beforeAll(async () => {
      const org = await makeOrganization(t, { name: 'Robust partner' });
      c = await makeUser(t, { role: 'coordinator' });
      member = await makeUser(t, { role: 'member', organizationId: org.id });
      const opp = await makeOpportunity(c, { title: 'Robust grant', visibility: 'network' });
      const d = await makeDeadline(c, { subjectType: 'opportunity', subjectId: opp.id, dueAt: future() });
      ids = { opp: opp.id, deadline: d.id };
    });
    beforeEach(() => {
      ({ problems, expectClientError } = problemCollector());
    });
    afterEach(() => {
      expect(problems).toEqual([]);
    });

    it('creating and changing deadlines survives bad bodies', async () => {
      const base = {
        subjectType: 'opportunity',
        subjectId: ids.opp,
        title: 'Fuzz',
        kind: 'external',
        dueAt: future(),
        timeZone: 'Europe/Geneva',
      };
      for (const body of bodies(deadlineFields, base)) {
        expectClientError(
          await c.as.post('/api/v1/deadlines').send(body as object),
          `POST deadlines ${JSON.stringify(body).slice(0, 80)}`,
        );
      }
      for (const body of bodies([...deadlineFields.filter((f) => !f.startsWith('subject')), 'status'])) {
        expectClientError(
          await c.as.patch(`/api/v1/deadlines/${ids.deadline}`).send(body as object),
          `PATCH deadline ${JSON.stringify(body).slice(0, 80)}`,
        );
      }
    });

    it('bad durations, offsets, zones and due times are 400s', async () => {
      const base = {
        subjectType: 'opportunity',
        subjectId: ids.opp,
        title: 'Fuzz',
        kind: 'external',
        timeZone: 'Europe/Geneva',
      };
      const variants: Record<string, unknown>[] = [
        { dueAt: future(), dueDate: '2027-01-01' },
        {},
        { dueAt: '2026-03-01' },
        { dueAt: '2026-02-30T17:00' },
        { dueAt: '99999-01-01T00:00Z' },
        { dueAt: '0000-01-01T00:00Z' },
        { dueAt: '+275760-09-13T00:00:00Z' },
        { dueDate: '2026-13-01' },
        { dueDate: '0000-01-01' },
        { dueDate: '9999-12-31' },
        { dueAt: future(), timeZone: 'Mars/Olympus' },
        { dueAt: future(), timeZone: 'EST5EDT' },
        { dueAt: future(), timeZone: '../../etc/passwd' },
        { dueAt: future(), timeZone: 'UTC+25' },
        { dueAt: future(), timeZone: 'x'.repeat(500) },
        ...[
          'P',
          'PT',
          'P1M',
          'P1Y',
          'P0D',
          'PT0S',
          '-P1D',
          'P-1D',
          'P367D',
          'P99999999999999999999D',
          'PT1.5H',
          'P1D1D',
          'p1d ',
          NUL,
          '',
        ].map((o) => ({ dueAt: future(), reminderOffsets: [o] })),
        { dueAt: future(), reminderOffsets: Array.from({ length: 11 }, (_, i) => `P${i + 1}D`) },
        { dueAt: future(), reminderOffsets: ['P1D', 'P1D'] },
        { dueAt: future(), reminderOffsets: ['PT24H', 'P1D'] },
        { dueAt: future(), assigneeIds: [MISSING] },
        { dueAt: future(), assigneeIds: ['nope'] },
        { dueAt: future(), subjectType: 'opportunity', subjectId: MISSING },
        { dueAt: future(), subjectType: 'organization', subjectId: ids.opp },
        { dueAt: future(), subjectType: 'submission', subjectId: ids.opp },
        { dueAt: future(), subjectType: 'section', subjectId: ids.opp },
        { dueAt: future(), subjectType: 'checklistItem', subjectId: ids.opp },
        { dueAt: future(), subjectType: 'partner', subjectId: ids.opp },
        { dueAt: future(), subjectType: '__proto__', subjectId: ids.opp },
      ];
      for (const v of variants) {
        const body = { ...base, ...v };
        const res = await c.as.post('/api/v1/deadlines').send(body);
        expectClientError(res, `POST ${JSON.stringify(v).slice(0, 80)}`);
        const patch = { ...v };
        delete patch.subjectType;
        delete patch.subjectId;
        expectClientError(
          await c.as.patch(`/api/v1/deadlines/${ids.deadline}`).send(patch),
          `PATCH ${JSON.stringify(patch).slice(0, 80)}`,
        );
      }
      // dueAt and dueDate together, and neither, are refused outright.
      expect(
        (await c.as.post('/api/v1/deadlines').send({ ...base, dueAt: future(), dueDate: '2027-01-01' })).status,
      ).toBe(400);
      expect(
        (await c.as.patch(`/api/v1/deadlines/${ids.deadline}`).send({ dueAt: future(), dueDate: '2027-01-01' })).status,
      ).toBe(400);
      // A non-nullable field set to null is a 400 naming the field, not a database error.
      for (const field of ['title', 'kind', 'overdueReminder', 'timeZone', 'status']) {
        const res = await c.as.patch(`/api/v1/deadlines/${ids.deadline}`).send({ [field]: null });
        expect([res.status, String(res.body.message).includes(field)]).toEqual([400, true]);
      }
    });

    it('list, read and reminders routes survive bad queries and ids', async () => {
      const queries = [
        'from=abc',
        'from=2026-02-30',
        'from=99999-01-01',
        'to=0',
        'to=+275760-09-13',
        'from=a&from=b',
        'status=nope',
        'status[a]=b',
        'mine=maybe',
        'mine=true&mine=false',
        'subjectType=nope',
        'subjectType=__proto__',
        'subjectId=nope',
        `subjectId=${MISSING}`,
        'subjectId=a&subjectId=b',
        'limit=0',
        'limit=101',
        'limit=abc',
        'offset=-1',
        'cursor=!!',
        'unknown=1',
        'from=' + encodeURIComponent(NUL),
        'from=2026-01-01T00:00:00%2B99:00',
        'to=2026-W01',
        'from=2026-001',
      ];
      for (const q of queries) {
        for (const actor of [c, member])
          expectClientError(await actor.as.get(`/api/v1/deadlines?${q}`), `GET deadlines?${q}`);
      }
      for (const v of ['nope', MISSING, ids.opp, '%00', '1e400', '-1']) {
        for (const path of [`/api/v1/deadlines/${v}`, `/api/v1/deadlines/${v}/reminders`]) {
          for (const method of ['get', 'patch', 'delete'] as const)
            expectClientError(await c.as[method](path).send({}), `${method} ${path}`);
        }
        expectClientError(
          await c.as.post(`/api/v1/deadlines/${v}/template`).send({ templateId: 'grant-application' }),
          `POST template ${v}`,
        );
      }
      for (const body of bodies(['templateId'])) {
        expectClientError(
          await c.as.post(`/api/v1/deadlines/${ids.deadline}/template`).send(body as object),
          `POST template ${JSON.stringify(body).slice(0, 60)}`,
        );
      }
    });
  });
});
