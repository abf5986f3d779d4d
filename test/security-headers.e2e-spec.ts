import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('security headers follow the address the tracker is served at', () => {
  describe('plain HTTP on an office LAN (http://cjn.lan:3000)', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp({ overrides: { publicUrl: 'http://cjn.lan:3000' } })));
    afterAll(() => t.close());

    it('never tells the browser to upgrade to an https that does not exist, so Swagger UI loads', async () => {
      for (const path of ['/api/docs', '/api/docs/swagger-ui.css', '/health']) {
        const res = await t.http().get(path).set('Host', 'cjn.lan:3000');
        expect(res.status).toBe(200);
        expect(res.headers['content-security-policy']).toBeDefined();
        expect(res.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
        expect(res.headers['strict-transport-security']).toBeUndefined();
      }
    });
  });

  describe('HTTPS (https://tracker.cjn.example)', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp({ overrides: { publicUrl: 'https://tracker.cjn.example' } })));
    afterAll(() => t.close());

    it('asks for https on every request and remembers it (HSTS)', async () => {
      const res = await t.http().get('/api/docs').expect(200);
      expect(res.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    });
  });
});
