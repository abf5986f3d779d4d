import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type request from 'supertest';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { addItem, addPartner, makeOpportunity, PDF_BYTES, tempUploadDir } from './support/opportunity-factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Throws a table of bad inputs at every route of the opportunities and submissions modules:
 * each must answer a 4xx with the error shape, never a 500.
 */
describe('robustness: bad input never answers 500', () => {
  let t: TestApp;
  let c: Actor;
  let member: Actor;
  let ids: Record<string, string>;
  const MISSING = '00000000-0000-4000-8000-000000000000';
  const NUL = 'bad\u0000value';

  beforeAll(async () => {
    t = await startTestApp({ overrides: { uploadDir: tempUploadDir() } });
    const org = await makeOrganization(t, { name: 'Fuzz partner' });
    const other = await makeOrganization(t, { name: 'Fuzz other' });
    c = await makeUser(t, { role: 'coordinator' });
    member = await makeUser(t, { role: 'member', organizationId: org.id });
    const opp = await makeOpportunity(c, { title: 'Fuzz grant', visibility: 'participants' });
    const partner = await addPartner(c, opp.id, { organizationId: org.id, role: 'lead' });
    const item = await addItem(c, opp.id, { title: 'Registration', partnerId: partner.id });
    await c.as.post(`/api/v1/opportunities/${opp.id}/checklist/${item.id}/file`).attach('file', PDF_BYTES, 'doc.pdf').expect(201);
    const doc = await c.as.post(`/api/v1/organizations/${org.id}/documents`).send({ title: 'Registration certificate', kind: 'registration' });
    const sub = await makeSubmission(c, { leadOrganizationId: org.id, partnerOrganizationIds: [other.id], visibility: 'participants' });
    const section = await makeSection(c, sub.id, { body: 'Some text' });
    const comment = await c.as.post(`/api/v1/submissions/${sub.id}/sections/${section.id}/comments`).send({ body: 'note' }).expect(201);
    const endorsement = await member.as.post(`/api/v1/submissions/${sub.id}/endorsements`).send({}).expect(201);
    ids = {
      org: org.id,
      opp: opp.id,
      partner: partner.id,
      item: item.id,
      doc: doc.body.id ?? MISSING,
      sub: sub.id,
      section: section.id,
      comment: comment.body.id,
      endorsement: endorsement.body.id,
    };
  });
  afterAll(() => t.close());

  const badScalars: unknown[] = [null, [], {}, ['a', 'b'], { $gt: '' }, 1e308, -1, 1.5, true, '', ' ', NUL, 'x'.repeat(100_001), '9999999999999999999999'];

  /** Every field of each body, in turn, set to each bad scalar. */
  function bodies(fields: string[], base: Record<string, unknown> = {}): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [[] as never, 'a string' as never, { unknownField: 1, ...base }];
    for (const f of fields) for (const v of badScalars) out.push({ ...base, [f]: v });
    return out;
  }

  const badQueries = [
    'limit=0', 'limit=101', 'limit=abc', 'limit=1e400', 'limit=1&limit=2', 'offset=-1', 'offset=99999999999999999999',
    'cursor=!!', 'cursor=a&cursor=b', 'cursor=' + Buffer.from('o:99999999999').toString('base64url'), 'sort=nope', 'sort=a&sort=b',
    'stage=nope', 'stage=a&stage=b', 'status=nope', 'status[a]=b', 'kind=nope', 'q=' + encodeURIComponent(NUL), 'q=a&q=b',
    'closesFrom=2026-02-30', 'closesFrom=99999-01-01', 'closesTo=not-a-date', 'funderId=nope', 'ownerId=1', 'tag=a&tag=b',
    'leadOrganizationId=x', 'archived=maybe', 'unread=maybe', 'resolved=x', 'from=0', 'from=abc', 'to=99999999999', 'format=pdf',
    'includeWithdrawn=x', 'partnerId=x', 'visibility=secret', 'dryRun=x', 'unknown=1', 'q=' + encodeURIComponent('%_\\'),
  ];

  /** Problems are collected so one run names every failing input; each test ends with `expect(problems).toEqual([])`. */
  let problems: string[] = [];
  beforeEach(() => {
    problems = [];
  });
  afterEach(() => {
    expect(problems).toEqual([]);
  });

  function expectClientError(res: request.Response, label: string) {
    const shaped = typeof res.body?.message === 'string' && res.body.statusCode === res.status && typeof res.body.error === 'string';
    const ok = res.status < 500 && (res.status < 400 || shaped);
    if (!ok) problems.push(`${label} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
  }

  const o = () => `/api/v1/opportunities/${ids.opp}`;
  const s = () => `/api/v1/submissions/${ids.sub}`;
  const sec = () => `${s()}/sections/${ids.section}`;

  it('every list and read route survives bad query strings', async () => {
    const gets = [
      '/api/v1/opportunities', '/api/v1/opportunities/export.csv', o(), `${o()}/activity`, `${o()}/partners`, `${o()}/partners/${ids.partner}`,
      `${o()}/checklist`, `${o()}/checklist/${ids.item}`, `${o()}/checklist/${ids.item}/file`, `/api/v1/organizations/${ids.org}/documents`,
      '/api/v1/notifications', '/api/v1/submissions', s(), `${s()}/word-count`, `${s()}/sections`, sec(), `${sec()}/revisions`,
      `${sec()}/revisions/diff`, `${sec()}/revisions/1`, `${sec()}/comments`, `${s()}/endorsements`, `${s()}/document`, `${s()}/snapshots`,
    ];
    for (const path of gets) {
      for (const q of badQueries) {
        for (const actor of [c, member]) expectClientError(await actor.as.get(`${path}?${q}`), `GET ${path}?${q}`);
      }
    }
  });

  it('ids that are not uuids, of another type, or missing answer 4xx', async () => {
    const paths = [
      `/api/v1/opportunities/ID`, `/api/v1/opportunities/ID/activity`, `/api/v1/opportunities/ID/partners`, `${o()}/partners/ID`,
      `${o()}/checklist/ID`, `${o()}/checklist/ID/file`, `/api/v1/organizations/ID/documents`, `/api/v1/organizations/${ids.org}/documents/ID/file`,
      `/api/v1/submissions/ID`, `/api/v1/submissions/ID/sections`, `${s()}/sections/ID`, `${s()}/sections/ID/revisions`, `${sec()}/revisions/ID`,
      `${sec()}/comments/ID`, `${s()}/snapshots/ID`, `/api/v1/notifications/ID/read`,
    ];
    const values = ['nope', MISSING, ids.sub, ids.opp, ids.section, '%00', '1e400', '-1', '0'];
    for (const p of paths) {
      for (const v of values) {
        const path = p.replace('ID', v);
        for (const method of ['get', 'patch', 'delete', 'post'] as const) {
          expectClientError(await c.as[method](path).send({}), `${method.toUpperCase()} ${path}`);
        }
      }
    }
  });

  it('opportunity routes survive bad bodies', async () => {
    const fields = ['title', 'funderId', 'callReference', 'url', 'description', 'tags', 'amountMin', 'amountMax', 'currency', 'closesAt', 'ownerId', 'visibility', 'telegramChatId'];
    for (const body of bodies(fields, { title: 'Fuzz', visibility: 'network' })) {
      expectClientError(await c.as.post('/api/v1/opportunities').send(body as object), `POST opportunities ${JSON.stringify(body).slice(0, 80)}`);
      expectClientError(await c.as.patch(o()).send(body as object), `PATCH opportunity ${JSON.stringify(body).slice(0, 80)}`);
    }
    for (const body of bodies(['to', 'reason', 'override', 'awardedAmount', 'awardedCurrency'], { to: 'screening' })) {
      expectClientError(await c.as.post(`${o()}/transitions`).send(body as object), `POST transitions ${JSON.stringify(body).slice(0, 80)}`);
    }
    for (const body of bodies(['organizationId', 'role', 'status', 'budgetAmount', 'budgetCurrency'], { organizationId: ids.org, role: 'associate' })) {
      expectClientError(await c.as.post(`${o()}/partners`).send(body as object), `POST partners ${JSON.stringify(body).slice(0, 80)}`);
      expectClientError(await c.as.patch(`${o()}/partners/${ids.partner}`).send(body as object), `PATCH partner ${JSON.stringify(body).slice(0, 80)}`);
      expectClientError(await member.as.patch(`${o()}/partners/${ids.partner}`).send(body as object), `member PATCH partner ${JSON.stringify(body).slice(0, 80)}`);
    }
    for (const body of bodies(['title', 'partnerId', 'required', 'status', 'url', 'documentId', 'dueDate', 'position', 'notes'], { title: 'x', required: true })) {
      expectClientError(await c.as.post(`${o()}/checklist`).send(body as object), `POST checklist ${JSON.stringify(body).slice(0, 80)}`);
      expectClientError(await c.as.patch(`${o()}/checklist/${ids.item}`).send(body as object), `PATCH item ${JSON.stringify(body).slice(0, 80)}`);
    }
    for (const body of bodies(['title', 'kind', 'expiresOn', 'issuedOn', 'url', 'notes'], { title: 'x', kind: 'registration' })) {
      expectClientError(await c.as.post(`/api/v1/organizations/${ids.org}/documents`).send(body as object), `POST doc ${JSON.stringify(body).slice(0, 80)}`);
    }
  });

  it('submission routes survive bad bodies and If-Match garbage', async () => {
    const fields = ['title', 'targetBody', 'kind', 'callUrl', 'language', 'wordLimit', 'pageLimit', 'sessionReference', 'confidentiality', 'channel',
      'channelAddress', 'leadOrganizationId', 'partnerOrganizationIds', 'partners', 'visibility', 'ownerId', 'acknowledgedAt', 'acknowledgementNote',
      'acknowledgementUrl', 'publishedUrl', 'telegramChatId'];
    const base = { title: 'x', targetBody: 'OECD', kind: 'consultation_response', leadOrganizationId: ids.org };
    for (const body of [...bodies(fields, base), { ...base, partners: [null] }, { ...base, partners: [{ organizationId: ids.org, requiredSigner: 'x' }] }]) {
      expectClientError(await c.as.post('/api/v1/submissions').send(body as object), `POST submissions ${JSON.stringify(body).slice(0, 80)}`);
      expectClientError(await c.as.patch(s()).send(body as object), `PATCH submission ${JSON.stringify(body).slice(0, 80)}`);
    }
    for (const body of bodies(['to', 'reason', 'override'], { to: 'drafting' })) {
      expectClientError(await c.as.post(`${s()}/transitions`).send(body as object), `POST transitions ${JSON.stringify(body).slice(0, 80)}`);
    }
    for (const body of bodies(['title', 'position', 'assigneeId', 'body', 'status'], { title: 'x' })) {
      expectClientError(await c.as.post(`${s()}/sections`).send(body as object), `POST section ${JSON.stringify(body).slice(0, 80)}`);
    }
    for (const body of bodies(['version', 'title', 'position', 'assigneeId', 'body', 'status'], { version: 1 })) {
      expectClientError(await c.as.patch(sec()).send(body as object), `PATCH section ${JSON.stringify(body).slice(0, 80)}`);
    }
    for (const ifMatch of ['garbage', '"-1"', '"0"', '*', '"99999999999999"', 'W/"x"', '"1", "2"', '\t']) {
      expectClientError(await c.as.patch(sec()).set('If-Match', ifMatch).send({ body: 'x' }), `PATCH section If-Match ${ifMatch}`);
    }
    for (const body of bodies(['sectionIds'])) {
      expectClientError(await c.as.post(`${s()}/sections/reorder`).send(body as object), `POST reorder ${JSON.stringify(body).slice(0, 80)}`);
    }
    expectClientError(await c.as.post(`${s()}/sections/reorder`).send({ sectionIds: [MISSING] }), 'reorder with a missing id');
    expectClientError(await c.as.post(`${s()}/sections/reorder`).send({ sectionIds: [] }), 'reorder with none');
    for (const body of bodies(['body', 'parentId', 'mentionedUserIds'], { body: 'x' })) {
      expectClientError(await c.as.post(`${sec()}/comments`).send(body as object), `POST comment ${JSON.stringify(body).slice(0, 80)}`);
      expectClientError(await c.as.patch(`${sec()}/comments/${ids.comment}`).send(body as object), `PATCH comment ${JSON.stringify(body).slice(0, 80)}`);
    }
    expectClientError(await c.as.post(`${sec()}/comments`).send({ body: 'x', parentId: ids.comment, mentionedUserIds: [MISSING] }), 'comment mentioning nobody');
    for (const body of bodies(['organizationId', 'displayName'])) {
      expectClientError(await c.as.post(`${s()}/endorsements`).send(body as object), `POST endorsement ${JSON.stringify(body).slice(0, 80)}`);
    }
    for (const body of bodies(['name'], { name: 'x' })) {
      expectClientError(await c.as.post(`${s()}/snapshots`).send(body as object), `POST snapshot ${JSON.stringify(body).slice(0, 80)}`);
    }
  });

  it('edge dates, amounts and sizes are stored or refused with a 4xx', async () => {
    for (const closesAt of ['2026-W01-1', '2026-001', '+010000-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59-14:00', '2026-02-29']) {
      expectClientError(await c.as.post('/api/v1/opportunities').send({ title: 'Edge', visibility: 'network', closesAt }), `closesAt ${closesAt}`);
      expectClientError(await c.as.get(`/api/v1/opportunities?closesFrom=${encodeURIComponent(closesAt)}`), `closesFrom ${closesAt}`);
    }
    for (const expiresOn of ['2026-W01', '2026-001', '2026', '0000-01-01', '9999-12-31']) {
      expectClientError(await c.as.post(`/api/v1/organizations/${ids.org}/documents`).send({ title: 'Edge', kind: 'registration', expiresOn }), `expiresOn ${expiresOn}`);
    }
    for (const acknowledgedAt of ['0000-01-01', '9999-12-31', '2026-02-29']) {
      expectClientError(await c.as.patch(s()).send({ acknowledgedAt }), `acknowledgedAt ${acknowledgedAt}`);
    }
    for (const amount of ['999999999999.99', 999999999999.99, 1e21, 0.1 + 0.2]) {
      expectClientError(await c.as.post('/api/v1/opportunities').send({ title: 'Edge', visibility: 'network', amountMin: amount }), `amount ${amount}`);
      expectClientError(await c.as.patch(`${o()}/partners/${ids.partner}`).send({ budgetAmount: amount }), `budget ${amount}`);
    }
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(11 * 1024 * 1024, 0x20)]);
    const res = await c.as.post(`${o()}/checklist/${ids.item}/file`).attach('file', big, 'big.pdf');
    expect(res.status).toBe(413);
    expectClientError(res, 'oversize upload');
  });

  it('wrong Content-Type and malformed JSON are 4xx', async () => {
    const targets: [string, string][] = [
      ['post', '/api/v1/opportunities'], ['patch', o()], ['post', `${o()}/partners`], ['post', `${o()}/checklist`], ['post', '/api/v1/submissions'],
      ['patch', sec()], ['post', `${sec()}/comments`], ['post', `${s()}/endorsements`], ['post', `${s()}/transitions`],
    ];
    for (const [method, path] of targets) {
      const m = method as 'post' | 'patch';
      expectClientError(await c.as[m](path).set('Content-Type', 'application/json').send('{"title":'), `${method} ${path} malformed`);
      expectClientError(await c.as[m](path).set('Content-Type', 'text/plain').send('title=x'), `${method} ${path} text/plain`);
      expectClientError(await c.as[m](path).set('Content-Type', 'application/x-www-form-urlencoded').send('title=x&title=y'), `${method} ${path} form`);
      expectClientError(await c.as[m](path).set('Content-Type', 'application/json').send('null'), `${method} ${path} null`);
      expectClientError(await c.as[m](path).set('Content-Type', 'application/json').send('[1,2]'), `${method} ${path} array`);
      expectClientError(await c.as[m](path).set('Content-Type', 'multipart/form-data; boundary=x').send('--x\r\nbroken'), `${method} ${path} multipart`);
    }
  });

  it('malformed, empty, wrong-field and wrong-type uploads are 4xx', async () => {
    const uploads = [`${o()}/checklist/${ids.item}/file`, `/api/v1/organizations/${ids.org}/documents/${ids.doc}/file`, '/api/v1/opportunities/import'];
    for (const path of uploads) {
      expectClientError(await c.as.post(path), `${path} nothing`);
      expectClientError(await c.as.post(path).attach('file', Buffer.alloc(0), 'empty.pdf'), `${path} empty`);
      expectClientError(await c.as.post(path).attach('other', PDF_BYTES, 'doc.pdf'), `${path} wrong field`);
      expectClientError(await c.as.post(path).attach('file', PDF_BYTES, 'a.pdf').attach('file', PDF_BYTES, 'b.pdf'), `${path} two files`);
      expectClientError(await c.as.post(path).attach('file', Buffer.from('MZ\x90\x00 not allowed'), 'x.exe'), `${path} exe`);
      expectClientError(await c.as.post(path).attach('file', Buffer.from('\u0000\u0001\u0002'), 'x.csv'), `${path} binary`);
      expectClientError(await c.as.post(path).field('file', 'just text'), `${path} text field`);
      expectClientError(await c.as.post(path).set('Content-Type', 'multipart/form-data; boundary=zz').send('--zz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF'), `${path} truncated`);
      expectClientError(await c.as.post(path).set('Content-Type', 'multipart/form-data').send('garbage'), `${path} no boundary`);
      expectClientError(await c.as.post(path).attach('file', PDF_BYTES, NUL + '.pdf'), `${path} NUL name`);
    }
    const csv = (text: string) => c.as.post('/api/v1/opportunities/import?dryRun=true').attach('file', Buffer.from(text), 'x.csv');
    for (const text of ['"unterminated', 'title\n"a""', '\ufeff', 'title,visibility\n' + NUL + ',network', 'title,visibility\nx,network,extra', 'a,a,a\n1,2,3']) {
      expectClientError(await csv(text), `import ${JSON.stringify(text)}`);
    }
  });
});
