import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type request from 'supertest';
import { AccessService } from '../src/access/access.service.js';
import type { Organization } from '../src/organizations/organization.entity.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { binary, makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('submission visibility: participants see it, outsiders get 404 everywhere', () => {
  let t: TestApp;
  let lead: Organization;
  let partner: Organization;
  let other: Organization;
  let coordinator: Actor;
  let admin: Actor;
  let leadMember: Actor;
  let partnerMember: Actor;
  let leadViewer: Actor;
  let outsider: Actor;
  let outsiderViewer: Actor;
  let orgless: Actor;
  let ids: { submission: string; section: string; comment: string; endorsement: string; snapshot: string };

  beforeAll(async () => {
    t = await startTestApp();
    lead = await makeOrganization(t);
    partner = await makeOrganization(t);
    other = await makeOrganization(t);
    coordinator = await makeUser(t, { role: 'coordinator' });
    admin = await makeUser(t, { role: 'admin' });
    leadMember = await makeUser(t, { organizationId: lead.id });
    partnerMember = await makeUser(t, { organizationId: partner.id });
    leadViewer = await makeUser(t, { organizationId: lead.id, role: 'viewer' });
    outsider = await makeUser(t, { organizationId: other.id });
    outsiderViewer = await makeUser(t, { organizationId: other.id, role: 'viewer' });
    orgless = await makeUser(t);

    const submission = await makeSubmission(coordinator, {
      leadOrganizationId: lead.id,
      partnerOrganizationIds: [partner.id],
      visibility: 'participants',
      title: 'Confidential alternative report',
      kind: 'alternative_report',
      telegramChatId: '-1001234567890',
    });
    const section = await makeSection(leadMember, submission.id, {
      title: 'Juvenile detention',
      body: 'Sensitive findings',
    });
    const comment = await partnerMember.as
      .post(`/api/v1/submissions/${submission.id}/sections/${section.id}/comments`)
      .send({ body: 'Check figures' })
      .expect(201);
    const endorsement = await partnerMember.as
      .post(`/api/v1/submissions/${submission.id}/endorsements`)
      .send({})
      .expect(201);
    const snapshot = await coordinator.as
      .post(`/api/v1/submissions/${submission.id}/snapshots`)
      .send({ name: 'Round 1' })
      .expect(201);
    await leadMember.as
      .patch(`/api/v1/submissions/${submission.id}/sections/${section.id}`)
      .send({ version: 1, body: 'Sensitive findings, revised' })
      .expect(200);
    ids = {
      submission: submission.id,
      section: section.id,
      comment: comment.body.id,
      endorsement: endorsement.body.id,
      snapshot: snapshot.body.id,
    };
  });
  afterAll(() => t.close());

  /** Every route of the submission, with a valid request so only access decides the answer. */
  function routes(actor: Actor): [string, () => request.Test][] {
    const s = `/api/v1/submissions/${ids.submission}`;
    const sec = `${s}/sections/${ids.section}`;
    const com = `${sec}/comments/${ids.comment}`;
    return [
      ['GET submission', () => actor.as.get(s)],
      ['PATCH submission', () => actor.as.patch(s).send({ language: 'fr' })],
      ['DELETE submission', () => actor.as.delete(s)],
      ['GET word-count', () => actor.as.get(`${s}/word-count`)],
      ['POST transition', () => actor.as.post(`${s}/transitions`).send({ to: 'drafting' })],
      ['GET sections', () => actor.as.get(`${s}/sections`)],
      ['POST section', () => actor.as.post(`${s}/sections`).send({ title: 'x' })],
      ['POST reorder', () => actor.as.post(`${s}/sections/reorder`).send({ sectionIds: [ids.section] })],
      ['GET section', () => actor.as.get(sec)],
      ['PATCH section', () => actor.as.patch(sec).send({ version: 2, body: 'overwrite' })],
      ['DELETE section', () => actor.as.delete(sec)],
      ['GET revisions', () => actor.as.get(`${sec}/revisions`)],
      ['GET revision', () => actor.as.get(`${sec}/revisions/1`)],
      ['GET diff', () => actor.as.get(`${sec}/revisions/diff?from=1&to=2`)],
      ['GET comments', () => actor.as.get(`${sec}/comments`)],
      ['POST comment', () => actor.as.post(`${sec}/comments`).send({ body: 'hello' })],
      ['PATCH comment', () => actor.as.patch(com).send({ body: 'edit' })],
      ['POST resolve', () => actor.as.post(`${com}/resolve`)],
      ['POST reopen', () => actor.as.post(`${com}/reopen`)],
      ['DELETE comment', () => actor.as.delete(com)],
      ['GET endorsements', () => actor.as.get(`${s}/endorsements`)],
      ['POST endorsement', () => actor.as.post(`${s}/endorsements`).send({})],
      ['DELETE endorsement', () => actor.as.delete(`${s}/endorsements/${ids.endorsement}`)],
      ['GET document md', () => actor.as.get(`${s}/document?format=md`)],
      ['GET document docx', () => actor.as.get(`${s}/document?format=docx`).buffer(true).parse(binary)],
      ['GET snapshots', () => actor.as.get(`${s}/snapshots`)],
      ['POST snapshot', () => actor.as.post(`${s}/snapshots`).send({ name: 'peek' })],
      ['GET snapshot', () => actor.as.get(`${s}/snapshots/${ids.snapshot}`)],
    ];
  }

  it.each([
    ['a member of another organisation', () => outsider],
    ['a viewer of another organisation', () => outsiderViewer],
    ['a user without an organisation', () => orgless],
  ])('%s gets 404 on every route, and the list does not show it', async (_label, who) => {
    const actor = who();
    const answers: Record<string, number> = {};
    for (const [name, send] of routes(actor)) answers[name] = (await send()).status;
    expect(answers).toEqual(Object.fromEntries(routes(actor).map(([name]) => [name, 404])));
    const list = await actor.as.get('/api/v1/submissions').expect(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).not.toContain(ids.submission);
    const search = await actor.as.get('/api/v1/submissions?q=Sensitive').expect(200);
    expect(search.body.total).toBe(0);
  });

  it('lead and partner members, coordinators and admins see it and its parts', async () => {
    for (const actor of [leadMember, partnerMember, coordinator, admin, leadViewer]) {
      await actor.as.get(`/api/v1/submissions/${ids.submission}`).expect(200);
      await actor.as.get(`/api/v1/submissions/${ids.submission}/sections/${ids.section}/revisions`).expect(200);
      await actor.as.get(`/api/v1/submissions/${ids.submission}/sections/${ids.section}/comments`).expect(200);
      await actor.as.get(`/api/v1/submissions/${ids.submission}/document`).expect(200);
      const list = await actor.as.get('/api/v1/submissions').expect(200);
      expect(list.body.items.map((s: { id: string }) => s.id)).toContain(ids.submission);
    }
  });

  it('a viewer of a participating organisation reads but changes nothing (403)', async () => {
    const s = `/api/v1/submissions/${ids.submission}`;
    await leadViewer.as.patch(s).send({ language: 'fr' }).expect(403);
    await leadViewer.as.post(`${s}/sections`).send({ title: 'x' }).expect(403);
    await leadViewer.as.patch(`${s}/sections/${ids.section}`).send({ version: 2, body: 'x' }).expect(403);
    await leadViewer.as.post(`${s}/sections/${ids.section}/comments`).send({ body: 'x' }).expect(403);
    await leadViewer.as.post(`${s}/endorsements`).send({}).expect(403);
    await leadViewer.as.post(`${s}/transitions`).send({ to: 'drafting' }).expect(403);
  });

  it("the lead organisation's members edit its details (a partner's may not); only coordinators archive", async () => {
    const s = `/api/v1/submissions/${ids.submission}`;
    await partnerMember.as.patch(s).send({ sessionReference: 'Combined 4th-6th periodic reports' }).expect(403);
    await leadMember.as.patch(s).send({ sessionReference: 'Combined 4th-6th periodic reports' }).expect(200);
    await partnerMember.as.delete(s).expect(403);
  });

  it('a network-wide submission is readable by everyone signed in, editable only by participants', async () => {
    const open = await makeSubmission(coordinator, {
      leadOrganizationId: lead.id,
      visibility: 'network',
      title: 'Open OECD response',
    });
    const section = await makeSection(leadMember, open.id, { title: 'Summary' });
    for (const actor of [outsider, outsiderViewer, orgless]) {
      await actor.as.get(`/api/v1/submissions/${open.id}`).expect(200);
      await actor.as.get(`/api/v1/submissions/${open.id}/sections/${section.id}/revisions`).expect(200);
      await actor.as.get(`/api/v1/submissions/${open.id}/document`).expect(200);
    }
    await outsider.as
      .patch(`/api/v1/submissions/${open.id}/sections/${section.id}`)
      .send({ version: 1, body: 'x' })
      .expect(403);
    await outsider.as.patch(`/api/v1/submissions/${open.id}`).send({ language: 'fr' }).expect(403);
    await outsider.as
      .post(`/api/v1/submissions/${open.id}/sections/${section.id}/comments`)
      .send({ body: 'A view from outside' })
      .expect(201);
    await outsider.as.post(`/api/v1/submissions/${open.id}/endorsements`).send({}).expect(201);
    await unknown404();
  });

  async function unknown404() {
    await coordinator.as.get('/api/v1/submissions/3f2504e0-4f89-41d3-9a0c-0305e82c3301').expect(404);
    await coordinator.as
      .get(`/api/v1/submissions/${ids.submission}/sections/3f2504e0-4f89-41d3-9a0c-0305e82c3301`)
      .expect(404);
    await coordinator.as.get('/api/v1/submissions/not-a-uuid').expect(400);
  }

  it('a section of one submission is not reachable through another', async () => {
    const mine = await makeSubmission(leadMember, { leadOrganizationId: lead.id, visibility: 'network' });
    await leadMember.as.get(`/api/v1/submissions/${mine.id}/sections/${ids.section}`).expect(404);
    await leadMember.as.get(`/api/v1/submissions/${mine.id}/sections/${ids.section}/revisions`).expect(404);
    await leadMember.as.get(`/api/v1/submissions/${mine.id}/sections/${ids.section}/comments`).expect(404);
    await leadMember.as
      .patch(`/api/v1/submissions/${mine.id}/sections/${ids.section}`)
      .send({ version: 2, body: 'x' })
      .expect(404);
  });

  it('describes submissions and sections for reminders', async () => {
    const access = t.app.get(AccessService);
    const info = (await access.describe('submission', [ids.submission])).get(ids.submission)!;
    expect(info).toMatchObject({
      title: 'Confidential alternative report',
      path: `/submissions/${ids.submission}`,
      ownerUserIds: [coordinator.user.id],
      telegramChatId: '-1001234567890',
    });
    expect(info.organizationIds.sort()).toEqual([lead.id, partner.id].sort());
    const section = (await access.describe('section', [ids.section])).get(ids.section)!;
    expect(section).toMatchObject({
      title: 'Confidential alternative report: Juvenile detention',
      telegramChatId: '-1001234567890',
    });
    const allowed = await access.allowedIds(outsider.user, 'section', [ids.section]);
    expect(allowed.size).toBe(0);
  });

  describe('a co-drafting partner member cannot widen or reshape who takes part in a participants-only submission', () => {
    let id: string;
    beforeAll(async () => {
      const s = await makeSubmission(coordinator, {
        leadOrganizationId: lead.id,
        partners: [{ organizationId: partner.id, requiredSigner: true }],
        visibility: 'participants',
        title: 'Confidential alternative report on juvenile detention',
      });
      id = s.id;
    });

    it('visibility, partners, owner and descriptive fields are refused (403) and nothing changes', async () => {
      const s = `/api/v1/submissions/${id}`;
      await partnerMember.as.patch(s).send({ visibility: 'network' }).expect(403);
      await partnerMember.as
        .patch(s)
        .send({ partnerOrganizationIds: [partner.id, other.id] })
        .expect(403);
      await partnerMember.as
        .patch(s)
        .send({ partners: [{ organizationId: partner.id, requiredSigner: false }] })
        .expect(403);
      await partnerMember.as.patch(s).send({ ownerId: partnerMember.user.id }).expect(403);
      await outsider.as.get(s).expect(404);
      const after = await coordinator.as.get(s).expect(200);
      expect(after.body.visibility).toBe('participants');
      expect(after.body.partners).toEqual([
        expect.objectContaining({ organizationId: partner.id, requiredSigner: true }),
      ]);
      await partnerMember.as.patch(s).send({ sessionReference: 'CRC 99th session' }).expect(403);
      expect(after.body.sessionReference).toBeNull();
    });

    it('the lead organisation’s members and coordinators may change them', async () => {
      const s = `/api/v1/submissions/${id}`;
      await leadMember.as
        .patch(s)
        .send({ partners: [{ organizationId: partner.id, requiredSigner: false }] })
        .expect(200);
      await coordinator.as
        .patch(s)
        .send({ partners: [{ organizationId: partner.id, requiredSigner: true }] })
        .expect(200);
    });
  });

  it('the owner of a submission (who gets its reminders) must be able to see it: an outsider or a viewer is refused', async () => {
    const viewer = await makeUser(t, { organizationId: lead.id, role: 'viewer' });
    const base = {
      leadOrganizationId: lead.id,
      partnerOrganizationIds: [partner.id],
      visibility: 'participants',
      title: 'Owner check',
    };
    const create = (ownerId: string) =>
      coordinator.as.post('/api/v1/submissions').send({ targetBody: 'UN CRC', kind: 'other', ...base, ownerId });
    expect((await create(outsider.user.id)).status).toBe(400);
    expect((await create(viewer.user.id)).status).toBe(400);
    const ok = await create(partnerMember.user.id).expect(201);
    expect(ok.body.ownerId).toBe(partnerMember.user.id);
    await coordinator.as.patch(`/api/v1/submissions/${ok.body.id}`).send({ ownerId: outsider.user.id }).expect(400);
    await coordinator.as.patch(`/api/v1/submissions/${ok.body.id}`).send({ ownerId: leadMember.user.id }).expect(200);
    await coordinator.as.patch(`/api/v1/submissions/${ok.body.id}`).send({ ownerId: coordinator.user.id }).expect(200);
    // Adding the outsider's organisation in the same request makes it a participant.
    await coordinator.as
      .patch(`/api/v1/submissions/${ok.body.id}`)
      .send({ ownerId: outsider.user.id, partnerOrganizationIds: [partner.id, other.id] })
      .expect(200);
  });

  it('reminder recipients of a submission or section (describe) never include an owner or assignee who can no longer see it', async () => {
    const sub = await makeSubmission(coordinator, {
      leadOrganizationId: lead.id,
      partnerOrganizationIds: [partner.id],
      visibility: 'participants',
      title: 'Shadow report',
      ownerId: partnerMember.user.id,
    });
    const section = await makeSection(coordinator, sub.id, { title: 'Detention', assigneeId: partnerMember.user.id });
    const access = t.app.get(AccessService);
    expect((await access.describe('submission', [sub.id])).get(sub.id)!.ownerUserIds).toEqual([partnerMember.user.id]);
    expect((await access.describe('section', [section.id])).get(section.id)!.ownerUserIds).toContain(
      partnerMember.user.id,
    );
    // The partner leaves the drafting group: its staff no longer see the submission, so they get no reminders about it.
    await coordinator.as.patch(`/api/v1/submissions/${sub.id}`).send({ partnerOrganizationIds: [] }).expect(200);
    await partnerMember.as.get(`/api/v1/submissions/${sub.id}`).expect(404);
    expect((await access.describe('submission', [sub.id])).get(sub.id)!.ownerUserIds).toEqual([]);
    expect((await access.describe('section', [section.id])).get(section.id)!.ownerUserIds).not.toContain(
      partnerMember.user.id,
    );
  });
});
