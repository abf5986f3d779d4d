import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { freePort, startAppProcess } from './support/app-process.js';
import { createTestDatabase, databaseUrl, dropDatabase } from './support/databases.js';
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
      (status === '204' ||
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
