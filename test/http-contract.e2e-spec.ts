import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeUser, type Actor } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('HTTP contract: bad input is a clear 4xx, never a 500', () => {
  let t: TestApp;
  let admin: Actor;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await makeUser(t, { role: 'admin' });
  });
  afterAll(() => t.close());

  it('rejects unknown fields by name', async () => {
    const res = await admin.as
      .post('/api/v1/organizations')
      .send({ name: 'X Org', kind: 'cso', isAdmin: true })
      .expect(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid_input',
      details: [
        { field: 'isAdmin', code: 'unknown_field', params: {}, problems: ['property isAdmin should not exist'] },
      ],
    });
  });

  it('answers 400 to malformed JSON', async () => {
    const res = await admin.as
      .post('/api/v1/organizations')
      .set('Content-Type', 'application/json')
      .send('{"name": "x",')
      .expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'bad_request',
      params: {},
      message: 'Malformed JSON in the request body',
    });
  });

  it('answers 413 to an oversize body', async () => {
    const res = await admin.as
      .post('/api/v1/organizations')
      .send({ name: 'x'.repeat(1_100_000), kind: 'cso' })
      .expect(413);
    expect(res.body.statusCode).toBe(413);
  });

  it('answers 400 to ids that are not UUIDs, and 404 to unknown ones', async () => {
    const bad = await admin.as.get('/api/v1/organizations/not-a-uuid').expect(400);
    expect(bad.body).toMatchObject({
      message: 'id must be a UUID (got "not-a-uuid")',
      code: 'invalid_input',
      details: [{ field: 'id', code: 'not_uuid', params: {}, problems: ['must be a UUID'] }],
    });
    const section = await admin.as
      .get('/api/v1/submissions/3f2504e0-4f89-41d3-9a0c-0305e82c3301/sections/42')
      .expect(400);
    expect(section.body.message).toBe('sectionId must be a UUID (got "42")');
    await admin.as.patch("/api/v1/users/1' OR 1=1").send({ name: 'x' }).expect(400);
    const missing = await admin.as.get('/api/v1/organizations/3f2504e0-4f89-41d3-9a0c-0305e82c3301').expect(404);
    expect(missing.body).toMatchObject({ code: 'not_found', params: { record: 'organization' } });
  });

  it('takes ids in upper case as the same ids, and gives them back in lower case', async () => {
    const org = (await admin.as.post('/api/v1/organizations').send({ name: 'Case Org', kind: 'cso' }).expect(201)).body;
    const upper = org.id.toUpperCase();
    expect((await admin.as.get(`/api/v1/organizations/${upper}`).expect(200)).body.id).toBe(org.id);
    const user = await admin.as
      .post('/api/v1/users')
      .send({
        email: `case-${Date.now()}@example.org`,
        name: 'Case',
        role: 'member',
        organizationId: upper,
        password: 'a long enough passphrase',
      })
      .expect(201);
    expect(user.body.organizationId).toBe(org.id);

    // The same id in another case is the same organisation: it cannot be the lead and its own partner.
    const other = (await admin.as.post('/api/v1/organizations').send({ name: 'Case Org 2', kind: 'cso' }).expect(201))
      .body;
    const res = await admin.as.post('/api/v1/submissions').send({
      title: 'Case',
      targetBody: 'OECD',
      kind: 'consultation_response',
      leadOrganizationId: org.id,
      partnerOrganizationIds: [upper, other.id],
      visibility: 'network',
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/lead organisation is not also a co-drafting partner/);
  });

  it('answers 404 in the error shape for unknown routes', async () => {
    const res = await admin.as.get('/api/v1/no-such-thing').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('answers 400 to wrong types and odd query strings', async () => {
    await admin.as
      .post('/api/v1/organizations')
      .send({ name: ['a'], kind: 'cso' })
      .expect(400);
    await admin.as.post('/api/v1/organizations').send([1, 2]).expect(400);
    await admin.as.get('/api/v1/organizations?limit=abc').expect(400);
    await admin.as.get('/api/v1/organizations?kind=cso&kind=funder').expect(400);
    await admin.as.get('/api/v1/users?q[$gt]=1').expect(400);
  });

  it('answers 400, not a stack overflow, to JSON nested thousands of levels deep, even at sign-in', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    for (const [path, agent] of [
      ['/api/v1/auth/login', t.http()],
      ['/api/v1/organizations', admin.as],
    ] as const) {
      const res = await agent
        .post(path)
        .set('Content-Type', 'application/json')
        .send(`{"email":"a@cjn.example","password":${deep},"name":${deep}}`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        code: 'bad_request',
        params: {},
        message: 'The JSON body is nested deeper than 32 levels',
      });
    }
    const brackets = '"' + '['.repeat(100) + '"';
    await admin.as
      .post('/api/v1/organizations')
      .send(`{"name":${brackets},"kind":"cso"}`)
      .set('Content-Type', 'application/json')
      .expect(201);
  });

  it('answers 400 naming the field to text with a lone surrogate', async () => {
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":"\\ud800@x.org","password":"abcdefghijk"}');
    expect(login.status).toBe(400);
    expect(login.body).toMatchObject({
      statusCode: 400,
      message: 'email holds ill-formed Unicode (a lone surrogate)',
      details: { field: 'email' },
    });
    const nested = await admin.as
      .post('/api/v1/organizations')
      .set('Content-Type', 'application/json')
      .send('{"name":"ok","kind":"cso","tags":["a","\\udc00"]}');
    expect(nested.status).toBe(400);
    expect(nested.body.details).toEqual({ field: 'tags[1]' });
    const nul = await admin.as
      .post('/api/v1/organizations')
      .set('Content-Type', 'application/json')
      .send('{"name":"a\\u0000b","kind":"cso"}');
    expect(nul.status).toBe(400);
    expect(nul.body).toMatchObject({ message: 'name holds a NUL character', details: { field: 'name' } });
  });

  it('answers 415 to a body in a content type no route reads, and changes nothing', async () => {
    const res = await admin.as
      .patch('/api/v1/me')
      .set('Content-Type', 'text/plain')
      .send('{"name":"Renamed"}')
      .expect(415);
    expect(res.body).toEqual({
      statusCode: 415,
      error: 'Unsupported Media Type',
      code: 'unsupported_media_type',
      params: {},
      message: 'Send the request body as application/json (got text/plain)',
    });
    expect((await admin.as.get('/api/v1/me').expect(200)).body.name).not.toBe('Renamed');
  });

  it('answers unknown API paths, and anything but a page GET, in the error shape', async () => {
    const paths = [
      '/api/no-such-thing',
      '/api/docs/no-such-file',
      '/api/v1/no-such-thing',
      '/health/no-such-check',
      '/assets/no-such-file.js',
    ];
    for (const path of paths) {
      const res = await t.http().get(path).expect(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
    const post = await t.http().post('/no-such-page').send({}).expect(404);
    expect(post.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'not_found',
      params: {},
      message: 'Cannot POST /no-such-page',
    });
  });

  it('serves the web app for its pages, the links in reminders included, and its not-found page for the rest', async () => {
    const pages = [
      '/',
      '/no-such-page',
      '/opportunities/8c9b48fb-4f35-4926-9257-d365ad3846ad',
      '/submissions/x/sections/y',
      '/invitation',
    ];
    for (const path of pages) {
      const res = await t.http().get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<div id="root"></div>');
    }
    const script = /src="(\/assets\/[^"]+\.js)"/.exec((await t.http().get('/').expect(200)).text)![1];
    const asset = await t.http().get(script).expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const manifest = await t.http().get('/manifest.webmanifest').expect(200);
    expect(JSON.parse(manifest.text)).toMatchObject({ name: 'CJN Tracker', display: 'standalone', start_url: '/' });
  });

  it('serves the OpenAPI document generated from the code', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/organizations', '/health']),
    );
    await t.http().get('/api/docs').expect(200);
  });

  it('tags every response with a request id', async () => {
    const res = await t.http().get('/health').set('X-Request-Id', 'trace-123').expect(200);
    expect(res.headers['x-request-id']).toBe('trace-123');
  });
});
