import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { importDemo, makeReview } from './support/review-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface RoundDeadline {
  id: string;
  title: string;
  kind: string;
  dueDate: string;
  subjectType: string;
  subjectId: string;
  assigneeIds: string[];
}

/** A round of assessments: each following organisation gets a deadline of the review, assigned to its members. */
describe('rounds of assessments', () => {
  let t: TestApp;
  let coordinator: Actor;
  let reviewId: string;
  let lac: { id: string };
  let cwcc: { id: string };
  let lacMembers: Actor[];
  let cwccMember: Actor;
  const day = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestApp({ overrides: { appRole: 'api' } });
    coordinator = await makeUser(t, { role: 'coordinator' });
    lac = await makeOrganization(t);
    cwcc = await makeOrganization(t);
    lacMembers = [await makeUser(t, { organizationId: lac.id }), await makeUser(t, { organizationId: lac.id })];
    // A viewer of the organisation reads but is not asked to assess.
    await makeUser(t, { organizationId: lac.id, role: 'viewer' });
    cwccMember = await makeUser(t, { organizationId: cwcc.id });
    reviewId = (await makeReview(coordinator)).id;
    const recommendations = await importDemo(coordinator, reviewId);
    for (const [paragraph, orgs] of [
      ['48(a)', [lac.id]],
      ['48(b)', [lac.id, cwcc.id]],
    ] as const)
      await coordinator.as
        .patch(`/api/v1/recommendations/${recommendations.get(paragraph)!.id}`)
        .send({ followingOrganizationIds: orgs })
        .expect(200);
  });
  afterAll(() => t.close());

  const ask = (actor: Actor, body: Record<string, unknown>, id = reviewId) =>
    actor.as.post(`/api/v1/reviews/${id}/assessment-rounds`).send(body);

  it('gives each following organisation a deadline of the review, assigned to its members, with reminders', async () => {
    const dueDate = day(60);
    const res = await ask(coordinator, { title: 'Status check before the List of Issues', dueDate }).expect(201);
    const deadlines = res.body.deadlines as RoundDeadline[];
    expect(deadlines).toHaveLength(2);
    for (const d of deadlines) {
      expect(d).toMatchObject({ subjectType: 'review', subjectId: reviewId, kind: 'internal', dueDate });
      expect(d.title).toMatch(/^Status check before the List of Issues — /);
    }
    const byAssignees = deadlines.map((d) => [...d.assigneeIds].sort()).sort((a, b) => b.length - a.length);
    expect(byAssignees).toEqual([lacMembers.map((m) => m.user.id).sort(), [cwccMember.user.id]]);

    // They are the review's deadlines, with reminders owed, and the review's history tells who asked.
    const listed = await coordinator.as
      .get(`/api/v1/deadlines?subjectType=review&subjectId=${reviewId}&limit=100`)
      .expect(200);
    expect(listed.body.items.map((d: { id: string }) => d.id)).toEqual(
      expect.arrayContaining(deadlines.map((d) => d.id)),
    );
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM reminders WHERE deadline_id = ANY($1) AND status = 'scheduled'`,
      [deadlines.map((d) => d.id)],
    );
    expect(n).toBeGreaterThan(0);
    const history = await coordinator.as.get(`/api/v1/reviews/${reviewId}/activity`).expect(200);
    expect(
      history.body.items.filter((a: { summary: string }) => a.summary.includes('asked for a round of assessments')),
    ).toHaveLength(2);

    // A member of a following organisation sees their own deadline on their list.
    const mine = await cwccMember.as.get(`/api/v1/deadlines?subjectType=review&subjectId=${reviewId}&limit=100`);
    expect(mine.body.items.map((d: { id: string }) => d.id)).toContain(
      deadlines.find((d) => d.assigneeIds.includes(cwccMember.user.id))!.id,
    );
  });

  it('asks only the organisations named, each of which must follow a recommendation of the review', async () => {
    const res = await ask(coordinator, { title: 'Status check', dueDate: day(30), organizationIds: [cwcc.id] });
    expect(res.status).toBe(201);
    expect(res.body.deadlines).toHaveLength(1);
    const stranger = await makeOrganization(t);
    const refused = await ask(coordinator, { title: 'Status check', dueDate: day(30), organizationIds: [stranger.id] });
    expect(refused.status).toBe(400);
    expect(refused.body.details[0]).toMatchObject({ field: 'organizationIds' });
  });

  it('refuses bad input with the field named, and members who may not manage the review', async () => {
    for (const [body, field] of [
      [{ title: '', dueDate: day(30) }, 'title'],
      [{ title: 'Status check', dueDate: '2027-02-30' }, 'dueDate'],
      [{ title: 'Status check', dueDate: day(-1) }, 'dueDate'],
      [{ title: 'Status check', dueDate: day(30), organizationIds: ['not-a-uuid'] }, 'organizationIds'],
      [{ title: 'Status check', dueDate: day(30), extra: 1 }, 'extra'],
    ] as const) {
      const res = await ask(coordinator, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.details.map((p: { field: string }) => p.field)).toContain(field);
    }
    expect((await ask(lacMembers[0], { title: 'Status check', dueDate: day(30) })).status).toBe(403);
    // A review nobody follows yet has nobody to ask.
    const lonely = await makeReview(coordinator);
    const none = await ask(coordinator, { title: 'Status check', dueDate: day(30) }, lonely.id);
    expect(none.status).toBe(400);
    expect(none.body.details[0]).toMatchObject({ field: 'organizationIds' });
  });
});
