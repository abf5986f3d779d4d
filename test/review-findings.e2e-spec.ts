import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Organization } from '../src/organizations/organization.entity.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { makeSubmission } from './support/submission-factories.js';
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
});
