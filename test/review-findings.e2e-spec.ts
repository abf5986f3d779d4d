import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AccessService } from '../src/access/access.service.js';
import type { Organization } from '../src/organizations/organization.entity.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { makeOpportunity } from './support/opportunity-factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Findings of the review of the opportunities and submissions modules, each pinned by a test. */
describe('review findings', () => {
  let t: TestApp;
  let lead: Organization;
  let partner: Organization;
  let other: Organization;
  let coordinator: Actor;
  let leadMember: Actor;
  let partnerMember: Actor;
  let outsider: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    lead = await makeOrganization(t);
    partner = await makeOrganization(t);
    other = await makeOrganization(t);
    coordinator = await makeUser(t, { role: 'coordinator' });
    leadMember = await makeUser(t, { organizationId: lead.id });
    partnerMember = await makeUser(t, { organizationId: partner.id });
    outsider = await makeUser(t, { organizationId: other.id });
  });
  afterAll(() => t.close());

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

    it('visibility, partners and owner are refused (403) and nothing changes; descriptive fields still save', async () => {
      const s = `/api/v1/submissions/${id}`;
      await partnerMember.as.patch(s).send({ visibility: 'network' }).expect(403);
      await partnerMember.as.patch(s).send({ partnerOrganizationIds: [partner.id, other.id] }).expect(403);
      await partnerMember.as.patch(s).send({ partners: [{ organizationId: partner.id, requiredSigner: false }] }).expect(403);
      await partnerMember.as.patch(s).send({ ownerId: partnerMember.user.id }).expect(403);
      await outsider.as.get(s).expect(404);
      const after = await coordinator.as.get(s).expect(200);
      expect(after.body.visibility).toBe('participants');
      expect(after.body.partners).toEqual([expect.objectContaining({ organizationId: partner.id, requiredSigner: true })]);
      await partnerMember.as.patch(s).send({ sessionReference: 'CRC 99th session' }).expect(200);
    });

    it('the lead organisation’s members and coordinators may change them', async () => {
      const s = `/api/v1/submissions/${id}`;
      await leadMember.as.patch(s).send({ partners: [{ organizationId: partner.id, requiredSigner: false }] }).expect(200);
      await coordinator.as.patch(s).send({ partners: [{ organizationId: partner.id, requiredSigner: true }] }).expect(200);
    });
  });
  it('the owner of a submission (who gets its reminders) must be able to see it: an outsider or a viewer is refused', async () => {
    const viewer = await makeUser(t, { organizationId: lead.id, role: 'viewer' });
    const base = { leadOrganizationId: lead.id, partnerOrganizationIds: [partner.id], visibility: 'participants', title: 'Owner check' };
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
    await coordinator.as.patch(`/api/v1/submissions/${ok.body.id}`).send({ ownerId: outsider.user.id, partnerOrganizationIds: [partner.id, other.id] }).expect(200);
  });
  it('an archived (deleted) opportunity or submission is read-only: changes are 409, archiving again is still 204', async () => {
    const opp = await makeOpportunity(coordinator, { title: 'Archived call' });
    await coordinator.as.delete(`/api/v1/opportunities/${opp.id}`).expect(204);
    const o = `/api/v1/opportunities/${opp.id}`;
    expect((await coordinator.as.patch(o).send({ title: 'Revived' })).status).toBe(409);
    expect((await coordinator.as.post(`${o}/transitions`).send({ to: 'screening' })).status).toBe(409);
    expect((await coordinator.as.post(`${o}/partners`).send({ organizationId: lead.id, role: 'lead' })).status).toBe(409);
    expect((await coordinator.as.post(`${o}/checklist`).send({ title: 'x', required: true })).status).toBe(409);
    await coordinator.as.delete(o).expect(204);
    expect((await coordinator.as.get(o).expect(200)).body.title).toBe('Archived call');

    const sub = await makeSubmission(coordinator, { leadOrganizationId: lead.id, title: 'Archived submission' });
    const s = `/api/v1/submissions/${sub.id}`;
    const section = await makeSection(coordinator, sub.id);
    const comment = await coordinator.as.post(`${s}/sections/${section.id}/comments`).send({ body: 'before' }).expect(201);
    await coordinator.as.delete(s).expect(204);
    expect((await coordinator.as.patch(s).send({ title: 'Revived' })).status).toBe(409);
    expect((await coordinator.as.post(`${s}/sections`).send({ title: 'x' })).status).toBe(409);
    expect((await coordinator.as.post(`${s}/transitions`).send({ to: 'drafting' })).status).toBe(409);
    expect((await leadMember.as.post(`${s}/endorsements`).send({})).status).toBe(409);
    expect((await coordinator.as.post(`${s}/sections/${section.id}/comments`).send({ body: 'late' })).status).toBe(409);
    expect((await coordinator.as.post(`${s}/sections/${section.id}/comments/${comment.body.id}/resolve`)).status).toBe(409);
    await coordinator.as.delete(s).expect(204);
    const history = await coordinator.as.get(`/api/v1/activity?subjectId=${sub.id}`).expect(200);
    expect(history.body.items.map((a: { action: string }) => a.action)).toEqual(['submission.archived', 'submission.created']);
    await coordinator.as.get(`${s}/sections/${section.id}/comments`).expect(200);
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
    expect((await access.describe('section', [section.id])).get(section.id)!.ownerUserIds).toContain(partnerMember.user.id);
    // The partner leaves the drafting group: its staff no longer see the submission, so they get no reminders about it.
    await coordinator.as.patch(`/api/v1/submissions/${sub.id}`).send({ partnerOrganizationIds: [] }).expect(200);
    await partnerMember.as.get(`/api/v1/submissions/${sub.id}`).expect(404);
    expect((await access.describe('submission', [sub.id])).get(sub.id)!.ownerUserIds).toEqual([]);
    expect((await access.describe('section', [section.id])).get(section.id)!.ownerUserIds).not.toContain(partnerMember.user.id);
  });
  it('reminder recipients of a participants-only opportunity drop an owner who is no longer a coordinator and takes no part', async () => {
    const owner = await makeUser(t, { role: 'coordinator' });
    const opp = await makeOpportunity(coordinator, { title: 'Confidential consortium', visibility: 'participants' });
    await coordinator.as.patch(`/api/v1/opportunities/${opp.id}`).send({ ownerId: owner.user.id }).expect(200);
    const access = t.app.get(AccessService);
    expect((await access.describe('opportunity', [opp.id])).get(opp.id)!.ownerUserIds).toEqual([owner.user.id]);
    await t.db.query(`UPDATE users SET role = 'member', organization_id = $2 WHERE id = $1`, [owner.user.id, other.id]);
    expect((await access.describe('opportunity', [opp.id])).get(opp.id)!.ownerUserIds).toEqual([]);
  });
  it('editing a comment to add an @mention notifies the newly mentioned user once (and never an outsider)', async () => {
    const sub = await makeSubmission(coordinator, { leadOrganizationId: lead.id, partnerOrganizationIds: [partner.id], visibility: 'participants' });
    const section = await makeSection(coordinator, sub.id, { title: 'Diversion' });
    const c = `/api/v1/submissions/${sub.id}/sections/${section.id}/comments`;
    const comment = await leadMember.as.post(c).send({ body: 'Figures needed' }).expect(201);
    const inbox = async (who: Actor) => (await who.as.get('/api/v1/notifications').expect(200)).body.items.filter((n: { kind: string; subjectId: string }) => n.kind === 'mention' && n.subjectId === section.id);
    expect(await inbox(partnerMember)).toHaveLength(0);
    const edited = await leadMember.as
      .patch(`${c}/${comment.body.id}`)
      .send({ body: `Figures needed @${partnerMember.user.email} and @${outsider.user.email}` })
      .expect(200);
    expect(edited.body.mentions.map((m: { id: string }) => m.id)).toEqual([partnerMember.user.id]);
    expect(await inbox(partnerMember)).toHaveLength(1);
    expect(await inbox(outsider)).toHaveLength(0);
    await leadMember.as.patch(`${c}/${comment.body.id}`).send({ body: `Figures needed @${partnerMember.user.email}, thanks` }).expect(200);
    expect(await inbox(partnerMember)).toHaveLength(1);
  });
});
