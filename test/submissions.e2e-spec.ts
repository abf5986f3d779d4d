import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Organization } from '../src/organizations/organization.entity.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('submissions: records, partners and filters', () => {
  let t: TestApp;
  let crc: Organization;
  let lac: Organization;
  let tlc: Organization;
  let coordinator: Actor;
  let crcMember: Actor;
  let viewer: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    crc = await makeOrganization(t, { name: 'Child Rights Coalition Cambodia' });
    lac = await makeOrganization(t, { name: 'Legal Aid of Cambodia' });
    tlc = await makeOrganization(t, { name: 'This Life Cambodia' });
    coordinator = await makeUser(t, { role: 'coordinator' });
    crcMember = await makeUser(t, { organizationId: crc.id });
    viewer = await makeUser(t, { role: 'viewer', organizationId: crc.id });
  });
  afterAll(() => t.close());

  it('records everything a coordinator knows about a submission', async () => {
    const res = await coordinator.as
      .post('/api/v1/submissions')
      .send({
        title: 'Response to the OECD Draft Recommendation on Access to Justice',
        targetBody: 'OECD Public Governance Committee',
        kind: 'consultation_response',
        callUrl: 'https://www.oecd.org/governance/access-to-justice/consultation',
        language: 'en',
        wordLimit: 3000,
        pageLimit: 6,
        sessionReference: 'Public consultation 2022',
        confidentiality: 'publish',
        channel: 'email',
        channelAddress: 'justice@oecd.example',
        leadOrganizationId: crc.id,
        partners: [{ organizationId: lac.id, requiredSigner: true }, { organizationId: tlc.id }],
        visibility: 'network',
        telegramChatId: '-100987654321',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      title: 'Response to the OECD Draft Recommendation on Access to Justice',
      kind: 'consultation_response',
      status: 'planned',
      wordLimit: 3000,
      pageLimit: 6,
      channel: 'email',
      confidentiality: 'publish',
      visibility: 'network',
      ownerId: coordinator.user.id,
      telegramChatId: '-100987654321',
      leadOrganization: { id: crc.id, name: 'Child Rights Coalition Cambodia' },
      signOff: { requiredSigners: 1, endorsed: 0, missing: ['Legal Aid of Cambodia'] },
      finalSnapshotId: null,
      wordCount: { total: 0, wordLimit: 3000 },
    });
    expect(res.body.partnerOrganizationIds.sort()).toEqual([lac.id, tlc.id].sort());
    expect(res.body.partners).toEqual([
      { organizationId: lac.id, name: 'Legal Aid of Cambodia', acronym: null, requiredSigner: true, endorsed: false },
      { organizationId: tlc.id, name: 'This Life Cambodia', acronym: null, requiredSigner: false, endorsed: false },
    ]);

    const activity = await coordinator.as.get(`/api/v1/activity?subjectId=${res.body.id}`).expect(200);
    expect(activity.body.items[0]).toMatchObject({ action: 'submission.created', actorId: coordinator.user.id });
  });

  it('rejects bad input by field, and never answers 500', async () => {
    const bad = await coordinator.as
      .post('/api/v1/submissions')
      .send({
        title: '',
        targetBody: 'CRC',
        kind: 'essay',
        leadOrganizationId: 'nope',
        wordLimit: -3,
        confidentiality: 'secret',
        extra: 1,
      })
      .expect(400);
    const fields = bad.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['title', 'kind', 'leadOrganizationId', 'wordLimit', 'confidentiality', 'extra']),
    );
    await coordinator.as
      .post('/api/v1/submissions')
      .send({
        title: 'x',
        targetBody: 'CRC',
        kind: 'other',
        leadOrganizationId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      })
      .expect(400);
    await coordinator.as
      .post('/api/v1/submissions')
      .send({
        title: 'x',
        targetBody: 'CRC',
        kind: 'other',
        leadOrganizationId: crc.id,
        partnerOrganizationIds: [crc.id],
      })
      .expect(400);
    await coordinator.as
      .post('/api/v1/submissions')
      .send({
        title: 'x',
        targetBody: 'CRC',
        kind: 'other',
        leadOrganizationId: crc.id,
        partnerOrganizationIds: [lac.id],
        partners: [],
      })
      .expect(400);
    const created = await makeSubmission(coordinator, { leadOrganizationId: crc.id });
    await coordinator.as.patch(`/api/v1/submissions/${created.id}`).send({ title: null }).expect(400);
    await coordinator.as.patch(`/api/v1/submissions/${created.id}`).send({ acknowledgedAt: '2023-02-30' }).expect(400);
    await coordinator.as.get('/api/v1/submissions?status=lost&limit=1000').expect(400);
    const nulls = await coordinator.as
      .post('/api/v1/submissions')
      .send({
        title: 'x',
        targetBody: 'CRC',
        kind: 'other',
        leadOrganizationId: crc.id,
        language: null,
        confidentiality: null,
      })
      .expect(400);
    expect(nulls.body.message).toContain('language: must not be null');
    const section = await makeSection(coordinator, created.id);
    const sectionNull = await coordinator.as
      .patch(`/api/v1/submissions/${created.id}/sections/${section.id}`)
      .send({ version: 1, title: null })
      .expect(400);
    expect(sectionNull.body.message).toContain('title: must not be null');
    await coordinator.as
      .patch(`/api/v1/submissions/${created.id}/sections/${section.id}`)
      .send({ version: 1, assigneeId: null, body: '' })
      .expect(200);
    await coordinator.as
      .get(`/api/v1/submissions/${created.id}/sections/${section.id}/revisions/99999999999`)
      .expect(400);
    await coordinator.as
      .get(`/api/v1/submissions/${created.id}/sections/${section.id}/revisions/diff?from=99999999999`)
      .expect(400);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    const paths = Object.keys(doc.body.paths);
    for (const path of [
      '/api/v1/submissions',
      '/api/v1/submissions/{id}/transitions',
      '/api/v1/submissions/{id}/sections/{sectionId}',
      '/api/v1/submissions/{id}/sections/{sectionId}/revisions/diff',
      '/api/v1/submissions/{id}/sections/{sectionId}/comments',
      '/api/v1/submissions/{id}/endorsements',
      '/api/v1/submissions/{id}/document',
    ]) {
      expect(paths).toContain(path);
    }
  });

  it('lets members start submissions led by their own organisation; viewers none', async () => {
    await crcMember.as
      .post('/api/v1/submissions')
      .send({ title: 'x', targetBody: 'CRC', kind: 'other', leadOrganizationId: lac.id })
      .expect(403);
    const own = await makeSubmission(crcMember, { leadOrganizationId: crc.id, title: 'List of issues input' });
    expect(own.ownerId).toBe(crcMember.user.id);
    await viewer.as
      .post('/api/v1/submissions')
      .send({ title: 'x', targetBody: 'CRC', kind: 'other', leadOrganizationId: crc.id })
      .expect(403);
    await crcMember.as.patch(`/api/v1/submissions/${own.id}`).send({ leadOrganizationId: lac.id }).expect(403);
  });

  it('changes fields and partners, recording what changed', async () => {
    const s = await makeSubmission(coordinator, { leadOrganizationId: crc.id, partnerOrganizationIds: [lac.id] });
    const res = await coordinator.as
      .patch(`/api/v1/submissions/${s.id}`)
      .send({
        wordLimit: 2500,
        confidentiality: 'confidential',
        partners: [{ organizationId: tlc.id, requiredSigner: true }],
      })
      .expect(200);
    expect(res.body).toMatchObject({
      wordLimit: 2500,
      confidentiality: 'confidential',
      partnerOrganizationIds: [tlc.id],
    });
    const rows: { action: string; changes: Record<string, unknown> }[] = await t.db.query(
      `SELECT action, changes FROM activity WHERE subject_id = $1 AND action = 'submission.updated'`,
      [s.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].changes).toMatchObject({ wordLimit: [null, 2500], confidentiality: ['publish', 'confidential'] });
    expect(rows[0].changes.partners).toBeTruthy();
    await coordinator.as.patch(`/api/v1/submissions/${s.id}`).send({ leadOrganizationId: tlc.id }).expect(400);
  });

  it('filters by status, kind, target body, lead organisation, partner and text', async () => {
    const lead = await makeOrganization(t);
    const a = await makeSubmission(coordinator, {
      leadOrganizationId: lead.id,
      kind: 'general_comment',
      targetBody: 'UN CRC Committee',
      title: 'GC26 comment',
    });
    const b = await makeSubmission(coordinator, {
      leadOrganizationId: lead.id,
      kind: 'consultation_response',
      targetBody: 'OECD',
      title: 'OECD response',
      partnerOrganizationIds: [tlc.id],
    });
    await makeSection(coordinator, b.id, { title: 'Body', body: 'people-centred justice for children' });
    await coordinator.as.post(`/api/v1/submissions/${a.id}/transitions`).send({ to: 'drafting' }).expect(200);
    const ids = async (query: string) =>
      (
        await coordinator.as.get(`/api/v1/submissions?leadOrganizationId=${lead.id}&${query}`).expect(200)
      ).body.items.map((s: { id: string }) => s.id);
    expect(await ids('status=drafting')).toEqual([a.id]);
    expect(await ids('kind=consultation_response')).toEqual([b.id]);
    expect(await ids('targetBody=crc')).toEqual([a.id]);
    expect(await ids(`organizationId=${tlc.id}`)).toEqual([b.id]);
    expect(await ids('q=people-centred')).toEqual([b.id]);
    expect((await ids('')).sort()).toEqual([a.id, b.id].sort());
    const page = await coordinator.as.get(`/api/v1/submissions?leadOrganizationId=${lead.id}&limit=1`).expect(200);
    expect(page.body.total).toBe(2);
    expect(page.body.nextCursor).toBeTruthy();
  });

  it('archives: gone from the list, still readable, history kept', async () => {
    const s = await makeSubmission(coordinator, { leadOrganizationId: crc.id, title: 'Abandoned idea' });
    await coordinator.as.delete(`/api/v1/submissions/${s.id}`).expect(204);
    const list = await coordinator.as.get('/api/v1/submissions?q=Abandoned').expect(200);
    expect(list.body.total).toBe(0);
    const archived = await coordinator.as.get('/api/v1/submissions?q=Abandoned&archived=true').expect(200);
    expect(archived.body.total).toBe(1);
    const one = await coordinator.as.get(`/api/v1/submissions/${s.id}`).expect(200);
    expect(one.body.archivedAt).toBeTruthy();
  });

  it('an archived (deleted) submission is read-only: changes are 409, archiving again is still 204', async () => {
    const sub = await makeSubmission(coordinator, { leadOrganizationId: crc.id, title: 'Archived submission' });
    const s = `/api/v1/submissions/${sub.id}`;
    const section = await makeSection(coordinator, sub.id);
    const comment = await coordinator.as
      .post(`${s}/sections/${section.id}/comments`)
      .send({ body: 'before' })
      .expect(201);
    await coordinator.as.delete(s).expect(204);
    expect((await coordinator.as.patch(s).send({ title: 'Revived' })).status).toBe(409);
    expect((await coordinator.as.post(`${s}/sections`).send({ title: 'x' })).status).toBe(409);
    expect((await coordinator.as.post(`${s}/transitions`).send({ to: 'drafting' })).status).toBe(409);
    expect((await crcMember.as.post(`${s}/endorsements`).send({})).status).toBe(409);
    expect((await coordinator.as.post(`${s}/sections/${section.id}/comments`).send({ body: 'late' })).status).toBe(409);
    expect((await coordinator.as.post(`${s}/sections/${section.id}/comments/${comment.body.id}/resolve`)).status).toBe(
      409,
    );
    await coordinator.as.delete(s).expect(204);
    const history = await coordinator.as.get(`/api/v1/activity?subjectId=${sub.id}`).expect(200);
    expect(history.body.items.map((a: { action: string }) => a.action)).toEqual([
      'submission.archived',
      'submission.created',
    ]);
    await coordinator.as.get(`${s}/sections/${section.id}/comments`).expect(200);
  });
});
