import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { FIELD_CODES, REFUSAL_CODES } from '../shared/refusal-codes.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import {
  type ApiDocument,
  type ApiOperation,
  apiOperations,
  fillPath,
  fromSchema,
  junk,
} from './support/openapi-walk.js';
import { addItem, addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { makeDeadline } from './support/reminder-factories.js';
import { importDemo, makeReview } from './support/review-factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Requests per operation, and the seed: fixed, so that a run in CI is repeatable. For a longer
 * hunt: FUZZ_RUNS=50 FUZZ_SEED=$RANDOM npm run test:e2e -- test/api-fuzz.e2e-spec.ts
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

interface Finding {
  request: string;
  status: number;
  body: unknown;
}

describe('every operation of the OpenAPI document, fed generated and hostile input', () => {
  let t: TestApp;
  let admin: Actor;
  let doc: ApiDocument;
  /** Ids of real records, so fuzzed requests reach the code behind the lookups too. */
  const real: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makeUser(t, { role: 'admin' });
    const org = await makeOrganization(t);
    const member = await makeUser(t, { organizationId: org.id });
    const opp = await makeOpportunity(admin, { visibility: 'participants' });
    const partner = await addPartner(admin, opp.id, { organizationId: org.id, role: 'lead' });
    const item = await addItem(admin, opp.id, { title: 'Registration certificate', partnerId: partner.id });
    const submission = await makeSubmission(admin, { leadOrganizationId: org.id, visibility: 'participants' });
    const section = await makeSection(admin, submission.id);
    const comment = await admin.as
      .post(`/api/v1/submissions/${submission.id}/sections/${section.id}/comments`)
      .send({ body: 'Shorter, please' })
      .expect(201);
    const deadline = await makeDeadline(admin, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      dueAt: new Date(Date.now() + 86_400_000 * 30).toISOString(),
    });
    const document = await admin.as
      .post(`/api/v1/organizations/${org.id}/documents`)
      .send({ title: 'Registration', kind: 'registration' });
    const review = await makeReview(admin, { dates: [{ kind: 'session', date: '2031-05-01' }] });
    const recommendation = (await importDemo(admin, review.id)).get('48(b)')!;
    Object.assign(real, {
      reviews: review.id,
      recommendations: recommendation.id,
      organizations: org.id,
      users: member.user.id,
      opportunities: opp.id,
      submissions: submission.id,
      deadlines: deadline.id,
      partnerId: partner.id,
      itemId: item.id,
      sectionId: section.id,
      commentId: comment.body.id,
      documentId: document.body?.id ?? '',
      version: '1',
    });
    doc = (await t.http().get('/api/docs-json').expect(200)).body as ApiDocument;
  });
  afterAll(() => t.close());

  /** `{id}` means the record of the collection before it; other names stand for themselves. */
  function realValue(path: string, name: string): string | undefined {
    if (name !== 'id') return real[name];
    const collection = path.split('/{id}')[0].split('/').pop() ?? '';
    return real[collection];
  }

  function requests(operation: ApiOperation) {
    const params = operation.op.parameters ?? [];
    const pathArbs = Object.fromEntries(
      params
        .filter((p) => p.in === 'path')
        .map((p) => {
          const known = realValue(operation.path, p.name);
          const options: fc.Arbitrary<string>[] = [fc.uuid(), junk.map(String), fc.string({ maxLength: 20 })];
          if (known) options.unshift(fc.constant(known), fc.constant(known));
          return [p.name, fc.oneof(...options)];
        }),
    );
    const queryArbs = Object.fromEntries(
      params.filter((p) => p.in === 'query').map((p) => [p.name, fromSchema(doc, p.schema)]),
    );
    const json = operation.op.requestBody?.content['application/json']?.schema;
    return fc.record({
      path: fc.record(pathArbs),
      query: fc.record(queryArbs, { requiredKeys: [] }),
      body: operation.op.requestBody ? fromSchema(doc, json) : fc.constant(undefined),
    });
  }

  async function send(
    operation: ApiOperation,
    input: { path: Record<string, string>; query: Record<string, unknown>; body: unknown },
  ) {
    const url = fillPath(operation.path, input.path);
    const query = Object.fromEntries(
      Object.entries(input.query).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]),
    );
    const req = admin.as[operation.method === 'put' ? 'put' : operation.method](url).query(query);
    const res =
      input.body === undefined
        ? await req
        : await req.set('Content-Type', 'application/json').send(JSON.stringify(input.body));
    return {
      label: `${operation.method.toUpperCase()} ${url}?${new URLSearchParams(query)} ${JSON.stringify(input.body)?.slice(0, 300) ?? ''}`,
      res,
    };
  }

  it(`never answers 5xx, and answers every 4xx in the error shape with a message (${RUNS} inputs per operation, seed ${SEED})`, async () => {
    // Deletions last, so the records stay for the other operations.
    const operations = apiOperations(doc).sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
    expect(operations.length).toBeGreaterThan(60);
    const findings: Finding[] = [];
    let sent = 0;
    for (const [i, operation] of operations.entries()) {
      for (const input of fc.sample(requests(operation), { numRuns: RUNS, seed: SEED + i })) {
        const { label, res } = await send(operation, input);
        sent += 1;
        const body = res.body as {
          statusCode?: unknown;
          error?: unknown;
          message?: unknown;
          code?: unknown;
          params?: unknown;
          details?: unknown;
        };
        // The pages behind signed links are for people: their refusals are HTML pages, not JSON.
        const page = /^text\/html/.test(res.headers['content-type'] ?? '');
        const wellShaped =
          page ||
          (body?.statusCode === res.status &&
            typeof body.error === 'string' &&
            typeof body.message === 'string' &&
            body.message.length > 0 &&
            codedForTheReader(body));
        if (res.status >= 500 || (res.status >= 400 && !wellShaped))
          findings.push({ request: label, status: res.status, body: res.body });
      }
    }
    expect(sent).toBe(operations.length * RUNS);
    expect(findings).toEqual([]);
  });
});

const refusalCodes = new Set<unknown>(REFUSAL_CODES);
const fieldCodes = new Set<unknown>(FIELD_CODES);

/** A refusal the web app can say in the reader's language: a known code, its params, and a known code per field. */
function codedForTheReader(body: { code?: unknown; params?: unknown; details?: unknown }): boolean {
  if (!refusalCodes.has(body.code) || typeof body.params !== 'object' || body.params === null) return false;
  if (!Array.isArray(body.details)) return true;
  return body.details.every(
    (d: { code?: unknown; params?: unknown }) => fieldCodes.has(d.code) && typeof d.params === 'object',
  );
}
