import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FixedClock } from '../src/common/clock.js';
import type { Organization } from '../src/organizations/organization.entity.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { makeDeadline } from './support/reminder-factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('co-drafting helpers: presence, people to mention, submissions by deadline', () => {
  const clock = new FixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let lead: Organization;
  let partner: Organization;
  let coordinator: Actor;
  let writer: Actor;
  let partnerWriter: Actor;
  let outsider: Actor;
  let submissionId: string;
  let sectionId: string;
  let draftedId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    lead = await makeOrganization(t, { name: 'Child Rights Coalition Cambodia' });
    partner = await makeOrganization(t, { name: 'Legal Aid of Cambodia' });
    const other = await makeOrganization(t, { name: 'Outside Organisation' });
    coordinator = await makeUser(t, { role: 'coordinator', name: 'Sophea Lim' });
    writer = await makeUser(t, { organizationId: lead.id, name: 'Yan Lay' });
    partnerWriter = await makeUser(t, { organizationId: partner.id, name: 'Dara Sok' });
    outsider = await makeUser(t, { organizationId: other.id, name: 'Outsider Person' });
    const submission = await makeSubmission(coordinator, {
      leadOrganizationId: lead.id,
      partnerOrganizationIds: [partner.id],
    });
    submissionId = submission.id;
    sectionId = (await makeSection(writer, submissionId, { title: 'Diversion' })).id;
    // Presence is for those who may write: the partner's writer, to whom this one is assigned, and the lead's staff.
    draftedId = (await makeSection(writer, submissionId, { title: 'Detention', assigneeId: partnerWriter.user.id })).id;
  });
  afterAll(() => t.close());

  const presence = () => `/api/v1/submissions/${submissionId}/sections/${draftedId}/presence`;

  it('shows who else has a section open until they leave or stop beating', async () => {
    const first = await writer.as.put(presence()).expect(200);
    expect(first.body.items).toEqual([]);

    const second = await partnerWriter.as.put(presence()).expect(200);
    expect(second.body.items).toEqual([
      { user: { id: writer.user.id, name: 'Yan Lay' }, expiresAt: '2026-11-24T09:00:45.000Z' },
    ]);
    const seenByWriter = await writer.as.get(presence()).expect(200);
    expect(seenByWriter.body.items.map((p: { user: { name: string } }) => p.user.name)).toEqual(['Dara Sok']);

    await partnerWriter.as.delete(presence()).expect(204);
    expect((await writer.as.get(presence()).expect(200)).body.items).toEqual([]);

    await partnerWriter.as.put(presence()).expect(200);
    clock.set(new Date('2026-11-24T09:00:46Z')); // no heartbeat for longer than the lapse time
    expect((await writer.as.get(presence()).expect(200)).body.items).toEqual([]);
  });

  it('shows as editing only those who may write the section; readers may still see who is', async () => {
    const leadViewer = await makeUser(t, { organizationId: lead.id, role: 'viewer', name: 'Viewer Chan' });
    const partnerColleague = await makeUser(t, { organizationId: partner.id, name: 'Partner Colleague' });
    const notTheirs = (await makeSection(writer, submissionId, { title: 'Legal aid', assigneeId: writer.user.id })).id;
    const presenceOf = (id: string) => `/api/v1/submissions/${submissionId}/sections/${id}/presence`;

    await leadViewer.as.put(presence()).expect(403);
    await partnerWriter.as.put(presenceOf(notTheirs)).expect(403);
    await partnerColleague.as.put(presence()).expect(200); // a section assigned to their organisation
    expect((await leadViewer.as.get(presenceOf(notTheirs)).expect(200)).body.items).toEqual([]);
    const seen = (await leadViewer.as.get(presence()).expect(200)).body.items;
    expect(seen.map((p: { user: { name: string } }) => p.user.name)).toEqual(['Partner Colleague']);
    await partnerColleague.as.delete(presence()).expect(204);
  });

  it('keeps presence to people who can read the submission', async () => {
    await outsider.as.put(presence()).expect(404);
    await outsider.as.get(presence()).expect(404);
    await writer.as.put(`/api/v1/submissions/${submissionId}/sections/${crypto.randomUUID()}/presence`).expect(404);
  });

  it('offers the people who can read the submission to mention, participants first', async () => {
    const all = await writer.as.get(`/api/v1/submissions/${submissionId}/people`).expect(200);
    const names: string[] = all.body.items.map((p: { name: string }) => p.name);
    expect(names).toContain('Dara Sok');
    expect(names).toContain('Sophea Lim');
    expect(names).not.toContain('Outsider Person');
    expect(names).toContain('Yan Lay'); // yourself too: you may take a section
    expect(names.indexOf('Dara Sok')).toBeLessThan(names.indexOf('Sophea Lim'));
    expect(all.body.items.find((p: { name: string }) => p.name === 'Dara Sok').organization.name).toBe(
      'Legal Aid of Cambodia',
    );

    const searched = await writer.as.get(`/api/v1/submissions/${submissionId}/people?q=dara`).expect(200);
    expect(searched.body.items.map((p: { name: string }) => p.name)).toEqual(['Dara Sok']);
    await outsider.as.get(`/api/v1/submissions/${submissionId}/people`).expect(404);
    await writer.as.get(`/api/v1/submissions/${submissionId}/people?q=${'x'.repeat(101)}`).expect(400);
  });

  it('tells each reader whether they may save a section’s text', async () => {
    const section = await makeSection(writer, submissionId, { title: 'Findings' });
    const url = `/api/v1/submissions/${submissionId}/sections/${section.id}`;
    const may = async (actor: Actor) => (await actor.as.get(url).expect(200)).body.canEditText;
    expect(await may(writer)).toBe(true); // the lead's staff
    expect(await may(coordinator)).toBe(true);
    expect(await may(partnerWriter)).toBe(false); // a partner, before the section is theirs
    await writer.as.patch(url).send({ assigneeId: partnerWriter.user.id, version: 1 }).expect(200);
    expect(await may(partnerWriter)).toBe(true);
    const list = await partnerWriter.as.get(`/api/v1/submissions/${submissionId}/sections`).expect(200);
    const flags = Object.fromEntries(
      list.body.items.map((s: { title: string; canEditText: boolean }) => [s.title, s.canEditText]),
    );
    expect(flags).toMatchObject({ Findings: true, Diversion: false });
  });

  it('shows everyone who can read the submission what was done to it and its sections', async () => {
    const history = await partnerWriter.as.get(`/api/v1/submissions/${submissionId}/activity`).expect(200);
    const actions: string[] = history.body.items.map((a: { action: string }) => a.action);
    expect(actions).toContain('submission.created');
    expect(actions).toContain('section.created');
    await outsider.as.get(`/api/v1/submissions/${submissionId}/activity`).expect(404);
  });

  it('writes a mention in each reader’s own language', async () => {
    const khmerReader = await makeUser(t, { organizationId: partner.id, name: 'Sokha Chea', language: 'km' });
    await writer.as
      .post(`/api/v1/submissions/${submissionId}/sections/${sectionId}/comments`)
      .send({ body: 'Please check the figures', mentionedUserIds: [khmerReader.user.id, partnerWriter.user.id] })
      .expect(201);
    const [khmer] = (await khmerReader.as.get('/api/v1/notifications').expect(200)).body.items;
    expect(khmer.title).toBe('Yan Lay បានលើកឡើងពីអ្នកនៅក្នុង «Diversion»');
    const [english] = (await partnerWriter.as.get('/api/v1/notifications').expect(200)).body.items;
    expect(english.title).toBe('Yan Lay mentioned you in "Diversion"');
  });

  it('lists submissions by their nearest open deadline and filters by due time', async () => {
    const later = await makeSubmission(coordinator, { leadOrganizationId: lead.id, title: 'OECD response' });
    const sooner = await makeSubmission(coordinator, { leadOrganizationId: lead.id, title: 'CRC comment' });
    await makeDeadline(coordinator, {
      subjectType: 'submission',
      subjectId: later.id,
      title: 'Send to the OECD',
      dueAt: '2027-03-01T10:00:00Z',
    });
    await makeDeadline(coordinator, {
      subjectType: 'submission',
      subjectId: sooner.id,
      title: 'Send to the CRC',
      dueAt: '2027-01-15T10:00:00Z',
    });

    const byDeadline = await coordinator.as
      .get(`/api/v1/submissions?sort=deadline&leadOrganizationId=${lead.id}`)
      .expect(200);
    const ids: string[] = byDeadline.body.items.map((s: { id: string }) => s.id);
    expect(ids.slice(0, 2)).toEqual([sooner.id, later.id]);
    expect(byDeadline.body.items[0].nextDeadline).toMatchObject({
      title: 'Send to the CRC',
      dueAt: '2027-01-15T10:00:00.000Z',
    });
    expect(byDeadline.body.items.find((s: { id: string }) => s.id === submissionId).nextDeadline).toBeNull();

    const due = await coordinator.as
      .get(`/api/v1/submissions?dueBefore=2027-02-01T00:00:00Z&leadOrganizationId=${lead.id}`)
      .expect(200);
    expect(due.body.items.map((s: { id: string }) => s.id)).toEqual([sooner.id]);
    await coordinator.as.get('/api/v1/submissions?dueBefore=soon').expect(400);
    await coordinator.as.get('/api/v1/submissions?sort=title').expect(400);
  });
});
