import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { type ApiDocument, type ApiOperation, apiOperations, fillPath } from './support/openapi-walk.js';
import { addItem, addPartner, makeOpportunity, PDF_BYTES } from './support/opportunity-factories.js';
import { makeDeadline } from './support/reminder-factories.js';
import { importDemo, makeReview } from './support/review-factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Broken object-level authorization, checked from the OpenAPI document: every route that takes a
 * record's id, called on records of `participants` visibility by people who do not take part, must
 * refuse (401, 403, 404), or answer exactly as it does for ids that exist nowhere (a 400 for the
 * body it was sent tells nothing about the record), and change nothing.
 */
const REFUSALS = [401, 403, 404];

describe('no route hands a participants-only record to someone outside it', () => {
  let t: TestApp;
  let doc: ApiDocument;
  const ids: Record<string, string> = {};
  const outsiders: Record<string, Actor | null> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const coordinator = await makeUser(t, { role: 'coordinator' });
    const [lead, removed, declined, elsewhere] = [
      await makeOrganization(t),
      await makeOrganization(t),
      await makeOrganization(t),
      await makeOrganization(t),
    ];
    const leadMember = await makeUser(t, { organizationId: lead.id });

    const opp = await makeOpportunity(coordinator, { visibility: 'participants' });
    const partner = await addPartner(coordinator, opp.id, { organizationId: lead.id, role: 'lead' });
    const gone = await addPartner(coordinator, opp.id, { organizationId: removed.id, role: 'co_applicant' });
    await addPartner(coordinator, opp.id, { organizationId: declined.id, role: 'associate', status: 'declined' });
    const item = await addItem(coordinator, opp.id, { title: 'Audited accounts', partnerId: partner.id });
    await coordinator.as
      .post(`/api/v1/opportunities/${opp.id}/checklist/${item.id}/file`)
      .attach('file', PDF_BYTES, 'accounts.pdf')
      .expect(201);
    const document = await leadMember.as
      .post(`/api/v1/organizations/${lead.id}/documents`)
      .send({ title: 'Registration certificate', kind: 'registration' });
    const submission = await makeSubmission(coordinator, {
      leadOrganizationId: lead.id,
      partnerOrganizationIds: [removed.id],
      visibility: 'participants',
    });
    const section = await makeSection(coordinator, submission.id, { body: 'Children in conflict with the law…' });
    const comment = await coordinator.as
      .post(`/api/v1/submissions/${submission.id}/sections/${section.id}/comments`)
      .send({ body: 'Cite the 2016 Juvenile Justice Law' })
      .expect(201);
    const endorsement = await leadMember.as
      .post(`/api/v1/submissions/${submission.id}/endorsements`)
      .send({ organizationId: lead.id });
    const snapshot = await coordinator.as
      .post(`/api/v1/submissions/${submission.id}/snapshots`)
      .send({ name: 'sent to partners' });
    const deadline = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      assigneeIds: [leadMember.user.id],
    });
    // A participants-only review: the lead organisation follows one of its recommendations.
    const review = await makeReview(coordinator, {
      visibility: 'participants',
      dates: [{ kind: 'pre_session', date: '2031-01-15' }],
    });
    const recommendation = (await importDemo(coordinator, review.id)).get('48(b)')!;
    await coordinator.as
      .patch(`/api/v1/recommendations/${recommendation.id}`)
      .send({ followingOrganizationIds: [lead.id] })
      .expect(200);
    const [notification] = (await t.db.query(`SELECT id FROM notifications WHERE user_id = $1 LIMIT 1`, [
      leadMember.user.id,
    ])) as { id: string }[];

    // The removed partner took part once: it is taken off the opportunity and the submission.
    const removedMember = await makeUser(t, { organizationId: removed.id });
    await coordinator.as.delete(`/api/v1/opportunities/${opp.id}/partners/${gone.id}`).expect(204);
    await coordinator.as.patch(`/api/v1/submissions/${submission.id}`).send({ partnerOrganizationIds: [] }).expect(200);

    Object.assign(ids, {
      opportunities: opp.id,
      submissions: submission.id,
      reviews: review.id,
      recommendations: recommendation.id,
      deadlines: deadline.id,
      organizations: lead.id,
      notifications: notification?.id ?? '',
      tokens: '',
      partnerId: partner.id,
      itemId: item.id,
      documentId: document.body?.id ?? '',
      sectionId: section.id,
      commentId: comment.body.id,
      endorsementId: endorsement.body?.id ?? '',
      snapshotId: snapshot.body?.id ?? '',
      version: '1',
    });
    outsiders.member = await makeUser(t, { organizationId: elsewhere.id });
    outsiders.viewer = await makeUser(t, { role: 'viewer', organizationId: elsewhere.id });
    outsiders['removed partner'] = removedMember;
    outsiders['declined partner'] = await makeUser(t, { organizationId: declined.id });
    outsiders.anonymous = null;
    doc = (await t.http().get('/api/docs-json').expect(200)).body as ApiDocument;
  });
  afterAll(() => t.close());

  /** `{id}` is the record of the collection before it; other names stand for themselves. */
  function idFor(path: string, name: string): string | undefined {
    if (name !== 'id') return ids[name];
    return ids[path.split('/{id}')[0].split('/').pop() ?? ''];
  }

  /** Routes about a record of the participants-only set, with every id filled in (and the same with made-up ids). */
  function recordRoutes(): (ApiOperation & { url: string; nowhere: string })[] {
    return apiOperations(doc).flatMap((operation) => {
      const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      if (!names.length || names.includes('token')) return [];
      // Organisations and users are the network's directory, not records of the set; their own rules are tested beside them.
      if (/^\/api\/v1\/(organizations|users)\/\{id\}$/.test(operation.path) || operation.path.startsWith('/api/v1/me/'))
        return [];
      const values = Object.fromEntries(names.map((n) => [n, idFor(operation.path, n)]));
      if (Object.values(values).some((v) => !v)) return [];
      const madeUp = Object.fromEntries(names.map((n) => [n, n === 'version' ? '1' : randomUUID()]));
      return [
        {
          ...operation,
          url: fillPath(operation.path, values as Record<string, string>),
          nowhere: fillPath(operation.path, madeUp),
        },
      ];
    });
  }

  it('answers 401, 403 or 404 to an outsider, a viewer, a removed partner and an anonymous caller, on every id-bearing route', async () => {
    const routes = recordRoutes();
    expect(routes.length).toBeGreaterThan(40);
    const leaks: string[] = [];
    for (const [who, actor] of Object.entries(outsiders)) {
      const call = async (method: ApiOperation['method'], url: string) => {
        const client = actor ? actor.as[method](url) : t.http()[method](url);
        const res = method === 'get' || method === 'delete' ? await client : await client.send({});
        return { status: res.status, message: (res.body as { message?: string })?.message };
      };
      for (const route of routes) {
        const real = await call(route.method, route.url);
        if (REFUSALS.includes(real.status)) continue;
        const nowhere = await call(route.method, route.nowhere);
        const same = real.status === 400 && nowhere.status === 400 && real.message === nowhere.message;
        if (!same)
          leaks.push(
            `${who}: ${route.method.toUpperCase()} ${route.path} → ${real.status} (${nowhere.status} for made-up ids)`,
          );
      }
    }
    expect(leaks).toEqual([]);
  });
});
