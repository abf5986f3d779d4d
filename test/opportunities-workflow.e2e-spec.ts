import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Opportunity } from '../src/opportunities/opportunity.entity.js';
import { STAGES, TRANSITIONS } from '../shared/opportunity.workflow.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { addItem, addPartner, makeOpportunity, tempUploadDir } from './support/opportunity-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('opportunity pipeline', () => {
  let t: TestApp;
  let coordinator: Actor;
  let lead: { id: string };
  let partnerOrg: { id: string; name: string };

  beforeAll(async () => {
    t = await startTestApp({ overrides: { uploadDir: tempUploadDir() } });
    coordinator = await makeUser(t, { role: 'coordinator' });
    lead = await makeOrganization(t, { name: 'Child Justice Network' });
    partnerOrg = await makeOrganization(t, { name: 'Legal Aid of Cambodia' });
  });
  afterAll(() => t.close());

  const move = (id: string, body: Record<string, unknown>) =>
    coordinator.as.post(`/api/v1/opportunities/${id}/transitions`).send(body);

  it('walks identified → screening → preparing → submitted → awarded → reporting → closed', async () => {
    const opp = await makeOpportunity(coordinator, {
      title: 'EU CSO-LA: access to justice for children',
      currency: 'EUR',
    });
    expect(opp.stage).toBe('identified');
    const p = await addPartner(coordinator, opp.id, {
      organizationId: lead.id,
      role: 'lead',
      budgetAmount: '120000',
      budgetCurrency: 'EUR',
    });
    const item = await addItem(coordinator, opp.id, { title: 'Concept note', partnerId: p.id });

    for (const to of ['screening', 'preparing'] as const) {
      const res = await move(opp.id, { to });
      expect(res.status).toBe(200);
      expect(res.body.stage).toBe(to);
    }
    await coordinator.as
      .patch(`/api/v1/opportunities/${opp.id}/partners/${p.id}`)
      .send({ status: 'confirmed' })
      .expect(200);
    await coordinator.as
      .patch(`/api/v1/opportunities/${opp.id}/checklist/${item.id}`)
      .send({ status: 'done' })
      .expect(200);
    const detail = await coordinator.as.get(`/api/v1/opportunities/${opp.id}`).expect(200);
    expect(detail.body.readiness).toEqual({ readyToSubmit: true, blockers: [], problems: [] });

    expect((await move(opp.id, { to: 'submitted' })).status).toBe(200);
    // Awarded asks for the awarded amount…
    const noAmount = await move(opp.id, { to: 'awarded' });
    expect(noAmount.status).toBe(400);
    expect(noAmount.body.message).toMatch(/awardedAmount/);
    const awarded = await move(opp.id, { to: 'awarded', awardedAmount: '115000.00' });
    expect(awarded.status).toBe(200);
    expect(awarded.body).toMatchObject({ stage: 'awarded', awardedAmount: '115000.00', awardedCurrency: 'EUR' });
    // …and opens reporting.
    expect((await move(opp.id, { to: 'reporting' })).body.stage).toBe('reporting');
    expect((await move(opp.id, { to: 'closed', reason: 'Final report accepted' })).body.stage).toBe('closed');

    const history = await coordinator.as.get(`/api/v1/opportunities/${opp.id}/activity?limit=100`).expect(200);
    const actions = history.body.items.map((a: { action: string }) => a.action);
    expect(actions.filter((a: string) => a === 'opportunity.transitioned')).toHaveLength(6);
    expect(actions).toEqual(
      expect.arrayContaining([
        'opportunity.created',
        'partner.invited',
        'partner.confirmed',
        'checklistItem.created',
        'checklistItem.done',
      ]),
    );
    const closed = history.body.items.find((a: { summary: string }) => a.summary.includes('to closed'));
    expect(closed.changes).toMatchObject({ stage: ['reporting', 'closed'], reason: 'Final report accepted' });
  });

  it('answers 409 with a reason for every move the workflow does not allow, and changes nothing', async () => {
    const opp = await makeOpportunity(coordinator);
    const repo = t.db.getRepository(Opportunity);
    let refused = 0;
    for (const from of STAGES) {
      await repo.update(opp.id, { stage: from });
      for (const to of STAGES) {
        if (TRANSITIONS[from].includes(to)) continue;
        const res = await move(opp.id, { to, awardedAmount: '1.00' });
        expect({ from, to, status: res.status }).toEqual({ from, to, status: 409 });
        expect(res.body.error).toBe('Conflict');
        expect(res.body.message).toMatch(from === to ? /already in/ : new RegExp(`${from}.*${to}`));
        refused += 1;
      }
      expect((await repo.findOneByOrFail({ id: opp.id })).stage).toBe(from);
    }
    expect(refused).toBeGreaterThan(80);
  });

  it('refuses an unknown stage as bad input (400), not as a workflow conflict', async () => {
    const opp = await makeOpportunity(coordinator);
    const res = await move(opp.id, { to: 'won' });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('to');
  });

  describe('submit guard', () => {
    async function preparedWithGaps() {
      const opp = await makeOpportunity(coordinator, { title: `Guarded ${Math.random()}` });
      const l = await addPartner(coordinator, opp.id, { organizationId: lead.id, role: 'lead', status: 'confirmed' });
      const p = await addPartner(coordinator, opp.id, { organizationId: partnerOrg.id, role: 'co_applicant' });
      await addItem(coordinator, opp.id, { title: 'Audited accounts 2024', partnerId: p.id });
      await addItem(coordinator, opp.id, { title: 'CVs of key staff', partnerId: l.id, status: 'waived' });
      await addItem(coordinator, opp.id, { title: 'Photos', required: false });
      await move(opp.id, { to: 'screening' }).expect(200);
      await move(opp.id, { to: 'preparing' }).expect(200);
      return { opp, p };
    }

    it('blocks submission while a partner has not confirmed or a required item is open, naming each', async () => {
      const { opp } = await preparedWithGaps();
      const res = await move(opp.id, { to: 'submitted' });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/Not ready to submit/);
      expect(res.body.message).toContain('Legal Aid of Cambodia has not confirmed (status invited)');
      expect(res.body.message).toContain(
        'Required checklist item "Audited accounts 2024" (Legal Aid of Cambodia) is not done',
      );
      expect(res.body.message).not.toContain('CVs');
      expect(res.body.message).not.toContain('Photos');
      expect(res.body.details.blockers).toHaveLength(2);
      expect((await coordinator.as.get(`/api/v1/opportunities/${opp.id}`)).body.stage).toBe('preparing');
    });

    it('lets a coordinator override with a reason, and records the reason and what was overridden', async () => {
      const { opp } = await preparedWithGaps();
      const noReason = await move(opp.id, { to: 'submitted', override: true });
      expect(noReason.status).toBe(400);
      expect(noReason.body.message).toMatch(/reason/);

      const res = await move(opp.id, {
        to: 'submitted',
        override: true,
        reason: 'LAC confirmed by e-mail; accounts follow after the deadline',
      });
      expect(res.status).toBe(200);
      expect(res.body.stage).toBe('submitted');
      const history = await coordinator.as.get(`/api/v1/opportunities/${opp.id}/activity`).expect(200);
      const entry = history.body.items.find(
        (a: { action: string }) => a.action === 'opportunity.transition_overridden',
      );
      expect(entry.actorId).toBe(coordinator.user.id);
      expect(entry.changes.override.reason).toBe('LAC confirmed by e-mail; accounts follow after the deadline');
      expect(entry.changes.override.blockers).toHaveLength(2);
    });

    it('opens once the partner confirms and the item is done', async () => {
      const { opp, p } = await preparedWithGaps();
      const partnerMember = await makeUser(t, { role: 'member', organizationId: partnerOrg.id });
      await partnerMember.as
        .patch(`/api/v1/opportunities/${opp.id}/partners/${p.id}`)
        .send({ status: 'confirmed' })
        .expect(200);
      const items = await partnerMember.as.get(`/api/v1/opportunities/${opp.id}/checklist`).expect(200);
      const audited = items.body.items.find((i: { title: string }) => i.title.startsWith('Audited'));
      await partnerMember.as
        .patch(`/api/v1/opportunities/${opp.id}/checklist/${audited.id}`)
        .send({ status: 'done' })
        .expect(200);
      expect((await move(opp.id, { to: 'submitted' })).status).toBe(200);
    });

    it('requires exactly one lead', async () => {
      const opp = await makeOpportunity(coordinator);
      await addPartner(coordinator, opp.id, {
        organizationId: partnerOrg.id,
        role: 'co_applicant',
        status: 'confirmed',
      });
      await t.db.getRepository(Opportunity).update(opp.id, { stage: 'preparing' });
      const res = await move(opp.id, { to: 'submitted' });
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('no lead partner');
    });
  });

  it('lets only coordinators move the pipeline', async () => {
    const opp = await makeOpportunity(coordinator);
    const member = await makeUser(t, { role: 'member', organizationId: lead.id });
    const res = await member.as.post(`/api/v1/opportunities/${opp.id}/transitions`).send({ to: 'screening' });
    expect(res.status).toBe(403);
  });

  it('an archived (deleted) opportunity is read-only: changes are 409, archiving again is still 204', async () => {
    const opp = await makeOpportunity(coordinator, { title: 'Archived call' });
    await coordinator.as.delete(`/api/v1/opportunities/${opp.id}`).expect(204);
    const o = `/api/v1/opportunities/${opp.id}`;
    expect((await coordinator.as.patch(o).send({ title: 'Revived' })).status).toBe(409);
    expect((await coordinator.as.post(`${o}/transitions`).send({ to: 'screening' })).status).toBe(409);
    expect((await coordinator.as.post(`${o}/partners`).send({ organizationId: lead.id, role: 'lead' })).status).toBe(
      409,
    );
    expect((await coordinator.as.post(`${o}/checklist`).send({ title: 'x', required: true })).status).toBe(409);
    await coordinator.as.delete(o).expect(204);
    expect((await coordinator.as.get(o).expect(200)).body.title).toBe('Archived call');
  });
});
