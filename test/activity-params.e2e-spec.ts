import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { paramsFromSummary } from '../migrations/activity-summaries.js';
import { type Actor, makeOrganization, makeUser, signIn } from './support/factories.js';
import { addItem, addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { makeDeadline } from './support/reminder-factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Row {
  action: string;
  actorId: string | null;
  subjectId: string;
  summary: string;
  params: Record<string, unknown> | null;
}

describe('activity keeps what each event concerns, for the reader’s language to write it', () => {
  let t: TestApp;
  let coordinator: Actor;
  let member: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await makeUser(t, { role: 'coordinator', name: 'Sokha Coordinator' });
    member = await makeUser(t, { role: 'member', name: 'Dara Member' });
  });
  afterAll(() => t.close());

  it('stores the title as it was, the move, the reason, the changed fields and the closing date', async () => {
    const opp = await makeOpportunity(coordinator, {
      title: 'UNICEF call: justice for children',
      closesAt: '2027-02-15T10:00:00.000Z',
    });
    await coordinator.as
      .post(`/api/v1/opportunities/${opp.id}/transitions`)
      .send({ to: 'screening', reason: 'Fits our strategy' })
      .expect(200);
    await coordinator.as
      .patch(`/api/v1/opportunities/${opp.id}`)
      .send({ title: 'UNICEF call (renamed)', description: 'Two-year grant' })
      .expect(200);

    const history = await coordinator.as.get(`/api/v1/opportunities/${opp.id}/activity?limit=100`).expect(200);
    const rows = history.body.items as Row[];
    const byAction = (action: string) => rows.find((r) => r.action === action)!;
    expect(byAction('opportunity.created').params).toEqual({ title: 'UNICEF call: justice for children' });
    expect(byAction('opportunity.transitioned').params).toEqual({
      title: 'UNICEF call: justice for children',
      from: 'identified',
      to: 'screening',
      reason: 'Fits our strategy',
    });
    expect(byAction('opportunity.updated').params).toEqual({
      title: 'UNICEF call (renamed)',
      fields: ['title', 'description'],
    });
    expect(byAction('deadline.created').params).toMatchObject({
      closingDate: true,
      opportunity: 'UNICEF call: justice for children',
      dueAt: '2027-02-15T10:00:00.000Z',
    });
    // The English sentence stays for API clients and logs.
    expect(byAction('opportunity.transitioned').summary).toContain('from identified to screening');
  });

  it('leaves sign-ins and a person’s own profile edits out of recent activity, and keeps them in the audit log', async () => {
    await signIn(t, member.user.email);
    await member.as.patch('/api/v1/me').send({ language: 'km', timeZone: 'Europe/Zurich' }).expect(200);
    const opp = await makeOpportunity(coordinator, { title: 'OECD consultation' });

    const recent = await coordinator.as.get('/api/v1/activity/recent?limit=100').expect(200);
    const recentRows = recent.body.items as Row[];
    expect(recentRows.map((r) => r.action)).not.toContain('user.signed_in');
    expect(recentRows.filter((r) => r.actorId === member.user.id)).toEqual([]);
    expect(recentRows.find((r) => r.subjectId === opp.id)?.params).toEqual({ title: 'OECD consultation' });
    expect(recent.body.total).toBe(recentRows.length);

    const audit = await coordinator.as.get(`/api/v1/activity?actorId=${member.user.id}&limit=100`).expect(200);
    const own = (audit.body.items as Row[]).find((r) => r.action === 'user.updated')!;
    expect(own.params).toEqual({ name: 'Dara Member', fields: ['language', 'timeZone'] });
    expect((audit.body.items as Row[]).map((r) => r.action)).toContain('user.signed_in');

    await member.as.get('/api/v1/activity/recent').expect(403);
  });

  it('leaves the total out of recent activity when asked (count=false), and says by its cursor whether more follow', async () => {
    await makeOpportunity(coordinator, { title: 'UNICEF child justice call' });
    await makeOpportunity(coordinator, { title: 'EU diversion programme' });
    const first = await coordinator.as.get('/api/v1/activity/recent?limit=1&count=false').expect(200);
    expect(first.body).not.toHaveProperty('total');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const next = await coordinator.as
      .get(`/api/v1/activity/recent?limit=1&count=false&cursor=${first.body.nextCursor}`)
      .expect(200);
    expect(next.body.items).toHaveLength(1);
    expect(next.body).not.toHaveProperty('total');

    const beyond = await coordinator.as.get('/api/v1/activity/recent?offset=100000000&count=false').expect(200);
    expect(beyond.body).toEqual({ items: [], nextCursor: null });
    const counted = await coordinator.as.get('/api/v1/activity/recent?limit=1').expect(200);
    expect(counted.body.total).toBeGreaterThanOrEqual(2);
    await coordinator.as.get('/api/v1/activity/recent?count=maybe').expect(400);
  });

  it('still shows an administrator’s change to someone else’s account as recent activity', async () => {
    const admin = await makeUser(t, { role: 'admin' });
    await admin.as.patch(`/api/v1/users/${member.user.id}`).send({ role: 'viewer' }).expect(200);
    const recent = await coordinator.as.get('/api/v1/activity/recent?limit=100').expect(200);
    const change = (recent.body.items as Row[]).find((r) => r.action === 'user.updated' && r.actorId === admin.user.id);
    expect(change?.params).toEqual({ name: 'Dara Member', fields: ['role'] });
  });

  it('reads from an English summary what the server stores as params, so migrated rows say the same', async () => {
    const org = await makeOrganization(t, { name: 'Legal Aid of Cambodia' });
    const opp = await makeOpportunity(coordinator, { title: 'EU "CSO-LA" call', closesAt: '2027-03-01T16:00:00.000Z' });
    const partner = await addPartner(coordinator, opp.id, { organizationId: org.id, role: 'co_applicant' });
    await coordinator.as.patch(`/api/v1/opportunities/${opp.id}/partners/${partner.id}`).send({ status: 'confirmed' });
    const item = await addItem(coordinator, opp.id, { title: 'Registration papers' });
    await coordinator.as
      .patch(`/api/v1/opportunities/${opp.id}/checklist/${item.id}`)
      .send({ status: 'waived', waiveReason: 'Not asked this round' })
      .expect(200);
    await coordinator.as.patch(`/api/v1/opportunities/${opp.id}`).send({ closesAt: '2027-03-02T16:00:00.000Z' });
    const submission = await makeSubmission(coordinator, { leadOrganizationId: org.id });
    const section = await makeSection(coordinator, submission.id, { title: 'Findings' });
    await coordinator.as
      .patch(`/api/v1/submissions/${submission.id}/sections/${section.id}`)
      .send({ body: 'Children in detention', version: section.version })
      .expect(200);
    await coordinator.as
      .post(`/api/v1/submissions/${submission.id}/sections/${section.id}/comments`)
      .send({ body: `Please check @[${member.user.name}](${member.user.id})` })
      .expect(201);
    const deadline = await makeDeadline(coordinator, {
      subjectType: 'submission',
      subjectId: submission.id,
      dueDate: '2027-04-01',
    });
    await coordinator.as.patch(`/api/v1/deadlines/${deadline.id}`).send({ status: 'done' }).expect(200);

    const rows: (Row & { changes: Record<string, unknown> | null })[] = await t.db.query(
      `SELECT action, summary, changes, params FROM activity ORDER BY created_at`,
    );
    const actions = new Set(rows.map((r) => r.action));
    expect([...actions]).toEqual(
      expect.arrayContaining([
        'checklistItem.waived',
        'comment.created',
        'deadline.created',
        'deadline.done',
        'deadline.moved',
        'opportunity.updated',
        'partner.confirmed',
        'partner.invited',
        'section.updated',
        'submission.created',
        'user.created',
      ]),
    );
    const differing = rows.flatMap((row): object[] => {
      const read = paramsFromSummary(row.action, row.summary, row.changes);
      if (!read) return [{ action: row.action, summary: row.summary, read }];
      const off = Object.keys(read).filter((key) => JSON.stringify(read[key]) !== JSON.stringify(row.params?.[key]));
      return off.length ? [{ action: row.action, summary: row.summary, off, read, stored: row.params }] : [];
    });
    expect(differing).toEqual([]);
  });
});
