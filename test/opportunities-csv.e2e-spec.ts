import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { Opportunity } from '../src/opportunities/opportunity.entity.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { addPartner, makeOpportunity, tempUploadDir } from './support/opportunity-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('pipeline CSV export and import', () => {
  let t: TestApp;
  let coordinator: Actor;
  let member: Actor;

  beforeAll(async () => {
    t = await startTestApp({ overrides: { uploadDir: tempUploadDir() } });
    coordinator = await makeUser(t, { role: 'coordinator', email: 'coordinator@cjn.example.org' });
    const cjn = await makeOrganization(t, { name: 'Child Justice Network' });
    member = await makeUser(t, { role: 'member', organizationId: cjn.id });
    await makeOrganization(t, { name: 'European Union Delegation to Cambodia', kind: 'funder' });
  });
  afterAll(() => t.close());

  const importCsv = (csv: string, dryRun: boolean, who: Actor = coordinator) =>
    who.as
      .post(`/api/v1/opportunities/import?dryRun=${dryRun}`)
      .attach('file', Buffer.from(csv, 'utf8'), 'pipeline.csv');
  const count = () => t.db.getRepository(Opportunity).count();

  const header = 'title,funder,callReference,amountMin,amountMax,currency,closesAt,owner,visibility,stage,tags';
  const good = [
    'Access to justice for children in conflict with the law,European Union Delegation to Cambodia,EuropeAid/2026/01,150000,400000,EUR,2026-04-30,coordinator@cjn.example.org,network,screening,diversion;legal-aid',
    '"Juvenile justice data, Phase II",,,,50000,USD,,,participants,identified,',
  ];

  it('rejects a file with one bad row and writes nothing; the dry run reports every bad row by line', async () => {
    const bad = 'OECD people-centred justice grant,Nobody Foundation,,,,usd dollars,31/12/2026,,network,won,';
    const csv = [header, good[0], bad, good[1]].join('\n');
    const before = await count();

    const dry = await importCsv(csv, true).expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 3, valid: 2, created: [] });
    expect(dry.body.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [3, 'funder'],
      [3, 'currency'],
      [3, 'closesAt'],
      [3, 'stage'],
    ]);

    const real = await importCsv(csv, false);
    expect(real.status).toBe(400);
    expect(real.body.message).toBe('1 line(s) have problems (3); nothing was imported');
    expect(real.body.details.errors).toHaveLength(4);
    expect(await count()).toBe(before);
  });

  it('counts lines as a spreadsheet does, even with a quoted multi-line cell', async () => {
    const csv = [
      header,
      '"A title\nover two lines",,,,,,,,network,identified,',
      'Second,,,,,EURO,,,network,identified,',
    ].join('\n');
    const dry = await importCsv(csv, true).expect(200);
    expect(dry.body.errors).toEqual([
      { line: 4, field: 'currency', message: '"EURO" is not an ISO 4217 currency code' },
    ]);
  });

  it('imports a good file all at once, with activity for each opportunity', async () => {
    const before = await count();
    const res = await importCsv([header, ...good].join('\r\n'), false).expect(200);
    expect(res.body).toMatchObject({ dryRun: false, rows: 2, valid: 2, errors: [] });
    expect(res.body.created).toHaveLength(2);
    expect(await count()).toBe(before + 2);
    const first = await coordinator.as.get(`/api/v1/opportunities/${res.body.created[0]}`).expect(200);
    expect(first.body).toMatchObject({
      stage: 'screening',
      currency: 'EUR',
      amountMin: '150000.00',
      tags: ['diversion', 'legal-aid'],
    });
    expect(first.body.closesAt).toBe('2026-04-30T16:59:59.999Z');
    const second = await coordinator.as.get(`/api/v1/opportunities/${res.body.created[1]}`).expect(200);
    expect(second.body).toMatchObject({
      title: 'Juvenile justice data, Phase II',
      visibility: 'participants',
      ownerId: coordinator.user.id,
    });
    const history = await coordinator.as.get(`/api/v1/opportunities/${res.body.created[0]}/activity`).expect(200);
    // Its closing date became its external deadline in the same import.
    expect(history.body.items.map((a: { action: string }) => a.action).sort()).toEqual([
      'deadline.created',
      'opportunity.imported',
    ]);
  });

  it('refuses unknown columns, broken CSV and members', async () => {
    const ragged = await importCsv(`${header}\nOnly a title,EU\n${good[1]}\nToo,many,,,,,,,,,,,,cells`, true).expect(
      200,
    );
    expect(ragged.body.errors.map((e: { line: number }) => e.line)).toEqual([2, 4]);
    const unknown = await importCsv('name,funder\nx,y', true).expect(200);
    expect(unknown.body.errors[0]).toMatchObject({ line: 1, field: 'name' });
    const broken = await importCsv(`${header}\n"unclosed,quote`, false);
    expect(broken.status).toBe(400);
    expect(broken.body.message).toMatch(/not valid CSV/);
    expect((await importCsv([header, ...good].join('\n'), false, member)).status).toBe(403);
    const noFile = await coordinator.as.post('/api/v1/opportunities/import');
    expect(noFile.status).toBe(400);
  });

  it('exports the pipeline with partners and budget per currency; the export imports back', async () => {
    const cjnOrg = await makeOrganization(t, { name: 'Save the Children Cambodia' });
    const opp = await makeOpportunity(coordinator, { title: '=HYPERLINK("http://evil")', currency: 'USD' });
    await addPartner(coordinator, opp.id, {
      organizationId: cjnOrg.id,
      role: 'lead',
      budgetAmount: '1000',
      budgetCurrency: 'EUR',
    });
    const res = await coordinator.as.get('/api/v1/opportunities/export.csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parse(res.text, { columns: true, bom: true }) as Record<string, string>[];
    const row = rows.find((r) => r.id === opp.id)!;
    expect(row.title).toBe(`'=HYPERLINK("http://evil")`);
    expect(row.partners).toBe('Save the Children Cambodia (lead, invited)');
    expect(row.budget).toBe('1000.00 EUR (other currency)');
    expect(row.owner).toBe('coordinator@cjn.example.org');
    const back = await importCsv(res.text, true).expect(200);
    expect(back.body.errors).toEqual([]);
    expect(back.body.valid).toBe(rows.length);
  });

  it('shows a member the owner’s name, not an address that /users/:id hides from them', async () => {
    const opp = await makeOpportunity(coordinator, { title: 'Legal aid for children: small grants' });
    const hidden = await member.as.get(`/api/v1/users/${coordinator.user.id}`).expect(200);
    expect(hidden.body.email).toBeUndefined();
    const res = await member.as.get('/api/v1/opportunities/export.csv').expect(200);
    const row = (parse(res.text, { columns: true, bom: true }) as Record<string, string>[]).find(
      (r) => r.id === opp.id,
    )!;
    expect(row.owner).toBe(coordinator.user.name);
    expect(res.text).not.toContain('coordinator@cjn.example.org');
  });
});
