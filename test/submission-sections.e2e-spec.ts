import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Organization } from '../src/organizations/organization.entity.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('submission sections: co-drafting without lost updates', () => {
  let t: TestApp;
  let lead: Organization;
  let partner: Organization;
  let coordinator: Actor;
  let writer: Actor;
  let partnerWriter: Actor;
  let submissionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    lead = await makeOrganization(t, { name: 'Child Rights Coalition Cambodia' });
    partner = await makeOrganization(t, { name: 'Legal Aid of Cambodia' });
    coordinator = await makeUser(t, { role: 'coordinator', name: 'Sophea Lim' });
    writer = await makeUser(t, { organizationId: lead.id, name: 'Yan Lay' });
    partnerWriter = await makeUser(t, { organizationId: partner.id, name: 'Dara Sok' });
    const submission = await makeSubmission(coordinator, {
      leadOrganizationId: lead.id,
      partnerOrganizationIds: [partner.id],
      wordLimit: 12,
    });
    submissionId = submission.id;
  });
  afterAll(() => t.close());

  const url = (sectionId = '') => `/api/v1/submissions/${submissionId}/sections${sectionId ? `/${sectionId}` : ''}`;

  it('of 20 concurrent saves on the same version exactly one wins; the others get 409 with the current text', async () => {
    const section = await makeSection(writer, submissionId, {
      title: 'Access to justice',
      body: 'First draft.',
      assigneeId: partnerWriter.user.id,
    });
    expect(section.version).toBe(1);
    const attempts = Array.from({ length: 20 }, (_, i) => ({ body: `Edit number ${i}`, version: 1 }));
    const responses = await Promise.all(
      attempts.map((body, i) => (i % 2 ? writer : partnerWriter).as.patch(url(section.id)).send(body)),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);

    const winner = responses.find((r) => r.status === 200)!;
    expect(winner.body.version).toBe(2);
    const current = await writer.as.get(url(section.id)).expect(200);
    expect(current.body.body).toBe(winner.body.body);
    expect(current.body.version).toBe(2);
    expect(current.headers.etag).toBe('"2"');

    const loser = responses.find((r) => r.status === 409)!;
    expect(loser.body.message).toContain('version 2');
    expect(loser.body.details.yourVersion).toBe(1);
    expect(loser.body.details.current).toMatchObject({ version: 2, body: winner.body.body });
    expect(['Yan Lay', 'Dara Sok']).toContain(loser.body.details.current.updatedBy.name);
    expect(loser.body.message).toContain(loser.body.details.current.updatedBy.name);

    // Only the winning save became a revision: no lost update hides in the history either.
    const revisions = await writer.as.get(`${url(section.id)}/revisions`).expect(200);
    expect(revisions.body.items.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    expect(revisions.body.items[0].body).toBe(winner.body.body);
  });

  it('accepts the version in If-Match, rejects a stale one, and wants one of the two', async () => {
    const section = await makeSection(writer, submissionId, {
      title: 'Recommendations',
      assigneeId: partnerWriter.user.id,
    });
    const ok = await writer.as
      .patch(url(section.id))
      .set('If-Match', '"1"')
      .send({ body: 'Guarantee legal aid.' })
      .expect(200);
    expect(ok.body.version).toBe(2);
    expect(ok.headers.etag).toBe('"2"');
    const stale = await partnerWriter.as
      .patch(url(section.id))
      .set('If-Match', 'W/"1"')
      .send({ body: 'Other text' })
      .expect(409);
    expect(stale.body.details.current.body).toBe('Guarantee legal aid.');
    expect(stale.body.details.current.updatedBy.name).toBe('Yan Lay');
    const missing = await writer.as.patch(url(section.id)).send({ body: 'no version' }).expect(428);
    expect(missing.body.message).toMatch(/version/);
    await writer.as.patch(url(section.id)).set('If-Match', 'banana').send({ body: 'x' }).expect(400);
    await writer.as.patch(url(section.id)).set('If-Match', '"2"').send({ body: 'x', version: 1 }).expect(400);
  });

  it('keeps every save as a revision and shows a diff between two of them', async () => {
    const section = await makeSection(writer, submissionId, {
      title: 'Child-friendly procedures',
      body: 'Children should be heard.\nCourts must adapt.\n',
      assigneeId: partnerWriter.user.id,
    });
    await writer.as
      .patch(url(section.id))
      .send({ version: 1, body: 'Children must be heard.\nCourts must adapt.\n' })
      .expect(200);
    await partnerWriter.as
      .patch(url(section.id))
      .send({
        version: 2,
        body: 'Children must be heard.\nCourts must adapt.\nLegal aid is free.\n',
        status: 'drafting',
      })
      .expect(200);

    const list = await writer.as.get(`${url(section.id)}/revisions`).expect(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((r: { author: { name: string } }) => r.author.name)).toEqual([
      'Dara Sok',
      'Yan Lay',
      'Yan Lay',
    ]);
    expect(list.body.items[2].body).toBe('Children should be heard.\nCourts must adapt.\n');

    const one = await writer.as.get(`${url(section.id)}/revisions/2`).expect(200);
    expect(one.body).toMatchObject({ version: 2, body: 'Children must be heard.\nCourts must adapt.\n' });
    await writer.as.get(`${url(section.id)}/revisions/9`).expect(404);

    const diff = await writer.as.get(`${url(section.id)}/revisions/diff?from=1&to=3`).expect(200);
    expect(diff.body.from.version).toBe(1);
    expect(diff.body.to.version).toBe(3);
    expect(diff.body.statusChanged).toBe(true);
    expect(diff.body.patch).toContain('-Children should be heard.');
    expect(diff.body.patch).toContain('+Children must be heard.');
    expect(diff.body.patch).toContain('+Legal aid is free.');
    expect(diff.body.linesAdded).toBe(2);
    expect(diff.body.linesRemoved).toBe(1);
    const removed = diff.body.changes
      .filter((c: { removed: boolean }) => c.removed)
      .map((c: { value: string }) => c.value.trim());
    expect(removed).toContain('should');

    const latest = await writer.as.get(`${url(section.id)}/revisions/diff?from=2`).expect(200);
    expect(latest.body.to.version).toBe(3);
    await writer.as.get(`${url(section.id)}/revisions/diff`).expect(400);
    await writer.as.get(`${url(section.id)}/revisions/diff?from=1&to=77`).expect(404);
  });

  it('orders sections, inserts at a position and reorders them', async () => {
    const fresh = await makeSubmission(coordinator, {
      leadOrganizationId: lead.id,
      title: 'OECD consultation response',
    });
    const base = `/api/v1/submissions/${fresh.id}/sections`;
    const a = await makeSection(coordinator, fresh.id, { title: 'A' });
    const c = await makeSection(coordinator, fresh.id, { title: 'C' });
    const b = await makeSection(coordinator, fresh.id, { title: 'B', position: 2 });
    const titles = async () =>
      (await coordinator.as.get(base).expect(200)).body.items.map(
        (s: { title: string; position: number }) => `${s.position}${s.title}`,
      );
    expect(await titles()).toEqual(['1A', '2B', '3C']);

    await coordinator.as
      .post(`${base}/reorder`)
      .send({ sectionIds: [c.id, a.id, b.id] })
      .expect(200);
    expect(await titles()).toEqual(['1C', '2A', '3B']);
    await coordinator.as
      .post(`${base}/reorder`)
      .send({ sectionIds: [c.id, a.id] })
      .expect(400);

    await coordinator.as.patch(`${base}/${b.id}`).send({ version: 1, position: 1 }).expect(200);
    expect(await titles()).toEqual(['1B', '2C', '3A']);

    await coordinator.as.delete(`${base}/${c.id}`).expect(204);
    expect(await titles()).toEqual(['1B', '2A']);
  });

  it('counts words per section and in total against the limit, warning without blocking', async () => {
    const fresh = await makeSubmission(coordinator, { leadOrganizationId: lead.id, wordLimit: 5, pageLimit: 1 });
    await makeSection(coordinator, fresh.id, { title: 'One', body: '**Children** have rights.' });
    const two = await makeSection(coordinator, fresh.id, {
      title: 'Two',
      body: 'Access to [justice](https://example.org).',
    });
    const count = await coordinator.as.get(`/api/v1/submissions/${fresh.id}/word-count`).expect(200);
    expect(count.body).toMatchObject({ total: 6, wordLimit: 5, overWordLimit: true, pageEstimate: 0 });
    expect(count.body.sections.map((s: { words: number }) => s.words)).toEqual([3, 3]);
    expect(count.body.warning).toContain('1 over the limit of 5');
    const sections = await coordinator.as.get(`/api/v1/submissions/${fresh.id}/sections`).expect(200);
    expect(sections.body.items[1]).toMatchObject({ id: two.id, wordCount: 3 });
    const whole = await coordinator.as.get(`/api/v1/submissions/${fresh.id}`).expect(200);
    expect(whole.body.wordCount.total).toBe(6);
  });

  it('checks the assignee can work on the submission', async () => {
    const outsiderOrg = await makeOrganization(t);
    const outsider = await makeUser(t, { organizationId: outsiderOrg.id });
    await writer.as.post(url()).send({ title: 'Annex', assigneeId: outsider.user.id }).expect(400);
    const ok = await writer.as.post(url()).send({ title: 'Annex', assigneeId: partnerWriter.user.id }).expect(201);
    expect(ok.body.assignee).toEqual({ id: partnerWriter.user.id, name: 'Dara Sok' });
  });

  it('threads comments, resolves and reopens them, and notifies mentioned users in-app', async () => {
    const section = await makeSection(writer, submissionId, { title: 'Diversion' });
    const base = `${url(section.id)}/comments`;
    const outsiderOrg = await makeOrganization(t);
    const outsider = await makeUser(t, { organizationId: outsiderOrg.id, email: `outsider-${Date.now()}@example.org` });
    const first = await writer.as
      .post(base)
      .send({
        body: `@${partnerWriter.user.email} can you add the 2022 figures? cc @${outsider.user.email}`,
        mentionedUserIds: [coordinator.user.id],
      })
      .expect(201);
    expect(first.body.mentions.map((m: { id: string }) => m.id).sort()).toEqual(
      [partnerWriter.user.id, coordinator.user.id].sort(),
    );

    const reply = await partnerWriter.as.post(base).send({ body: 'Added them.', parentId: first.body.id }).expect(201);
    const nested = await writer.as.post(base).send({ body: 'Thanks!', parentId: reply.body.id }).expect(201);
    expect(nested.body.parentId).toBe(first.body.id);

    const threads = await writer.as.get(base).expect(200);
    expect(threads.body.total).toBe(1);
    expect(threads.body.items[0].replies.map((r: { body: string }) => r.body)).toEqual(['Added them.', 'Thanks!']);

    await partnerWriter.as.post(`${base}/${reply.body.id}/resolve`).expect(400);
    const resolved = await partnerWriter.as.post(`${base}/${first.body.id}/resolve`).expect(200);
    expect(resolved.body).toMatchObject({ resolved: true, resolvedBy: { name: 'Dara Sok' } });
    expect((await writer.as.get(`${base}?resolved=false`).expect(200)).body.total).toBe(0);
    await writer.as.post(`${base}/${first.body.id}/reopen`).expect(200);
    expect((await writer.as.get(`${base}?resolved=false`).expect(200)).body.total).toBe(1);

    await partnerWriter.as.patch(`${base}/${first.body.id}`).send({ body: 'hijack' }).expect(403);
    await writer.as.patch(`${base}/${first.body.id}`).send({ body: 'Edited by author' }).expect(200);

    const inbox: { user_id: string; title: string; url: string; kind: string }[] = await t.db.query(
      `SELECT user_id, title, url, kind FROM notifications WHERE subject_id = $1`,
      [section.id],
    );
    expect(inbox.map((n) => n.user_id).sort()).toEqual([partnerWriter.user.id, coordinator.user.id].sort());
    const mine = await partnerWriter.as.get('/api/v1/notifications').expect(200);
    const mention = mine.body.items.find((n: { subjectId: string }) => n.subjectId === section.id);
    expect(mention).toMatchObject({ kind: 'mention', title: 'Yan Lay mentioned you in "Diversion"', readAt: null });
    expect(mention.url).toBe(`/submissions/${submissionId}/sections/${section.id}#comment-${first.body.id}`);
  });

  it('records activity for section saves', async () => {
    const section = await makeSection(writer, submissionId, { title: 'Activity check' });
    await writer.as
      .patch(url(section.id))
      .send({ version: 1, title: 'Activity checked', body: 'Some words here' })
      .expect(200);
    const rows: { action: string; changes: Record<string, unknown> }[] = await t.db.query(
      `SELECT action, changes FROM activity WHERE subject_id = $1 ORDER BY created_at`,
      [section.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['section.created', 'section.updated']);
    expect(rows[1].changes).toMatchObject({ title: ['Activity check', 'Activity checked'], version: [1, 2] });
  });

  it('editing a comment to add an @mention notifies the newly mentioned user once (and never an outsider)', async () => {
    const outsider = await makeUser(t, { organizationId: (await makeOrganization(t)).id });
    const sub = await makeSubmission(coordinator, {
      leadOrganizationId: lead.id,
      partnerOrganizationIds: [partner.id],
      visibility: 'participants',
    });
    const section = await makeSection(coordinator, sub.id, { title: 'Diversion' });
    const c = `/api/v1/submissions/${sub.id}/sections/${section.id}/comments`;
    const comment = await writer.as.post(c).send({ body: 'Figures needed' }).expect(201);
    const inbox = async (who: Actor) =>
      (await who.as.get('/api/v1/notifications').expect(200)).body.items.filter(
        (n: { kind: string; subjectId: string }) => n.kind === 'mention' && n.subjectId === section.id,
      );
    expect(await inbox(partnerWriter)).toHaveLength(0);
    const edited = await writer.as
      .patch(`${c}/${comment.body.id}`)
      .send({ body: `Figures needed @${partnerWriter.user.email} and @${outsider.user.email}` })
      .expect(200);
    expect(edited.body.mentions.map((m: { id: string }) => m.id)).toEqual([partnerWriter.user.id]);
    expect(await inbox(partnerWriter)).toHaveLength(1);
    expect(await inbox(outsider)).toHaveLength(0);
    await writer.as
      .patch(`${c}/${comment.body.id}`)
      .send({ body: `Figures needed @${partnerWriter.user.email}, thanks` })
      .expect(200);
    expect(await inbox(partnerWriter)).toHaveLength(1);
  });
});

describe('who may change what: the lead runs a submission, a partner writes the sections assigned to it', () => {
  let t: TestApp;
  let leadWriter: Actor;
  let alpha1: Actor;
  let alpha2: Actor;
  let beta1: Actor;
  let alphaId: string;
  let submissionId: string;
  let alphaSection: { id: string; version: number };
  let betaSection: { id: string; version: number };

  beforeAll(async () => {
    t = await startTestApp();
    const lead = await makeOrganization(t, { name: 'Child Rights Coalition Cambodia' });
    const alpha = await makeOrganization(t, { name: 'Legal Aid of Cambodia' });
    const beta = await makeOrganization(t, { name: 'This Life Cambodia' });
    alphaId = alpha.id;
    const coordinator = await makeUser(t, { role: 'coordinator' });
    leadWriter = await makeUser(t, { organizationId: lead.id, name: 'Yan Lay' });
    alpha1 = await makeUser(t, { organizationId: alpha.id, name: 'Dara Sok' });
    alpha2 = await makeUser(t, { organizationId: alpha.id, name: 'Vanna Chea' });
    beta1 = await makeUser(t, { organizationId: beta.id, name: 'Srey Mom' });
    const submission = await makeSubmission(coordinator, {
      leadOrganizationId: lead.id,
      partnerOrganizationIds: [alpha.id, beta.id],
    });
    submissionId = submission.id;
    alphaSection = await makeSection(leadWriter, submissionId, { title: 'Legal aid', assigneeId: alpha1.user.id });
    betaSection = await makeSection(leadWriter, submissionId, {
      title: 'Diversion',
      assigneeId: beta1.user.id,
      body: 'Beta text.',
    });
  });
  afterAll(() => t.close());

  const url = (sectionId = '') => `/api/v1/submissions/${submissionId}/sections${sectionId ? `/${sectionId}` : ''}`;

  it("a partner's staff write the body and status of sections assigned to them or to their organisation", async () => {
    const mine = await alpha1.as
      .patch(url(alphaSection.id))
      .send({ body: 'Alpha draft.', status: 'drafting', version: 1 })
      .expect(200);
    // A colleague of the assignee (same organisation) may carry on; sending the unchanged title is no change.
    const colleague = await alpha2.as
      .patch(url(alphaSection.id))
      .send({ title: 'Legal aid', body: 'Alpha draft, revised.', version: mine.body.version })
      .expect(200);
    alphaSection = colleague.body;
    expect(colleague.body.body).toBe('Alpha draft, revised.');
  });

  it("a partner's staff cannot overwrite, reassign, rename or delete a section assigned to another organisation", async () => {
    const overwrite = await alpha1.as.patch(url(betaSection.id)).send({ body: 'Overwritten.', version: 1 }).expect(403);
    expect(overwrite.body.message).toMatch(/not assigned to you or your organisation/);
    await alpha1.as.patch(url(betaSection.id)).send({ assigneeId: alpha1.user.id, version: 1 }).expect(403);
    await alpha1.as.delete(url(betaSection.id)).expect(403);
    const unchanged = await leadWriter.as.get(url(betaSection.id)).expect(200);
    expect(unchanged.body).toMatchObject({ body: 'Beta text.', version: 1, assigneeId: beta1.user.id });
  });

  it("assignment, titles, order and the list of sections are the lead's: a partner gets 403 even on its own section", async () => {
    const reassign = await alpha1.as
      .patch(url(alphaSection.id))
      .send({ assigneeId: beta1.user.id, version: alphaSection.version })
      .expect(403);
    expect(reassign.body.message).toMatch(/assigneeId/);
    await alpha1.as.patch(url(alphaSection.id)).send({ title: 'Renamed', version: alphaSection.version }).expect(403);
    await alpha1.as.patch(url(alphaSection.id)).send({ position: 2, version: alphaSection.version }).expect(403);
    const add = await alpha1.as.post(url()).send({ title: 'Annex by a partner' }).expect(403);
    expect(add.body.message).toMatch(/lead organisation/);
    await alpha1.as
      .post(`${url()}/reorder`)
      .send({ sectionIds: [betaSection.id, alphaSection.id] })
      .expect(403);
  });

  it('a partner cannot rename the submission or move its workflow; the lead can', async () => {
    const s = `/api/v1/submissions/${submissionId}`;
    const rename = await alpha1.as.patch(s).send({ title: 'Hijacked' }).expect(403);
    expect(rename.body.message).toMatch(/lead organisation/);
    await alpha1.as.patch(s).send({ wordLimit: 10 }).expect(403);
    const move = await alpha1.as.post(`${s}/transitions`).send({ to: 'drafting' }).expect(403);
    expect(move.body.message).toMatch(/workflow/);
    expect((await leadWriter.as.get(s).expect(200)).body).toMatchObject({
      title: 'Comment on draft General Comment No. 26',
      status: 'planned',
    });

    await leadWriter.as.patch(s).send({ title: 'Joint comment on GC 26' }).expect(200);
    await leadWriter.as.post(`${s}/transitions`).send({ to: 'drafting' }).expect(200);
    const moved = await leadWriter.as
      .patch(url(betaSection.id))
      .send({ assigneeId: alpha2.user.id, version: 1 })
      .expect(200);
    expect(moved.body.assigneeId).toBe(alpha2.user.id);
  });

  it('a partner still comments on any section and endorses for its own organisation', async () => {
    await beta1.as
      .post(`${url(alphaSection.id)}/comments`)
      .send({ body: 'Please cite the 2022 figures.' })
      .expect(201);
    const signed = await alpha1.as.post(`/api/v1/submissions/${submissionId}/endorsements`).send({}).expect(201);
    expect(signed.body.organizationId).toBe(alphaId);
  });
});
