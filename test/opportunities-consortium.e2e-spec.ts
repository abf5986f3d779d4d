import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FixedClock } from '../src/common/clock.js';
import { buildZip } from '../src/files/zip-fixture.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { addItem, addPartner, makeOpportunity, PDF_BYTES, tempUploadDir } from './support/opportunity-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
}

describe('consortium: partners, budgets, checklist, documents, notifications', () => {
  let t: TestApp;
  let uploadDir: string;
  let coordinator: Actor;
  let lacMember: Actor;
  let lacColleague: Actor;
  let lac: { id: string; name: string };
  let cjn: { id: string; name: string };
  let unicef: { id: string; name: string };
  const clock = new FixedClock(new Date('2026-02-01T03:00:00Z'));

  beforeAll(async () => {
    uploadDir = tempUploadDir();
    t = await startTestApp({ overrides: { uploadDir, maxUploadBytes: 64 * 1024 }, clock });
    coordinator = await makeUser(t, { role: 'coordinator' });
    cjn = await makeOrganization(t, { name: 'Child Justice Network' });
    lac = await makeOrganization(t, { name: 'Legal Aid of Cambodia' });
    unicef = await makeOrganization(t, { name: 'UNICEF Cambodia', kind: 'un_agency' });
    lacMember = await makeUser(t, { role: 'member', organizationId: lac.id });
    lacColleague = await makeUser(t, { role: 'viewer', organizationId: lac.id });
  });
  afterAll(() => t.close());

  describe('partners', () => {
    it('refuses null for a partner’s role or status (400 naming the field) but clears its budget with null', async () => {
      const opp = await makeOpportunity(coordinator);
      const p = await addPartner(coordinator, opp.id, {
        organizationId: cjn.id,
        role: 'lead',
        budgetAmount: '1000',
        budgetCurrency: 'USD',
      });
      for (const field of ['role', 'status']) {
        const res = await coordinator.as
          .patch(`/api/v1/opportunities/${opp.id}/partners/${p.id}`)
          .send({ [field]: null });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({
          statusCode: 400,
          error: 'Bad Request',
          details: [{ field, problems: ['must not be null'] }],
        });
      }
      const cleared = await coordinator.as
        .patch(`/api/v1/opportunities/${opp.id}/partners/${p.id}`)
        .send({ budgetAmount: null, budgetCurrency: null })
        .expect(200);
      expect(cleared.body).toMatchObject({ role: 'lead', budgetAmount: null, budgetCurrency: null });
    });

    it('keeps exactly one lead', async () => {
      const opp = await makeOpportunity(coordinator);
      await addPartner(coordinator, opp.id, { organizationId: cjn.id, role: 'lead' });
      const second = await coordinator.as
        .post(`/api/v1/opportunities/${opp.id}/partners`)
        .send({ organizationId: lac.id, role: 'lead' });
      expect(second.status).toBe(409);
      expect(second.body.message).toMatch(/Child Justice Network is already the lead/);
      const p = await addPartner(coordinator, opp.id, { organizationId: lac.id, role: 'co_applicant' });
      const promote = await coordinator.as
        .patch(`/api/v1/opportunities/${opp.id}/partners/${p.id}`)
        .send({ role: 'lead' });
      expect(promote.status).toBe(409);
      const dup = await coordinator.as
        .post(`/api/v1/opportunities/${opp.id}/partners`)
        .send({ organizationId: lac.id, role: 'associate' });
      expect(dup.status).toBe(409);
      expect(dup.body.message).toMatch(/already in this consortium/);
    });

    it('sums budget shares per currency and shows a share in another currency as such', async () => {
      const opp = await makeOpportunity(coordinator, { currency: 'USD' });
      await addPartner(coordinator, opp.id, { organizationId: cjn.id, role: 'lead', budgetAmount: '150000.10' });
      await addPartner(coordinator, opp.id, {
        organizationId: lac.id,
        role: 'co_applicant',
        budgetAmount: '45000.20',
        budgetCurrency: 'USD',
      });
      await addPartner(coordinator, opp.id, {
        organizationId: unicef.id,
        role: 'associate',
        budgetAmount: '20000',
        budgetCurrency: 'EUR',
      });
      const list = await coordinator.as.get(`/api/v1/opportunities/${opp.id}/partners`).expect(200);
      expect(list.body.budget).toEqual([
        { currency: 'USD', amount: '195000.30', partners: 2, callCurrency: true },
        { currency: 'EUR', amount: '20000.00', partners: 1, callCurrency: false },
      ]);
      const shares = Object.fromEntries(
        list.body.items.map(
          (p: { organization: { name: string }; budgetCurrency: string; inCallCurrency: boolean }) => [
            p.organization.name,
            [p.budgetCurrency, p.inCallCurrency],
          ],
        ),
      );
      expect(shares).toEqual({
        'Child Justice Network': ['USD', true],
        'Legal Aid of Cambodia': ['USD', true],
        'UNICEF Cambodia': ['EUR', false],
      });
      const detail = await coordinator.as.get(`/api/v1/opportunities/${opp.id}`).expect(200);
      expect(detail.body.budget).toEqual(list.body.budget);
    });

    it('moves status invited → confirmed | declined, records who confirmed, never back to invited', async () => {
      const opp = await makeOpportunity(coordinator);
      const p = await addPartner(coordinator, opp.id, { organizationId: lac.id, role: 'lead' });
      const confirmed = await lacMember.as
        .patch(`/api/v1/opportunities/${opp.id}/partners/${p.id}`)
        .send({ status: 'confirmed' })
        .expect(200);
      expect(confirmed.body).toMatchObject({ status: 'confirmed', confirmedBy: lacMember.user.id });
      const back = await coordinator.as
        .patch(`/api/v1/opportunities/${opp.id}/partners/${p.id}`)
        .send({ status: 'invited' });
      expect(back.status).toBe(409);
      expect(back.body.message).toMatch(/confirmed partner can become declined, not invited/);
    });

    it("notifies the invited organisation's members in-app, unread first, and lets them mark read", async () => {
      const opp = await makeOpportunity(coordinator, { title: 'OECD access-to-justice pilot' });
      const p = await addPartner(coordinator, opp.id, { organizationId: lac.id, role: 'co_applicant' });
      for (const who of [lacMember, lacColleague]) {
        const inbox = await who.as.get('/api/v1/notifications').expect(200);
        const entry = inbox.body.items.find((n: { subjectId: string }) => n.subjectId === p.id);
        expect(entry).toMatchObject({
          kind: 'partner.invited',
          subjectType: 'partner',
          url: `/opportunities/${opp.id}`,
          readAt: null,
        });
        expect(entry.title).toContain('OECD access-to-justice pilot');
      }
      const outsider = await makeUser(t, { role: 'member', organizationId: cjn.id });
      expect((await outsider.as.get('/api/v1/notifications')).body.items).toEqual([]);

      const before = await lacMember.as.get('/api/v1/notifications').expect(200);
      const first = before.body.items.find((n: { subjectId: string }) => n.subjectId === p.id);
      expect((await outsider.as.post(`/api/v1/notifications/${first.id}/read`)).status).toBe(404);
      const read = await lacMember.as.post(`/api/v1/notifications/${first.id}/read`).expect(200);
      expect(read.body.readAt).not.toBeNull();
      const after = await lacMember.as.get('/api/v1/notifications').expect(200);
      expect(after.body.unread).toBe(before.body.unread - 1);
      // Unread first: the read one comes last.
      expect(after.body.items[after.body.items.length - 1].id).toBe(first.id);
      const all = await lacMember.as.post('/api/v1/notifications/read-all').expect(200);
      expect(all.body.updated).toBe(after.body.unread);
      expect((await lacMember.as.get('/api/v1/notifications?unread=true')).body).toMatchObject({
        items: [],
        unread: 0,
      });
    });
  });

  describe('checklist uploads', () => {
    let opp: { id: string };
    let item: { id: string };
    beforeAll(async () => {
      opp = await makeOpportunity(coordinator);
      const p = await addPartner(coordinator, opp.id, { organizationId: lac.id, role: 'lead' });
      item = await addItem(coordinator, opp.id, { title: 'Budget (Excel)', partnerId: p.id });
    });
    const url = () => `/api/v1/opportunities/${opp.id}/checklist/${item.id}/file`;

    it('accepts an xlsx recognised by its content, stores it under UPLOAD_DIR and marks the item done', async () => {
      const xlsx = buildZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
      const before = files(uploadDir).length;
      const res = await lacMember.as.post(url()).attach('file', xlsx, 'LAC budget 2026.xlsx').expect(201);
      expect(res.body).toMatchObject({
        status: 'done',
        file: { name: 'LAC budget 2026.xlsx', sizeBytes: xlsx.length },
      });
      expect(res.body.file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(files(uploadDir).length).toBe(before + 1);
      const download = await coordinator.as.get(url()).expect(200);
      expect(download.headers['content-type']).toMatch(/spreadsheetml/);
    });

    it('keeps a Khmer file name as written, and gives it back in the download', async () => {
      const name = 'ថវិកា LAC ២០២៦.xlsx';
      const xlsx = buildZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
      const res = await lacMember.as.post(url()).attach('file', xlsx, name).expect(201);
      expect(res.body.file.name).toBe(name);
      const download = await coordinator.as.get(url()).expect(200);
      expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    });

    it('refuses a file whose content is not an accepted type, whatever its name (415), storing nothing', async () => {
      const before = files(uploadDir).length;
      const res = await lacMember.as.post(url()).attach('file', Buffer.from('<script>alert(1)</script>'), 'budget.pdf');
      expect(res.status).toBe(415);
      expect(res.body.message).toMatch(/not accepted/);
      expect(files(uploadDir).length).toBe(before);
    });

    it('refuses a PDF that also carries a Windows program (a polyglot), storing nothing', async () => {
      const exe = Buffer.alloc(0x80);
      exe.write('MZ', 0, 'latin1');
      exe.writeUInt32LE(0x40, 0x3c);
      exe.write('PE\0\0', 0x40, 'latin1');
      const before = files(uploadDir).length;
      const res = await lacMember.as.post(url()).attach('file', Buffer.concat([PDF_BYTES, exe]), 'report.pdf');
      expect(res.status).toBe(415);
      expect(res.body.message).toBe('This PDF file also holds an executable program; such files are refused');
      expect(files(uploadDir).length).toBe(before);
    });

    it('refuses a file over MAX_UPLOAD_BYTES (413)', async () => {
      const big = Buffer.concat([PDF_BYTES, Buffer.alloc(65 * 1024, 0x20)]);
      const res = await lacMember.as.post(url()).attach('file', big, 'big.pdf');
      expect(res.status).toBe(413);
      expect(res.body.statusCode).toBe(413);
    });

    it('removes a replaced file, and the file of a removed item, from disk and database', async () => {
      const own = await addItem(coordinator, opp.id, { title: 'CV of the project lead' });
      const path = `/api/v1/opportunities/${opp.id}/checklist/${own.id}/file`;
      const before = files(uploadDir).length;
      const first = await coordinator.as.post(path).attach('file', PDF_BYTES, 'cv-v1.pdf').expect(201);
      expect(files(uploadDir).length).toBe(before + 1);
      await coordinator.as
        .post(path)
        .attach('file', Buffer.concat([PDF_BYTES, Buffer.from('v2')]), 'cv-v2.pdf')
        .expect(201);
      expect(files(uploadDir).length).toBe(before + 1);
      expect(await t.db.query('SELECT 1 FROM stored_files WHERE id = $1', [first.body.file.id])).toHaveLength(0);
      expect((await coordinator.as.get(path).expect(200)).headers['content-disposition']).toContain('cv-v2.pdf');

      await coordinator.as.delete(`/api/v1/opportunities/${opp.id}/checklist/${own.id}`).expect(204);
      expect(files(uploadDir).length).toBe(before);
    });

    it("checks who uploads before reading the file: another organisation's member is refused, not told the file is too big", async () => {
      const outsider = await makeUser(t, { organizationId: unicef.id });
      const big = Buffer.concat([PDF_BYTES, Buffer.alloc(65 * 1024, 0x20)]);
      const before = files(uploadDir).length;
      const item = await outsider.as.post(url()).attach('file', big, 'big.pdf');
      expect(item.status).toBe(403);
      const document = await outsider.as
        .post(`/api/v1/organizations/${lac.id}/documents/${randomUUID()}/file`)
        .attach('file', big, 'big.pdf');
      expect(document.status).toBe(404);
      expect(files(uploadDir).length).toBe(before);
    });

    it('refuses an upload without a file', async () => {
      const res = await lacMember.as.post(url()).field('note', 'x');
      expect([400, 415]).toContain(res.status);
    });
  });

  describe('organisation documents', () => {
    it('keeps recurring documents with expiry on the organisation, for its people and coordinators', async () => {
      const create = await lacMember.as
        .post(`/api/v1/organizations/${lac.id}/documents`)
        .send({
          kind: 'registration_certificate',
          title: 'Registration with the Ministry of Interior',
          expiresOn: '2026-01-31',
        })
        .expect(201);
      expect(create.body).toMatchObject({ organizationId: lac.id, expiresOn: '2026-01-31', expired: true });
      await lacMember.as
        .post(`/api/v1/organizations/${lac.id}/documents/${create.body.id}/file`)
        .attach('file', PDF_BYTES, 'registration.pdf')
        .expect(201);
      const cjnMember = await makeUser(t, { role: 'member', organizationId: cjn.id });
      expect((await cjnMember.as.get(`/api/v1/organizations/${lac.id}/documents`)).status).toBe(404);
      expect((await cjnMember.as.get(`/api/v1/organizations/${lac.id}/documents/${create.body.id}/file`)).status).toBe(
        404,
      );
      expect((await lacColleague.as.get(`/api/v1/organizations/${lac.id}/documents`)).body.items).toHaveLength(1);
      expect(
        (await lacColleague.as.post(`/api/v1/organizations/${lac.id}/documents`).send({ kind: 'cv', title: 'x' }))
          .status,
      ).toBe(403);
      expect(
        (await coordinator.as.get(`/api/v1/organizations/${lac.id}/documents/${create.body.id}/file`)).status,
      ).toBe(200);
    });

    it('lets a checklist item point at a document instead of a new upload; an expired one blocks submission', async () => {
      const doc = await coordinator.as
        .post(`/api/v1/organizations/${lac.id}/documents`)
        .send({ kind: 'audited_accounts', title: 'Audited accounts 2024', expiresOn: '2026-12-31' })
        .expect(201);
      await coordinator.as
        .post(`/api/v1/organizations/${lac.id}/documents/${doc.body.id}/file`)
        .attach('file', PDF_BYTES, 'audit.pdf')
        .expect(201);
      const opp = await makeOpportunity(coordinator);
      const p = await addPartner(coordinator, opp.id, { organizationId: lac.id, role: 'lead', status: 'confirmed' });
      const other = await addPartner(coordinator, opp.id, {
        organizationId: cjn.id,
        role: 'associate',
        status: 'confirmed',
      });
      const item = await addItem(coordinator, opp.id, { title: 'Audited accounts', partnerId: p.id });
      const cjnItem = await addItem(coordinator, opp.id, { title: 'CJN accounts', partnerId: other.id });
      // Not CJN's document.
      const wrong = await coordinator.as
        .patch(`/api/v1/opportunities/${opp.id}/checklist/${cjnItem.id}`)
        .send({ documentId: doc.body.id });
      expect(wrong.status).toBe(400);
      await coordinator.as.delete(`/api/v1/opportunities/${opp.id}/checklist/${cjnItem.id}`).expect(204);

      const linked = await lacMember.as
        .patch(`/api/v1/opportunities/${opp.id}/checklist/${item.id}`)
        .send({ documentId: doc.body.id, status: 'done' })
        .expect(200);
      expect(linked.body.document).toMatchObject({ id: doc.body.id, expired: false, hasFile: true });
      // A partner of the consortium downloads it through the item, though not through the organisation.
      const cjnMember = await makeUser(t, { role: 'member', organizationId: cjn.id });
      expect((await cjnMember.as.get(`/api/v1/opportunities/${opp.id}/checklist/${item.id}/file`)).status).toBe(200);
      expect((await cjnMember.as.get(`/api/v1/organizations/${lac.id}/documents/${doc.body.id}/file`)).status).toBe(
        404,
      );

      expect((await coordinator.as.get(`/api/v1/opportunities/${opp.id}`)).body.readiness).toEqual({
        readyToSubmit: true,
        blockers: [],
        problems: [],
      });
      clock.set(new Date('2027-01-02T00:00:00Z'));
      try {
        const detail = await coordinator.as.get(`/api/v1/opportunities/${opp.id}`).expect(200);
        expect(detail.body.readiness.blockers).toEqual([
          'Required checklist item "Audited accounts" (Legal Aid of Cambodia) points at an expired document',
        ]);
        // The same, coded, for the reader's language.
        expect(detail.body.readiness.problems).toEqual([
          { code: 'itemDocumentExpired', params: { title: 'Audited accounts', owner: 'Legal Aid of Cambodia' } },
        ]);
      } finally {
        clock.set(new Date('2026-02-01T03:00:00Z'));
      }
    });

    it("an organisation's document linked from a network-wide opportunity's checklist stays closed (404) to members outside the consortium", async () => {
      const doc = await lacMember.as
        .post(`/api/v1/organizations/${lac.id}/documents`)
        .send({
          kind: 'registration_certificate',
          title: 'Registration certificate',
          url: 'https://files.example.org/lac/registration',
        })
        .expect(201);
      await lacMember.as
        .post(`/api/v1/organizations/${lac.id}/documents/${doc.body.id}/file`)
        .attach('file', PDF_BYTES, 'registration.pdf')
        .expect(201);
      const opp = await makeOpportunity(coordinator, { visibility: 'network' });
      const p = await addPartner(coordinator, opp.id, { organizationId: lac.id, role: 'lead', status: 'confirmed' });
      await addPartner(coordinator, opp.id, { organizationId: unicef.id, role: 'associate', status: 'declined' });
      const item = await addItem(coordinator, opp.id, { title: 'Registration', partnerId: p.id });
      await lacMember.as
        .patch(`/api/v1/opportunities/${opp.id}/checklist/${item.id}`)
        .send({ documentId: doc.body.id, status: 'done' })
        .expect(200);
      const file = `/api/v1/opportunities/${opp.id}/checklist/${item.id}/file`;

      const outsiderOrg = await makeOrganization(t, { name: 'Outside NGO' });
      const outsider = await makeUser(t, { role: 'member', organizationId: outsiderOrg.id });
      const declined = await makeUser(t, { role: 'member', organizationId: unicef.id });
      for (const reader of [outsider, declined]) {
        await reader.as.get(`/api/v1/opportunities/${opp.id}`).expect(200); // network-wide: they see the opportunity
        expect((await reader.as.get(`/api/v1/organizations/${lac.id}/documents/${doc.body.id}/file`)).status).toBe(404);
        expect((await reader.as.get(file)).status).toBe(404);
        const listed = await reader.as.get(`/api/v1/opportunities/${opp.id}/checklist`).expect(200);
        const row = listed.body.items.find((i: { id: string }) => i.id === item.id);
        expect(row).toMatchObject({
          downloadPath: null,
          document: { id: doc.body.id, title: 'Registration certificate', url: null },
        });
      }
      // Its own staff and coordinators still open it through the item.
      expect((await lacColleague.as.get(file)).status).toBe(200);
      expect((await coordinator.as.get(file)).status).toBe(200);
    });
  });

  describe('pipeline list', () => {
    it('filters by stage, funder, owner, tag, text and closing window, and sorts', async () => {
      const eu = await makeOrganization(t, { name: 'European Union Delegation', kind: 'funder' });
      const a = await makeOpportunity(coordinator, {
        title: 'Diversion pilot Battambang',
        funderId: eu.id,
        tags: ['diversion'],
        closesAt: '2026-03-01T10:00:00Z',
      });
      const b = await makeOpportunity(coordinator, {
        title: 'Legal aid for detained children',
        description: 'Pre-trial DETENTION monitoring',
        tags: ['detention'],
        closesAt: '2026-05-01T10:00:00Z',
      });
      await coordinator.as.post(`/api/v1/opportunities/${b.id}/transitions`).send({ to: 'screening' }).expect(200);
      const ids = async (q: string) =>
        (await coordinator.as.get(`/api/v1/opportunities?${q}`).expect(200)).body.items.map(
          (o: { id: string }) => o.id,
        );
      expect(await ids(`funderId=${eu.id}`)).toEqual([a.id]);
      expect(await ids('tag=detention')).toEqual([b.id]);
      expect(await ids('q=detention')).toEqual([b.id]);
      expect(await ids('stage=screening')).toContain(b.id);
      expect(await ids('stage=screening')).not.toContain(a.id);
      expect(await ids('closesFrom=2026-02-15&closesTo=2026-04-01')).toEqual([a.id]);
      expect(await ids(`ownerId=${coordinator.user.id}&closesFrom=2026-01-01&sort=-closesAt`)).toEqual([b.id, a.id]);
      expect(await ids('closesFrom=2026-01-01&sort=closesAt')).toEqual([a.id, b.id]);
      expect((await coordinator.as.get('/api/v1/opportunities?stage=won')).status).toBe(400);
      expect((await coordinator.as.get('/api/v1/opportunities?sort=evil')).status).toBe(400);
    });

    it('lists each call with its lead organisation and how many partners have not declined', async () => {
      const opp = await makeOpportunity(coordinator, { title: `Board card ${randomUUID()}` });
      const listed = async () =>
        (
          await coordinator.as.get(`/api/v1/opportunities?q=${encodeURIComponent(opp.title)}`).expect(200)
        ).body.items.map((o: { leadOrganization: string | null; partnerCount: number }) => [
          o.leadOrganization,
          o.partnerCount,
        ]);
      expect(await listed()).toEqual([[null, 0]]);
      await addPartner(coordinator, opp.id, { organizationId: unicef.id, role: 'associate' });
      await addPartner(coordinator, opp.id, { organizationId: lac.id, role: 'lead' });
      const cjnPartner = await addPartner(coordinator, opp.id, { organizationId: cjn.id, role: 'co_applicant' });
      expect(await listed()).toEqual([[lac.name, 3]]);
      await coordinator.as
        .patch(`/api/v1/opportunities/${opp.id}/partners/${cjnPartner.id}`)
        .send({ status: 'declined' })
        .expect(200);
      expect(await listed()).toEqual([[lac.name, 2]]);
    });

    it('archives on DELETE: gone from the pipeline, history kept', async () => {
      const opp = await makeOpportunity(coordinator, { title: 'Duplicate entry' });
      await coordinator.as.delete(`/api/v1/opportunities/${opp.id}`).expect(204);
      const ids = (await coordinator.as.get('/api/v1/opportunities?limit=100')).body.items.map(
        (o: { id: string }) => o.id,
      );
      expect(ids).not.toContain(opp.id);
      const history = await coordinator.as.get(`/api/v1/opportunities/${opp.id}/activity`).expect(200);
      expect(history.body.items.map((a: { action: string }) => a.action)).toEqual([
        'opportunity.archived',
        'opportunity.created',
      ]);
    });

    it('lets coordinators set a Telegram group chat and validates inputs without a 500', async () => {
      const opp = await makeOpportunity(coordinator);
      const res = await coordinator.as
        .patch(`/api/v1/opportunities/${opp.id}`)
        .send({ telegramChatId: '-1001234567890' })
        .expect(200);
      expect(res.body.telegramChatId).toBe('-1001234567890');
      expect((await coordinator.as.patch(`/api/v1/opportunities/${opp.id}`).send({ title: null })).status).toBe(400);
      expect(
        (await coordinator.as.patch(`/api/v1/opportunities/${opp.id}`).send({ amountMin: '10', amountMax: '5' }))
          .status,
      ).toBe(400);
      expect((await coordinator.as.patch(`/api/v1/opportunities/${opp.id}`).send({ currency: 'usd' })).status).toBe(
        400,
      );
      expect(
        (await coordinator.as.patch(`/api/v1/opportunities/${opp.id}`).send({ ownerId: lacMember.user.id })).status,
      ).toBe(400);
      expect((await coordinator.as.patch(`/api/v1/opportunities/${opp.id}`).send({ stage: 'awarded' })).status).toBe(
        400,
      );
      expect((await coordinator.as.get('/api/v1/opportunities/not-a-uuid')).status).toBe(400);
    });
  });
});

describe('opportunities in the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ overrides: { uploadDir: tempUploadDir() } });
  });
  afterAll(() => t.close());

  it('documents the routes, including uploads and transitions', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/opportunities',
        '/api/v1/opportunities/{id}/transitions',
        '/api/v1/opportunities/{id}/partners',
        '/api/v1/opportunities/{id}/checklist/{itemId}/file',
        '/api/v1/organizations/{id}/documents',
        '/api/v1/notifications',
        '/api/v1/notifications/read-all',
      ]),
    );
  });
});
