import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('health', async () => {
    const res = await t.http().get('/health');
    expect(res.body).toMatchObject({ status: 'ok' });
  });
});
