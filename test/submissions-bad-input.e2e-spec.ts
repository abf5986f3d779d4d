import { afterAll, beforeAll, describe, it } from '@jest/globals';
import {
  badQueries,
  bodies,
  clientErrorChecker,
  MISSING,
  MALFORMED_BODIES,
  requestsWithIds,
} from './support/bad-input.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { makeOpportunity } from './support/opportunity-factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Bad input on every route of submissions, sections, comments, endorsements and snapshots: a 4xx with the error shape, never a 500. */
describe('submissions: bad input never answers 500', () => {
  let t: TestApp;
  let c: Actor;
  let member: Actor;
  let ids: Record<string, string>;
  const expectClientError = clientErrorChecker();

  beforeAll(async () => {
    t = await startTestApp();
    const org = await makeOrganization(t, { name: 'Fuzz partner' });
    const other = await makeOrganization(t, { name: 'Fuzz other' });
    c = await makeUser(t, { role: 'coordinator' });
    member = await makeUser(t, { role: 'member', organizationId: org.id });
    // An id of another kind of record, for the routes that must not mistake it for their own.
    const opp = await makeOpportunity(c, { title: 'Fuzz grant', visibility: 'participants' });
    const sub = await makeSubmission(c, {
      leadOrganizationId: org.id,
      partnerOrganizationIds: [other.id],
      visibility: 'participants',
    });
    const section = await makeSection(c, sub.id, { body: 'Some text' });
    const comment = await c.as
      .post(`/api/v1/submissions/${sub.id}/sections/${section.id}/comments`)
      .send({ body: 'note' })
      .expect(201);
    const endorsement = await member.as.post(`/api/v1/submissions/${sub.id}/endorsements`).send({}).expect(201);
    ids = {
      org: org.id,
      opp: opp.id,
      sub: sub.id,
      section: section.id,
      comment: comment.body.id,
      endorsement: endorsement.body.id,
    };
  });
  afterAll(() => t.close());

  const s = () => `/api/v1/submissions/${ids.sub}`;
  const sec = () => `${s()}/sections/${ids.section}`;

  it('every list and read route survives bad query strings', async () => {
    const gets = [
      '/api/v1/submissions',
      s(),
      `${s()}/word-count`,
      `${s()}/sections`,
      sec(),
      `${sec()}/revisions`,
      `${sec()}/revisions/diff`,
      `${sec()}/revisions/1`,
      `${sec()}/comments`,
      `${s()}/endorsements`,
      `${s()}/document`,
      `${s()}/snapshots`,
    ];
    for (const path of gets) {
      for (const q of badQueries) {
        for (const actor of [c, member]) expectClientError(await actor.as.get(`${path}?${q}`), `GET ${path}?${q}`);
      }
    }
  });

  it('ids that are not uuids, of another type, or missing answer 4xx', async () => {
    const paths = [
      `/api/v1/submissions/ID`,
      `/api/v1/submissions/ID/sections`,
      `${s()}/sections/ID`,
      `${s()}/sections/ID/revisions`,
      `${sec()}/revisions/ID`,
      `${sec()}/comments/ID`,
      `${s()}/snapshots/ID`,
    ];
    const values = ['nope', MISSING, ids.sub, ids.opp, ids.section, '%00', '1e400', '-1', '0'];
    for (const [label, request] of requestsWithIds(c, paths, values)) expectClientError(await request, label);
  });

  it('submission routes survive bad bodies and If-Match garbage', async () => {
    const fields = [
      'title',
      'targetBody',
      'kind',
      'callUrl',
      'language',
      'wordLimit',
      'pageLimit',
      'sessionReference',
      'confidentiality',
      'channel',
      'channelAddress',
      'leadOrganizationId',
      'partnerOrganizationIds',
      'partners',
      'visibility',
      'ownerId',
      'acknowledgedAt',
      'acknowledgementNote',
      'acknowledgementUrl',
      'publishedUrl',
      'telegramChatId',
    ];
    const base = { title: 'x', targetBody: 'OECD', kind: 'consultation_response', leadOrganizationId: ids.org };
    for (const body of [
      ...bodies(fields, base),
      { ...base, partners: [null] },
      { ...base, partners: [{ organizationId: ids.org, requiredSigner: 'x' }] },
    ]) {
      expectClientError(
        await c.as.post('/api/v1/submissions').send(body as object),
        `POST submissions ${JSON.stringify(body).slice(0, 80)}`,
      );
      expectClientError(
        await c.as.patch(s()).send(body as object),
        `PATCH submission ${JSON.stringify(body).slice(0, 80)}`,
      );
    }
    for (const body of bodies(['to', 'reason', 'override'], { to: 'drafting' })) {
      expectClientError(
        await c.as.post(`${s()}/transitions`).send(body as object),
        `POST transitions ${JSON.stringify(body).slice(0, 80)}`,
      );
    }
    for (const body of bodies(['title', 'position', 'assigneeId', 'body', 'status'], { title: 'x' })) {
      expectClientError(
        await c.as.post(`${s()}/sections`).send(body as object),
        `POST section ${JSON.stringify(body).slice(0, 80)}`,
      );
    }
    for (const body of bodies(['version', 'title', 'position', 'assigneeId', 'body', 'status'], { version: 1 })) {
      expectClientError(
        await c.as.patch(sec()).send(body as object),
        `PATCH section ${JSON.stringify(body).slice(0, 80)}`,
      );
    }
    for (const ifMatch of ['garbage', '"-1"', '"0"', '*', '"99999999999999"', 'W/"x"', '"1", "2"', '\t']) {
      expectClientError(
        await c.as.patch(sec()).set('If-Match', ifMatch).send({ body: 'x' }),
        `PATCH section If-Match ${ifMatch}`,
      );
    }
    for (const body of bodies(['sectionIds'])) {
      expectClientError(
        await c.as.post(`${s()}/sections/reorder`).send(body as object),
        `POST reorder ${JSON.stringify(body).slice(0, 80)}`,
      );
    }
    expectClientError(
      await c.as.post(`${s()}/sections/reorder`).send({ sectionIds: [MISSING] }),
      'reorder with a missing id',
    );
    expectClientError(await c.as.post(`${s()}/sections/reorder`).send({ sectionIds: [] }), 'reorder with none');
    for (const body of bodies(['body', 'parentId', 'mentionedUserIds'], { body: 'x' })) {
      expectClientError(
        await c.as.post(`${sec()}/comments`).send(body as object),
        `POST comment ${JSON.stringify(body).slice(0, 80)}`,
      );
      expectClientError(
        await c.as.patch(`${sec()}/comments/${ids.comment}`).send(body as object),
        `PATCH comment ${JSON.stringify(body).slice(0, 80)}`,
      );
    }
    expectClientError(
      await c.as.post(`${sec()}/comments`).send({ body: 'x', parentId: ids.comment, mentionedUserIds: [MISSING] }),
      'comment mentioning nobody',
    );
    for (const body of bodies(['organizationId', 'displayName'])) {
      expectClientError(
        await c.as.post(`${s()}/endorsements`).send(body as object),
        `POST endorsement ${JSON.stringify(body).slice(0, 80)}`,
      );
    }
    for (const body of bodies(['name'], { name: 'x' })) {
      expectClientError(
        await c.as.post(`${s()}/snapshots`).send(body as object),
        `POST snapshot ${JSON.stringify(body).slice(0, 80)}`,
      );
    }
  });

  it('edge dates are stored or refused with a 4xx', async () => {
    for (const acknowledgedAt of ['0000-01-01', '9999-12-31', '2026-02-29']) {
      expectClientError(await c.as.patch(s()).send({ acknowledgedAt }), `acknowledgedAt ${acknowledgedAt}`);
    }
  });

  it('wrong Content-Type and malformed JSON are 4xx', async () => {
    const targets: [string, string][] = [
      ['post', '/api/v1/submissions'],
      ['patch', sec()],
      ['post', `${sec()}/comments`],
      ['post', `${s()}/endorsements`],
      ['post', `${s()}/transitions`],
    ];
    for (const [method, path] of targets) {
      const m = method as 'post' | 'patch';
      for (const [label, type, body] of MALFORMED_BODIES) {
        expectClientError(await c.as[m](path).set('Content-Type', type).send(body), `${method} ${path} ${label}`);
      }
    }
  });
});
