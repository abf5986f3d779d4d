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
    const res = await admin.as.post('/api/v1/organizations').send({ name: 'X Org', kind: 'cso', isAdmin: true }).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', details: [{ field: 'isAdmin', problems: ['property isAdmin should not exist'] }] });
  });

  it('answers 400 to malformed JSON', async () => {
    const res = await admin.as.post('/api/v1/organizations').set('Content-Type', 'application/json').send('{"name": "x",').expect(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Malformed JSON in the request body' });
  });

  it('answers 413 to an oversize body', async () => {
    const res = await admin.as.post('/api/v1/organizations').send({ name: 'x'.repeat(1_100_000), kind: 'cso' }).expect(413);
    expect(res.body.statusCode).toBe(413);
  });

  it('answers 400 to ids that are not UUIDs, and 404 to unknown ones', async () => {
    const bad = await admin.as.get('/api/v1/organizations/not-a-uuid').expect(400);
    expect(bad.body.message).toMatch(/uuid/i);
    await admin.as.patch("/api/v1/users/1' OR 1=1").send({ name: 'x' }).expect(400);
    await admin.as.get('/api/v1/organizations/3f2504e0-4f89-41d3-9a0c-0305e82c3301').expect(404);
  });

  it('answers 404 in the error shape for unknown routes', async () => {
    const res = await admin.as.get('/api/v1/no-such-thing').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('answers 400 to wrong types and odd query strings', async () => {
    await admin.as.post('/api/v1/organizations').send({ name: ['a'], kind: 'cso' }).expect(400);
    await admin.as.post('/api/v1/organizations').send([1, 2]).expect(400);
    await admin.as.get('/api/v1/organizations?limit=abc').expect(400);
    await admin.as.get('/api/v1/organizations?kind=cso&kind=funder').expect(400);
    await admin.as.get('/api/v1/users?q[$gt]=1').expect(400);
  });

  it('serves the OpenAPI document generated from the code', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/organizations', '/health']));
    await t.http().get('/api/docs').expect(200);
  });

  it('tags every response with a request id', async () => {
    const res = await t.http().get('/health').set('X-Request-Id', 'trace-123').expect(200);
    expect(res.headers['x-request-id']).toBe('trace-123');
  });
});
