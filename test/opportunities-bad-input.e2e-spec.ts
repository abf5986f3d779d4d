import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  badQueries,
  bodies,
  clientErrorChecker,
  MISSING,
  NUL,
  MALFORMED_BODIES,
  requestsWithIds,
} from './support/bad-input.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { addItem, addPartner, makeOpportunity, PDF_BYTES, tempUploadDir } from './support/opportunity-factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Bad input on every route of opportunities, partners, checklists and organisation documents: a 4xx with the error shape, never a 500. */
describe('opportunities: bad input never answers 500', () => {
  let t: TestApp;
  let c: Actor;
  let member: Actor;
  let ids: Record<string, string>;
  const expectClientError = clientErrorChecker();

  beforeAll(async () => {
    t = await startTestApp({ overrides: { uploadDir: tempUploadDir() } });
    const org = await makeOrganization(t, { name: 'Fuzz partner' });
    c = await makeUser(t, { role: 'coordinator' });
    member = await makeUser(t, { role: 'member', organizationId: org.id });
    const opp = await makeOpportunity(c, { title: 'Fuzz grant', visibility: 'participants' });
    const partner = await addPartner(c, opp.id, { organizationId: org.id, role: 'lead' });
    const item = await addItem(c, opp.id, { title: 'Registration', partnerId: partner.id });
    await c.as
      .post(`/api/v1/opportunities/${opp.id}/checklist/${item.id}/file`)
      .attach('file', PDF_BYTES, 'doc.pdf')
      .expect(201);
    const doc = await c.as
      .post(`/api/v1/organizations/${org.id}/documents`)
      .send({ title: 'Registration certificate', kind: 'registration' });
    // Ids of another kind of record, for the routes that must not mistake them for their own.
    const sub = await makeSubmission(c, { leadOrganizationId: org.id, visibility: 'participants' });
    const section = await makeSection(c, sub.id, { body: 'Some text' });
    ids = {
      org: org.id,
      opp: opp.id,
      partner: partner.id,
      item: item.id,
      doc: doc.body.id ?? MISSING,
      sub: sub.id,
      section: section.id,
    };
  });
  afterAll(() => t.close());

  const o = () => `/api/v1/opportunities/${ids.opp}`;

  it('every list and read route survives bad query strings', async () => {
    const gets = [
      '/api/v1/opportunities',
      '/api/v1/opportunities/export.csv',
      o(),
      `${o()}/activity`,
      `${o()}/partners`,
      `${o()}/partners/${ids.partner}`,
      `${o()}/checklist`,
      `${o()}/checklist/${ids.item}`,
      `${o()}/checklist/${ids.item}/file`,
      `/api/v1/organizations/${ids.org}/documents`,
      '/api/v1/notifications',
    ];
    for (const path of gets) {
      for (const q of badQueries) {
        for (const actor of [c, member]) expectClientError(await actor.as.get(`${path}?${q}`), `GET ${path}?${q}`);
      }
    }
  });

  it('ids that are not uuids, of another type, or missing answer 4xx', async () => {
    const paths = [
      `/api/v1/opportunities/ID`,
      `/api/v1/opportunities/ID/activity`,
      `/api/v1/opportunities/ID/partners`,
      `${o()}/partners/ID`,
      `${o()}/checklist/ID`,
      `${o()}/checklist/ID/file`,
      `/api/v1/organizations/ID/documents`,
      `/api/v1/organizations/${ids.org}/documents/ID/file`,
      `/api/v1/notifications/ID/read`,
    ];
    const values = ['nope', MISSING, ids.sub, ids.opp, ids.section, '%00', '1e400', '-1', '0'];
    for (const [label, request] of requestsWithIds(c, paths, values)) expectClientError(await request, label);
  });

  it('opportunity routes survive bad bodies', async () => {
    const fields = [
      'title',
      'funderId',
      'callReference',
      'url',
      'description',
      'tags',
      'amountMin',
      'amountMax',
      'currency',
      'closesAt',
      'ownerId',
      'visibility',
      'telegramChatId',
    ];
    for (const body of bodies(fields, { title: 'Fuzz', visibility: 'network' })) {
      expectClientError(
        await c.as.post('/api/v1/opportunities').send(body as object),
        `POST opportunities ${JSON.stringify(body).slice(0, 80)}`,
      );
      expectClientError(
        await c.as.patch(o()).send(body as object),
        `PATCH opportunity ${JSON.stringify(body).slice(0, 80)}`,
      );
    }
    for (const body of bodies(['to', 'reason', 'override', 'awardedAmount', 'awardedCurrency'], { to: 'screening' })) {
      expectClientError(
        await c.as.post(`${o()}/transitions`).send(body as object),
        `POST transitions ${JSON.stringify(body).slice(0, 80)}`,
      );
    }
    for (const body of bodies(['organizationId', 'role', 'status', 'budgetAmount', 'budgetCurrency'], {
      organizationId: ids.org,
      role: 'associate',
    })) {
      expectClientError(
        await c.as.post(`${o()}/partners`).send(body as object),
        `POST partners ${JSON.stringify(body).slice(0, 80)}`,
      );
      expectClientError(
        await c.as.patch(`${o()}/partners/${ids.partner}`).send(body as object),
        `PATCH partner ${JSON.stringify(body).slice(0, 80)}`,
      );
      expectClientError(
        await member.as.patch(`${o()}/partners/${ids.partner}`).send(body as object),
        `member PATCH partner ${JSON.stringify(body).slice(0, 80)}`,
      );
    }
    for (const body of bodies(
      ['title', 'partnerId', 'required', 'status', 'url', 'documentId', 'dueDate', 'position', 'notes'],
      { title: 'x', required: true },
    )) {
      expectClientError(
        await c.as.post(`${o()}/checklist`).send(body as object),
        `POST checklist ${JSON.stringify(body).slice(0, 80)}`,
      );
      expectClientError(
        await c.as.patch(`${o()}/checklist/${ids.item}`).send(body as object),
        `PATCH item ${JSON.stringify(body).slice(0, 80)}`,
      );
    }
    for (const body of bodies(['title', 'kind', 'expiresOn', 'issuedOn', 'url', 'notes'], {
      title: 'x',
      kind: 'registration',
    })) {
      expectClientError(
        await c.as.post(`/api/v1/organizations/${ids.org}/documents`).send(body as object),
        `POST doc ${JSON.stringify(body).slice(0, 80)}`,
      );
    }
  });

  it('edge dates, amounts and sizes are stored or refused with a 4xx', async () => {
    for (const closesAt of [
      '2026-W01-1',
      '2026-001',
      '+010000-01-01T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59-14:00',
      '2026-02-29',
    ]) {
      expectClientError(
        await c.as.post('/api/v1/opportunities').send({ title: 'Edge', visibility: 'network', closesAt }),
        `closesAt ${closesAt}`,
      );
      expectClientError(
        await c.as.get(`/api/v1/opportunities?closesFrom=${encodeURIComponent(closesAt)}`),
        `closesFrom ${closesAt}`,
      );
    }
    for (const expiresOn of ['2026-W01', '2026-001', '2026', '0000-01-01', '9999-12-31']) {
      expectClientError(
        await c.as
          .post(`/api/v1/organizations/${ids.org}/documents`)
          .send({ title: 'Edge', kind: 'registration', expiresOn }),
        `expiresOn ${expiresOn}`,
      );
    }
    for (const amount of ['999999999999.99', 999999999999.99, 1e21, 0.1 + 0.2]) {
      expectClientError(
        await c.as.post('/api/v1/opportunities').send({ title: 'Edge', visibility: 'network', amountMin: amount }),
        `amount ${amount}`,
      );
      expectClientError(
        await c.as.patch(`${o()}/partners/${ids.partner}`).send({ budgetAmount: amount }),
        `budget ${amount}`,
      );
    }
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(11 * 1024 * 1024, 0x20)]);
    const res = await c.as.post(`${o()}/checklist/${ids.item}/file`).attach('file', big, 'big.pdf');
    expect(res.status).toBe(413);
    expectClientError(res, 'oversize upload');
  });

  it('wrong Content-Type and malformed JSON are 4xx', async () => {
    const targets: [string, string][] = [
      ['post', '/api/v1/opportunities'],
      ['patch', o()],
      ['post', `${o()}/partners`],
      ['post', `${o()}/checklist`],
    ];
    for (const [method, path] of targets) {
      const m = method as 'post' | 'patch';
      for (const [label, type, body] of MALFORMED_BODIES) {
        expectClientError(await c.as[m](path).set('Content-Type', type).send(body), `${method} ${path} ${label}`);
      }
    }
  });

  it('malformed, empty, wrong-field and wrong-type uploads are 4xx', async () => {
    const uploads = [
      `${o()}/checklist/${ids.item}/file`,
      `/api/v1/organizations/${ids.org}/documents/${ids.doc}/file`,
      '/api/v1/opportunities/import',
    ];
    for (const path of uploads) {
      expectClientError(await c.as.post(path), `${path} nothing`);
      expectClientError(await c.as.post(path).attach('file', Buffer.alloc(0), 'empty.pdf'), `${path} empty`);
      expectClientError(await c.as.post(path).attach('other', PDF_BYTES, 'doc.pdf'), `${path} wrong field`);
      expectClientError(
        await c.as.post(path).attach('file', PDF_BYTES, 'a.pdf').attach('file', PDF_BYTES, 'b.pdf'),
        `${path} two files`,
      );
      expectClientError(
        await c.as.post(path).attach('file', Buffer.from('MZ\x90\x00 not allowed'), 'x.exe'),
        `${path} exe`,
      );
      expectClientError(
        await c.as.post(path).attach('file', Buffer.from('\u0000\u0001\u0002'), 'x.csv'),
        `${path} binary`,
      );
      expectClientError(await c.as.post(path).field('file', 'just text'), `${path} text field`);
      expectClientError(
        await c.as
          .post(path)
          .set('Content-Type', 'multipart/form-data; boundary=zz')
          .send('--zz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF'),
        `${path} truncated`,
      );
      expectClientError(
        await c.as.post(path).set('Content-Type', 'multipart/form-data').send('garbage'),
        `${path} no boundary`,
      );
      expectClientError(await c.as.post(path).attach('file', PDF_BYTES, NUL + '.pdf'), `${path} NUL name`);
    }
    const csv = (text: string) =>
      c.as.post('/api/v1/opportunities/import?dryRun=true').attach('file', Buffer.from(text), 'x.csv');
    for (const text of [
      '"unterminated',
      'title\n"a""',
      '\ufeff',
      'title,visibility\n' + NUL + ',network',
      'title,visibility\nx,network,extra',
      'a,a,a\n1,2,3',
    ]) {
      expectClientError(await csv(text), `import ${JSON.stringify(text)}`);
    }
  });
});
