import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { freePort, startAppProcess } from './support/app-process.js';
import { createTestDatabase, databaseUrl, dropDatabase } from './support/databases.js';
import { makeOrganization, makeUser, signIn } from './support/factories.js';
import { addItem, addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { fromNow } from './support/reminder-factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; items?: Schema };
type Operation = {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, unknown> };
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function operations(doc: Document): { name: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
  );
}

/** A 2xx that says what comes back: a JSON schema, a file of a named content type, or 204 No Content. */
function hasTypedSuccess(op: Operation): boolean {
  return Object.entries(op.responses).some(
    ([status, response]) =>
      /^2\d\d$/.test(status) &&
      // 204, and a 202 that promises no body (a request accepted for later), are typed by having none.
      (status === '204' ||
        (status === '202' && !response.content) ||
        Object.entries(response.content ?? {}).some(([type, media]) =>
          type === 'application/json' ? !!media.schema && Object.keys(media.schema).length > 0 : true,
        )),
  );
}

/** Every place a schema says `type: object` and nothing about what is inside. */
function bareObjects(schema: Schema | undefined, at: string, found: string[]): string[] {
  if (!schema || typeof schema !== 'object') return found;
  const typed =
    schema.properties ||
    'additionalProperties' in schema ||
    schema.$ref ||
    schema.allOf ||
    schema.oneOf ||
    schema.anyOf;
  if (schema.type === 'object' && !typed) found.push(at);
  for (const [name, property] of Object.entries(schema.properties ?? {})) bareObjects(property, `${at}.${name}`, found);
  if (schema.items) bareObjects(schema.items, `${at}[]`, found);
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const)
    for (const part of (schema[key] as Schema[] | undefined) ?? []) bareObjects(part, at, found);
  if (typeof schema.additionalProperties === 'object')
    bareObjects(schema.additionalProperties as Schema, `${at}{}`, found);
  return found;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Where `value` departs from `schema` (a small JSON Schema check of what the document uses). */
function departures(doc: Document, schema: Schema, value: unknown, at: string): string[] {
  let s = schema;
  let nullable = s.nullable === true;
  while (typeof s.$ref === 'string') {
    s = doc.components.schemas[(s.$ref as string).split('/').pop()!];
    nullable ||= s.nullable === true;
  }
  if (value === null) return nullable ? [] : [`${at}: null where the schema does not allow it`];
  if (Array.isArray(s.allOf)) return (s.allOf as Schema[]).flatMap((part) => departures(doc, part, value, at));
  if (Array.isArray(s.oneOf)) {
    const tries = (s.oneOf as Schema[]).map((part) => departures(doc, part, value, at));
    return tries.some((t) => t.length === 0)
      ? []
      : [`${at}: matches none of oneOf (${tries.map((t) => t[0]).join(' / ')})`];
  }
  if (Array.isArray(s.enum) && !s.enum.includes(value))
    return [`${at}: ${JSON.stringify(value)} is not one of ${s.enum.join(', ')}`];
  switch (s.type) {
    case 'string': {
      if (typeof value !== 'string') return [`${at}: ${typeof value} where a string is documented`];
      const format = { uuid: UUID, 'date-time': DATE_TIME, date: DATE }[s.format as string];
      return format && !format.test(value) ? [`${at}: ${JSON.stringify(value)} is not ${s.format}`] : [];
    }
    case 'number':
    case 'integer':
      return typeof value === 'number' ? [] : [`${at}: ${typeof value} where a number is documented`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: ${typeof value} where a boolean is documented`];
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((item, i) => departures(doc, s.items ?? {}, item, `${at}[${i}]`))
        : [`${at}: not an array`];
    default: {
      if (typeof value !== 'object') return [`${at}: ${typeof value} where an object is documented`];
      const record = value as Record<string, unknown>;
      const properties = s.properties ?? {};
      const missing = ((s.required as string[] | undefined) ?? [])
        .filter((name) => !(name in record))
        .map((name) => `${at}.${name}: documented as required, missing`);
      const extra = s.additionalProperties
        ? []
        : Object.keys(record)
            .filter((name) => !(name in properties))
            .map((name) => `${at}.${name}: not documented`);
      const inner = Object.entries(record).flatMap(([name, v]) =>
        name in properties
          ? departures(doc, properties[name], v, `${at}.${name}`)
          : typeof s.additionalProperties === 'object'
            ? departures(doc, s.additionalProperties as Schema, v, `${at}.${name}`)
            : [],
      );
      return [...missing, ...extra, ...inner];
    }
  }
}

describe('OpenAPI document: complete enough to generate the web client from', () => {
  let t: TestApp;
  let doc: Document;
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http().get('/api/docs-json').expect(200)).body as Document;
  });
  afterAll(() => t.close());

  it('gives every operation a summary, a tag, its security and a typed success response', () => {
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(90);
    const problems = ops.flatMap(({ name, op }) => [
      ...(op.summary ? [] : [`${name}: no summary`]),
      ...(op.tags?.length ? [] : [`${name}: no tag`]),
      ...(Array.isArray(op.security) ? [] : [`${name}: no security declared`]),
      ...(hasTypedSuccess(op) ? [] : [`${name}: no typed 2xx response`]),
    ]);
    expect(problems).toEqual([]);
    const ids = ops.map(({ op }) => op.operationId);
    expect(ids.filter((id, i) => !id || ids.indexOf(id) !== i)).toEqual([]);
    const typed = ops.filter(({ op }) => hasTypedSuccess(op)).length;
    console.log(`OpenAPI: ${ops.length} operations, ${typed} with a typed success response`);
  });

  it('declares session cookie and bearer token security, and public routes need neither', () => {
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'cookie']);
    const security = (path: string, method: string) => doc.paths[path][method].security;
    expect(security('/api/v1/opportunities/{id}', 'get')).toEqual([{ cookie: [] }, { bearer: [] }]);
    for (const [path, method] of [
      ['/api/v1/auth/login', 'post'],
      ['/api/v1/auth/invitations/accept', 'post'],
      ['/api/v1/calendar/{token}.ics', 'get'],
      ['/api/v1/links/{token}', 'post'],
      ['/health', 'get'],
    ]) {
      expect(security(path, method)).toEqual([]);
    }
  });

  it('answers errors in the one error shape', () => {
    expect(doc.components.schemas.Error).toMatchObject({
      required: expect.arrayContaining(['statusCode', 'error', 'message']),
    });
    const errors = operations(doc).flatMap(({ name, op }) =>
      Object.entries(op.responses)
        .filter(([status, response]) => /^4\d\d$/.test(status) && response.content?.['application/json'])
        .map(([status, response]) => [`${name} ${status}`, response.content!['application/json'].schema?.$ref]),
    );
    expect(errors.length).toBeGreaterThan(300);
    expect(errors.filter(([, ref]) => ref !== '#/components/schemas/Error')).toEqual([]);
    const transition = doc.paths['/api/v1/submissions/{id}/transitions'].post.responses;
    expect(Object.keys(transition)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409']));
  });

  it('types every field: no bare objects, ids as uuids, named enums, instants as date-time', () => {
    const bare = Object.entries(doc.components.schemas).flatMap(([name, schema]) => bareObjects(schema, name, []));
    for (const { name, op } of operations(doc)) {
      for (const p of op.parameters ?? []) bareObjects(p.schema, `${name} ${p.name}`, bare);
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {}))
        bareObjects(media.schema, `${name} body ${type}`, bare);
    }
    expect(bare).toEqual([]);

    const schemas = doc.components.schemas;
    expect(schemas.Object).toBeUndefined();
    expect(schemas.OpportunityResponse.properties).toMatchObject({
      id: { type: 'string', format: 'uuid' },
      funderId: { type: 'string', format: 'uuid', nullable: true },
      stage: { allOf: [{ $ref: '#/components/schemas/OpportunityStage' }] },
      createdAt: { type: 'string', format: 'date-time' },
    });
    expect(schemas.OpportunityStage).toMatchObject({
      type: 'string',
      enum: expect.arrayContaining(['identified', 'no_go']),
    });
    const pathIds = operations(doc).flatMap(({ op }) =>
      (op.parameters ?? []).filter((p) => p.in === 'path' && /^(id|[a-z]+Id)$/.test(p.name)),
    );
    expect(pathIds.length).toBeGreaterThan(50);
    expect(pathIds.filter((p) => p.schema?.format !== 'uuid')).toEqual([]);
  });

  it('names each schema once: opportunity and submission transitions are told apart', () => {
    const opportunity =
      doc.paths['/api/v1/opportunities/{id}/transitions'].post.requestBody!.content['application/json'].schema;
    const submission =
      doc.paths['/api/v1/submissions/{id}/transitions'].post.requestBody!.content['application/json'].schema;
    expect(opportunity).toEqual({ $ref: '#/components/schemas/OpportunityTransitionDto' });
    expect(submission).toEqual({ $ref: '#/components/schemas/SubmissionTransitionDto' });
    expect(doc.components.schemas.TransitionDto).toBeUndefined();
  });

  it('declares the content types of downloads', () => {
    const types = (path: string) => Object.keys(doc.paths[path].get.responses['200'].content ?? {});
    expect(types('/api/v1/opportunities/export.csv')).toEqual(['text/csv']);
    expect(types('/api/v1/calendar/{token}.ics')).toEqual(['text/calendar']);
    expect(types('/api/v1/submissions/{id}/document')).toEqual(
      expect.arrayContaining([
        'text/markdown',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/json',
      ]),
    );
    expect(types('/api/v1/opportunities/{id}/checklist/{itemId}/file')).toEqual(
      expect.arrayContaining(['application/pdf', 'image/png']),
    );
  });

  it('describes what the API really answers: real responses match their documented schemas', async () => {
    const checked: string[] = [];
    const problems: string[] = [];
    const expectDocumented = (method: string, template: string, res: { status: number; body: unknown }) => {
      const response = doc.paths[template]?.[method]?.responses[String(res.status)];
      const schema = response?.content?.['application/json']?.schema;
      const name = `${method.toUpperCase()} ${template} ${res.status}`;
      checked.push(name);
      if (!schema) problems.push(`${name}: status or JSON body not documented`);
      else problems.push(...departures(doc, schema, res.body, name));
      return res.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const org = await makeOrganization(t);
    const admin = await makeUser(t, { role: 'admin' });
    const coordinator = await makeUser(t, { role: 'coordinator', organizationId: org.id });
    const browser = await signIn(t, coordinator.user.email);

    expectDocumented('get', '/api/v1/me', await coordinator.as.get('/api/v1/me'));
    expectDocumented('post', '/api/v1/me/tokens', await browser.post('/api/v1/me/tokens').send({ name: 'script' }));
    expectDocumented('get', '/api/v1/me/tokens', await coordinator.as.get('/api/v1/me/tokens'));
    expectDocumented('get', '/api/v1/me/calendar', await coordinator.as.get('/api/v1/me/calendar'));
    expectDocumented('get', '/api/v1/users', await admin.as.get('/api/v1/users'));
    expectDocumented(
      'post',
      '/api/v1/users',
      await admin.as
        .post('/api/v1/users')
        .send({ email: `invitee-${Date.now()}@example.org`, name: 'Invitee', role: 'member' }),
    );
    expectDocumented('get', '/api/v1/organizations/{id}', await admin.as.get(`/api/v1/organizations/${org.id}`));
    expectDocumented('post', '/api/v1/organizations', await admin.as.post('/api/v1/organizations').send({}));
    expectDocumented('get', '/health', await admin.as.get('/health'));
    expectDocumented('get', '/health', await t.http().get('/health'));

    const funder = await makeOrganization(t, { kind: 'funder' });
    const opp = await makeOpportunity(coordinator, { funderId: funder.id, closesAt: fromNow(30 * 86_400_000) });
    expectDocumented('get', '/api/v1/opportunities/{id}', await coordinator.as.get(`/api/v1/opportunities/${opp.id}`));
    expectDocumented('get', '/api/v1/opportunities', await coordinator.as.get('/api/v1/opportunities'));
    expectDocumented(
      'patch',
      '/api/v1/opportunities/{id}',
      await coordinator.as.patch(`/api/v1/opportunities/${opp.id}`).send({ tags: ['justice'] }),
    );
    const partner = await addPartner(coordinator, opp.id, {
      organizationId: org.id,
      role: 'lead',
      budgetAmount: '1000.00',
    });
    expectDocumented(
      'get',
      '/api/v1/opportunities/{id}/partners',
      await coordinator.as.get(`/api/v1/opportunities/${opp.id}/partners`),
    );
    await addItem(coordinator, opp.id, { title: 'Registration certificate', partnerId: partner.id });
    expectDocumented(
      'get',
      '/api/v1/opportunities/{id}/checklist',
      await coordinator.as.get(`/api/v1/opportunities/${opp.id}/checklist`),
    );
    const move = (to: string) => coordinator.as.post(`/api/v1/opportunities/${opp.id}/transitions`).send({ to });
    expectDocumented('post', '/api/v1/opportunities/{id}/transitions', await move('screening'));
    expectDocumented('post', '/api/v1/opportunities/{id}/transitions', await move('closed'));
    expectDocumented(
      'get',
      '/api/v1/opportunities/{id}/activity',
      await coordinator.as.get(`/api/v1/opportunities/${opp.id}/activity`),
    );

    const deadline = expectDocumented(
      'post',
      '/api/v1/deadlines',
      await coordinator.as.post('/api/v1/deadlines').send({
        subjectType: 'opportunity',
        subjectId: opp.id,
        title: 'Concept note',
        kind: 'external',
        dueAt: fromNow(20 * 86_400_000),
        timeZone: 'Europe/Geneva',
      }),
    );
    expectDocumented('get', '/api/v1/deadlines/{id}', await coordinator.as.get(`/api/v1/deadlines/${deadline.id}`));
    expectDocumented('get', '/api/v1/deadlines', await coordinator.as.get('/api/v1/deadlines'));
    expectDocumented(
      'get',
      '/api/v1/deadlines/{id}/reminders',
      await coordinator.as.get(`/api/v1/deadlines/${deadline.id}/reminders`),
    );
    expectDocumented('get', '/api/v1/deadlines/templates', await coordinator.as.get('/api/v1/deadlines/templates'));

    const submission = await makeSubmission(coordinator, { leadOrganizationId: org.id });
    expectDocumented(
      'get',
      '/api/v1/submissions/{id}',
      await coordinator.as.get(`/api/v1/submissions/${submission.id}`),
    );
    expectDocumented('get', '/api/v1/submissions', await coordinator.as.get('/api/v1/submissions'));
    const section = await makeSection(coordinator, submission.id, { body: 'Children in conflict with the law.' });
    const sectionPath = `/api/v1/submissions/${submission.id}/sections/${section.id}`;
    expectDocumented('get', '/api/v1/submissions/{id}/sections/{sectionId}', await coordinator.as.get(sectionPath));
    expectDocumented(
      'patch',
      '/api/v1/submissions/{id}/sections/{sectionId}',
      await coordinator.as.patch(sectionPath).send({ version: section.version, body: 'Edited.' }),
    );
    expectDocumented(
      'patch',
      '/api/v1/submissions/{id}/sections/{sectionId}',
      await coordinator.as.patch(sectionPath).send({ version: section.version, body: 'Stale.' }),
    );
    expectDocumented(
      'get',
      '/api/v1/submissions/{id}/sections/{sectionId}/revisions',
      await coordinator.as.get(`${sectionPath}/revisions`),
    );
    expectDocumented(
      'get',
      '/api/v1/submissions/{id}/sections/{sectionId}/revisions/diff',
      await coordinator.as.get(`${sectionPath}/revisions/diff?from=1`),
    );
    expectDocumented(
      'post',
      '/api/v1/submissions/{id}/sections/{sectionId}/comments',
      await coordinator.as.post(`${sectionPath}/comments`).send({ body: 'Cite the 2016 law?' }),
    );
    expectDocumented(
      'get',
      '/api/v1/submissions/{id}/sections/{sectionId}/comments',
      await coordinator.as.get(`${sectionPath}/comments`),
    );
    expectDocumented(
      'post',
      '/api/v1/submissions/{id}/endorsements',
      await coordinator.as.post(`/api/v1/submissions/${submission.id}/endorsements`).send({}),
    );
    expectDocumented(
      'get',
      '/api/v1/submissions/{id}/endorsements',
      await coordinator.as.get(`/api/v1/submissions/${submission.id}/endorsements`),
    );
    expectDocumented(
      'post',
      '/api/v1/submissions/{id}/snapshots',
      await coordinator.as.post(`/api/v1/submissions/${submission.id}/snapshots`).send({ name: 'Round 1' }),
    );
    expectDocumented(
      'get',
      '/api/v1/submissions/{id}/document',
      await coordinator.as.get(`/api/v1/submissions/${submission.id}/document?format=json`),
    );
    expectDocumented('get', '/api/v1/notifications', await coordinator.as.get('/api/v1/notifications'));
    expectDocumented(
      'get',
      '/api/v1/organizations/{id}',
      await admin.as.get('/api/v1/organizations/3f2504e0-4f89-41d3-9a0c-0305e82c3301'),
    );

    expect(problems).toEqual([]);
    expect(checked.length).toBeGreaterThanOrEqual(38);
    expect(checked).toEqual(
      expect.arrayContaining([
        'POST /api/v1/organizations 400',
        'GET /api/v1/organizations/{id} 404',
        'POST /api/v1/opportunities/{id}/transitions 409',
        'PATCH /api/v1/submissions/{id}/sections/{sectionId} 409',
        'POST /api/v1/me/tokens 201',
      ]),
    );
  });

  it('is the same document when the built app (nest build) serves it', async () => {
    const dbName = await createTestDatabase();
    const port = await freePort();
    const app = startAppProcess({
      DATABASE_URL: databaseUrl(dbName),
      PORT: String(port),
      APP_ROLE: 'api',
      QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    });
    try {
      await app.waitFor(/API on /);
      const built = await (await fetch(`http://127.0.0.1:${port}/api/docs-json`)).json();
      expect(built).toEqual(doc);
    } finally {
      app.child.kill('SIGTERM');
      await app.exited;
      await dropDatabase(dbName);
    }
  });

  it("matches the web app's generated client types (web/src/api/schema.d.ts): else run `npm run openapi:client`", async () => {
    // As scripts/openapi-client.mjs writes it.
    const generated =
      "// Generated by `npm run openapi:client` from the API's OpenAPI document. Do not edit.\n" +
      astToString(await openapiTS(doc as never, { defaultNonNullable: false }));
    const committed = readFileSync(resolve('web/src/api/schema.d.ts'), 'utf8').split('\n');
    const lines = generated.split('\n');
    const first = lines.findIndex((line, i) => line !== committed[i]);
    const difference =
      first === -1 && committed.length === lines.length
        ? null
        : { line: first + 1, committed: committed[first], generated: lines[first] };
    expect(difference).toBeNull();
  });

  it('generates a typed client with openapi-typescript that type-checks with openapi-fetch', async () => {
    const schema = astToString(await openapiTS(doc as never));
    const dir = mkdtempSync(join(tmpdir(), 'cjn-openapi-client-'));
    try {
      writeFileSync(join(dir, 'schema.d.ts'), schema);
      writeFileSync(join(dir, 'use.ts'), CLIENT_USE);
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: 'esnext',
            moduleResolution: 'bundler',
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: [],
            lib: ['ES2022', 'DOM'],
            paths: { 'openapi-fetch': [resolve('node_modules/openapi-fetch')] },
          },
          files: ['use.ts'],
        }),
      );
      const tsc = spawnSync(
        process.execPath,
        [resolve('node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')],
        { encoding: 'utf8' },
      );
      expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
      expect(tsc.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A small use of the generated client, as the web app will write it; the `@ts-expect-error` lines must not type-check. */
const CLIENT_USE = `
import createClient from 'openapi-fetch';
import type { components, paths } from './schema.js';

type Schemas = components['schemas'];
const client = createClient<paths>({ baseUrl: 'http://localhost:3000' });

export async function use(id: string): Promise<void> {
  const { data, error } = await client.GET('/api/v1/opportunities/{id}', { params: { path: { id } } });
  if (data) {
    const title: string = data.title;
    const stage: Schemas['OpportunityStage'] = data.stage;
    const ready: boolean = data.readiness.readyToSubmit;
    const funder: string | null = data.funderId;
    // @ts-expect-error an opportunity has no field named name
    const name: string = data.name;
    // @ts-expect-error the stage is one of the pipeline's stages, not any string
    const wrong: Schemas['OpportunityStage'] = 'drafting';
    void [title, stage, ready, funder, name, wrong];
  }
  if (error) {
    const message: string = error.message;
    const status: number = error.statusCode;
    void [message, status];
  }

  const page = await client.GET('/api/v1/submissions', { params: { query: { limit: 10 } } });
  const firstTitle: string | undefined = page.data?.items[0]?.title;
  const next: string | null | undefined = page.data?.nextCursor;
  void [firstTitle, next];

  const section = await client.GET('/api/v1/submissions/{id}/sections/{sectionId}', { params: { path: { id, sectionId: id } } });
  const assignee: string | undefined = section.data?.assignee?.name;
  // @ts-expect-error a section may have no assignee (null)
  const assigneeName: string | undefined = section.data && section.data.assignee.name;
  void [assignee, assigneeName];

  await client.POST('/api/v1/submissions/{id}/transitions', { params: { path: { id } }, body: { to: 'review' } });
  // @ts-expect-error screening is an opportunity stage, not a submission status
  await client.POST('/api/v1/submissions/{id}/transitions', { params: { path: { id } }, body: { to: 'screening' } });
  // @ts-expect-error the id is required
  await client.GET('/api/v1/deadlines/{id}', {});

  const deadlines = await client.GET('/api/v1/deadlines', { params: { query: { status: 'open' } } });
  const due: string | undefined = deadlines.data?.items[0]?.display[0]?.local;
  void due;
}
`;
