import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type request from 'supertest';
import { AccessService } from '../src/access/access.service.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { addItem, addPartner, makeOpportunity, PDF_BYTES, tempUploadDir } from './support/opportunity-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Who sees and changes a `participants` opportunity: coordinators everything; members of the
 * lead and partner organisations read it and change only their own partner row and items;
 * an outsider member and a viewer of no partner organisation get 404 for everything.
 */
describe('opportunity visibility matrix', () => {
  let t: TestApp;
  const actors: Record<string, Actor> = {};
  let opp: { id: string; title: string };
  let network: { id: string };
  let leadPartner: { id: string };
  let otherPartner: { id: string };
  let leadItem: { id: string };
  let otherItem: { id: string };
  let networkPartner: { id: string };

  beforeAll(async () => {
    t = await startTestApp({ overrides: { uploadDir: tempUploadDir() } });
    const leadOrg = await makeOrganization(t, { name: 'Child Justice Network Secretariat' });
    const partnerOrg = await makeOrganization(t, { name: 'Legal Aid of Cambodia' });
    const outsiderOrg = await makeOrganization(t, { name: 'Unrelated NGO' });
    actors.coordinator = await makeUser(t, { role: 'coordinator' });
    actors.leadMember = await makeUser(t, { role: 'member', organizationId: leadOrg.id });
    actors.partnerMember = await makeUser(t, { role: 'member', organizationId: partnerOrg.id });
    actors.outsider = await makeUser(t, { role: 'member', organizationId: outsiderOrg.id });
    actors.viewer = await makeUser(t, { role: 'viewer' });
    const c = actors.coordinator;

    opp = await makeOpportunity(c, {
      title: 'Confidential: UNICEF child-justice consortium',
      visibility: 'participants',
    });
    leadPartner = await addPartner(c, opp.id, { organizationId: leadOrg.id, role: 'lead' });
    otherPartner = await addPartner(c, opp.id, { organizationId: partnerOrg.id, role: 'co_applicant' });
    leadItem = await addItem(c, opp.id, { title: 'Lead budget', partnerId: leadPartner.id });
    otherItem = await addItem(c, opp.id, { title: 'LAC registration', partnerId: otherPartner.id });
    for (const item of [leadItem, otherItem]) {
      await c.as
        .post(`/api/v1/opportunities/${opp.id}/checklist/${item.id}/file`)
        .attach('file', PDF_BYTES, 'doc.pdf')
        .expect(201);
    }

    network = await makeOpportunity(c, { title: 'Open call shared with the network', visibility: 'network' });
    networkPartner = await addPartner(c, network.id, { organizationId: outsiderOrg.id, role: 'lead' });
  });
  afterAll(() => t.close());

  const base = () => `/api/v1/opportunities/${opp.id}`;

  async function reads(actor: Actor) {
    const list = await actor.as.get('/api/v1/opportunities?limit=100');
    const csv = await actor.as.get('/api/v1/opportunities/export.csv');
    return {
      read: (await actor.as.get(base())).status,
      listed: list.body.items.some((o: { id: string }) => o.id === opp.id),
      exported: csv.text.includes(opp.id),
      partners: (await actor.as.get(`${base()}/partners`)).status,
      partner: (await actor.as.get(`${base()}/partners/${otherPartner.id}`)).status,
      checklist: (await actor.as.get(`${base()}/checklist`)).status,
      item: (await actor.as.get(`${base()}/checklist/${otherItem.id}`)).status,
      activity: (await actor.as.get(`${base()}/activity`)).status,
      download: (await actor.as.get(`${base()}/checklist/${otherItem.id}/file`)).status,
    };
  }

  const visibleReads = {
    read: 200,
    listed: true,
    exported: true,
    partners: 200,
    partner: 200,
    checklist: 200,
    item: 200,
    activity: 200,
    download: 200,
  };
  const hidden = {
    read: 404,
    listed: false,
    exported: false,
    partners: 404,
    partner: 404,
    checklist: 404,
    item: 404,
    activity: 404,
    download: 404,
  };

  it.each([
    ['coordinator', visibleReads],
    ['leadMember', visibleReads],
    ['partnerMember', visibleReads],
    ['outsider', hidden],
    ['viewer', hidden],
  ])('%s: read, list, export, sub-resources and download', async (who, expected) => {
    expect(await reads(actors[who])).toEqual(expected);
  });

  it('serves the uploaded bytes to those who may see the opportunity', async () => {
    const res = await actors.partnerMember.as
      .get(`${base()}/checklist/${leadItem.id}/file`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="doc.pdf"/);
    expect(Buffer.compare(res.body as Buffer, PDF_BYTES)).toBe(0);
  });

  async function writes(actor: Actor) {
    const status = (r: request.Test) => r.then((res) => res.status);
    return {
      update: await status(actor.as.patch(base()).send({ description: `edited by ${actor.user.name}` })),
      // The coordinator runs last, so moving the opportunity on does not disturb the others.
      transition: await status(actor.as.post(`${base()}/transitions`).send({ to: 'screening' })),
      addPartner: await status(
        actor.as
          .post(`${base()}/partners`)
          .send({ organizationId: actor.user.organizationId ?? otherPartner.id, role: 'associate' }),
      ),
      ownPartnerStatus: await status(
        actor.as.patch(`${base()}/partners/${ownPartner(actor)}`).send({ status: 'confirmed' }),
      ),
      otherPartnerStatus: await status(
        actor.as.patch(`${base()}/partners/${foreignPartner(actor)}`).send({ status: 'declined' }),
      ),
      ownItem: await status(actor.as.patch(`${base()}/checklist/${ownItem(actor)}`).send({ status: 'done' })),
      otherItem: await status(actor.as.patch(`${base()}/checklist/${foreignItem(actor)}`).send({ status: 'done' })),
      uploadOwn: await status(
        actor.as.post(`${base()}/checklist/${ownItem(actor)}/file`).attach('file', PDF_BYTES, 'mine.pdf'),
      ),
      uploadOther: await status(
        actor.as.post(`${base()}/checklist/${foreignItem(actor)}/file`).attach('file', PDF_BYTES, 'theirs.pdf'),
      ),
    };
  }
  const ownPartner = (a: Actor) => (a === actors.partnerMember ? otherPartner.id : leadPartner.id);
  const foreignPartner = (a: Actor) => (a === actors.partnerMember ? leadPartner.id : otherPartner.id);
  const ownItem = (a: Actor) => (a === actors.partnerMember ? otherItem.id : leadItem.id);
  const foreignItem = (a: Actor) => (a === actors.partnerMember ? leadItem.id : otherItem.id);

  it('members change only their own partner row and checklist items; coordinators change everything', async () => {
    expect(await writes(actors.leadMember)).toEqual({
      update: 403,
      transition: 403,
      addPartner: 403,
      ownPartnerStatus: 200,
      otherPartnerStatus: 403,
      ownItem: 200,
      otherItem: 403,
      uploadOwn: 201,
      uploadOther: 403,
    });
    expect(await writes(actors.partnerMember)).toMatchObject({
      update: 403,
      ownPartnerStatus: 200,
      otherPartnerStatus: 403,
      ownItem: 200,
      otherItem: 403,
      uploadOwn: 201,
      uploadOther: 403,
    });
    const outsiderResult = await writes(actors.outsider);
    const viewerResult = await writes(actors.viewer);
    for (const result of [outsiderResult, viewerResult]) {
      expect(Object.values(result).every((s) => s === 404)).toBe(true);
    }
    const coordinatorResult = await writes(actors.coordinator);
    expect(coordinatorResult).toMatchObject({
      update: 200,
      transition: 200,
      ownPartnerStatus: 200,
      otherPartnerStatus: 200,
      ownItem: 200,
      otherItem: 200,
      uploadOwn: 201,
      uploadOther: 201,
    });
  });

  it('a member cannot change their partner row beyond its status, nor waive an item', async () => {
    const budget = await actors.leadMember.as
      .patch(`${base()}/partners/${leadPartner.id}`)
      .send({ budgetAmount: '999999' });
    expect(budget.status).toBe(403);
    const waive = await actors.leadMember.as.patch(`${base()}/checklist/${leadItem.id}`).send({ status: 'waived' });
    expect(waive.status).toBe(403);
    const retitle = await actors.leadMember.as
      .patch(`${base()}/checklist/${leadItem.id}`)
      .send({ title: 'Something else' });
    expect(retitle.status).toBe(403);
  });

  it('a viewer reads network records but changes nothing', async () => {
    const v = actors.viewer;
    expect((await v.as.get(`/api/v1/opportunities/${network.id}`)).status).toBe(200);
    expect((await v.as.get(`/api/v1/opportunities/${network.id}/partners`)).status).toBe(200);
    expect((await v.as.patch(`/api/v1/opportunities/${network.id}`).send({ description: 'x' })).status).toBe(403);
    expect(
      (
        await v.as
          .patch(`/api/v1/opportunities/${network.id}/partners/${networkPartner.id}`)
          .send({ status: 'confirmed' })
      ).status,
    ).toBe(403);
    // The outsider's organisation leads the network opportunity, so the outsider may confirm there.
    expect(
      (
        await actors.outsider.as
          .patch(`/api/v1/opportunities/${network.id}/partners/${networkPartner.id}`)
          .send({ status: 'confirmed' })
      ).status,
    ).toBe(200);
  });

  it('does not reveal a participants opportunity through a sub-resource of a visible one', async () => {
    const res = await actors.outsider.as.get(`/api/v1/opportunities/${network.id}/checklist/${leadItem.id}/file`);
    expect(res.status).toBe(404);
    const partner = await actors.outsider.as.get(`/api/v1/opportunities/${network.id}/partners/${otherPartner.id}`);
    expect(partner.status).toBe(404);
  });

  it('describes opportunities, partners and checklist items for reminders (title, path, owner, organisations, chat)', async () => {
    await actors.coordinator.as.patch(base()).send({ telegramChatId: '-100200300' }).expect(200);
    await actors.coordinator.as.patch(`${base()}/partners/${otherPartner.id}`).send({ status: 'declined' }).expect(200);
    const access = t.app.get(AccessService);
    const o = (await access.describe('opportunity', [opp.id])).get(opp.id)!;
    expect(o).toMatchObject({
      type: 'opportunity',
      title: opp.title,
      path: `/opportunities/${opp.id}`,
      ownerUserIds: [actors.coordinator.user.id],
      telegramChatId: '-100200300',
    });
    expect(o.organizationIds).toEqual([actors.leadMember.user.organizationId]);
    // A partner that declined is left out of the organisations to remind; one that confirms is back in.
    await actors.coordinator.as
      .patch(`${base()}/partners/${otherPartner.id}`)
      .send({ status: 'confirmed' })
      .expect(200);
    const again = (await access.describe('opportunity', [opp.id])).get(opp.id)!;
    expect(again.organizationIds.sort()).toEqual(
      [actors.leadMember.user.organizationId, actors.partnerMember.user.organizationId].sort(),
    );
    const p = (await access.describe('partner', [otherPartner.id])).get(otherPartner.id)!;
    expect(p).toMatchObject({
      title: `Legal Aid of Cambodia on ${opp.title}`,
      organizationIds: [actors.partnerMember.user.organizationId],
      telegramChatId: '-100200300',
    });
    const i = (await access.describe('checklistItem', [otherItem.id])).get(otherItem.id)!;
    expect(i).toMatchObject({
      title: `LAC registration — ${opp.title}`,
      organizationIds: [actors.partnerMember.user.organizationId],
      ownerUserIds: [actors.coordinator.user.id],
    });
    // Visible iff the opportunity is.
    expect(await access.allowedIds(actors.outsider.user, 'checklistItem', [otherItem.id, leadItem.id])).toEqual(
      new Set(),
    );
    expect(await access.allowedIds(actors.leadMember.user, 'checklistItem', [otherItem.id, leadItem.id])).toEqual(
      new Set([otherItem.id, leadItem.id]),
    );
    expect(
      await access.allowedIds(actors.leadMember.user, 'checklistItem', [otherItem.id, leadItem.id], 'write'),
    ).toEqual(new Set([leadItem.id]));
    expect(await access.allowedIds(actors.viewer.user, 'partner', [networkPartner.id, otherPartner.id])).toEqual(
      new Set([networkPartner.id]),
    );
  });

  it('reminder recipients of a participants-only opportunity drop an owner who is no longer a coordinator and takes no part', async () => {
    const coordinator = actors.coordinator;
    const owner = await makeUser(t, { role: 'coordinator' });
    const opp = await makeOpportunity(coordinator, { title: 'Confidential consortium', visibility: 'participants' });
    await coordinator.as.patch(`/api/v1/opportunities/${opp.id}`).send({ ownerId: owner.user.id }).expect(200);
    const access = t.app.get(AccessService);
    expect((await access.describe('opportunity', [opp.id])).get(opp.id)!.ownerUserIds).toEqual([owner.user.id]);
    await t.db.query(`UPDATE users SET role = 'member', organization_id = $2 WHERE id = $1`, [
      owner.user.id,
      actors.outsider.user.organizationId,
    ]);
    expect((await access.describe('opportunity', [opp.id])).get(opp.id)!.ownerUserIds).toEqual([]);
  });
});
