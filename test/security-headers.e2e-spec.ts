import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A Content-Security-Policy header as directive → sources. */
function policy(header: string | undefined): Record<string, string[]> {
  expect(header).toBeDefined();
  return Object.fromEntries(
    header!
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

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

    it("lets the web app's pages run only this server's scripts, styles, images and API, and be framed by none", async () => {
      for (const path of ['/', '/submissions', '/api/v1/me', '/health']) {
        const res = await t.http().get(path).set('Host', 'cjn.lan:3000');
        const csp = policy(res.headers['content-security-policy']);
        expect(csp['default-src']).toEqual(["'self'"]);
        expect(csp['script-src']).toEqual(["'self'"]);
        expect(csp['script-src-attr']).toEqual(["'none'"]);
        expect(csp['style-src']).toEqual(["'self'"]);
        // CodeMirror's run-time <style> element, by this answer's nonce; style="" in markup stays blocked by style-src.
        expect(csp['style-src-elem']).toEqual(["'self'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/]{22}=='$/)]);
        expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:']);
        expect(csp['connect-src']).toEqual(["'self'"]);
        expect(csp['object-src']).toEqual(["'none'"]);
        expect(csp['frame-ancestors']).toEqual(["'none'"]);
        // No outside host of any kind.
        expect(
          Object.values(csp)
            .flat()
            .filter((source) => /^https?:|\*/.test(source)),
        ).toEqual([]);
      }
    });

    it('gives each page a nonce of its own, in its policy and in the page for the editor', async () => {
      const nonces = new Set<string>();
      for (const path of ['/', '/submissions/anything', '/index.html', '/']) {
        const res = await t.http().get(path).set('Host', 'cjn.lan:3000');
        expect(res.type).toBe('text/html');
        const nonce = /'nonce-([^']+)'/.exec(policy(res.headers['content-security-policy'])['style-src-elem'][1])![1];
        expect(res.text).toContain(`<meta name="csp-nonce" content="${nonce}" />`);
        nonces.add(nonce);
      }
      expect(nonces.size).toBe(4);
    });

    it('lets only Swagger UI, the queue board and the signed-link pages (server-written) use inline styles', async () => {
      const docs = policy(
        (await t.http().get('/api/docs').set('Host', 'cjn.lan:3000')).headers['content-security-policy'],
      );
      expect(docs['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
      expect(docs['script-src']).toEqual(["'self'"]);
      expect(docs['img-src']).toEqual(["'self'", 'data:', 'blob:']);
      const board = policy(
        (await t.http().get('/admin/queues').set('Host', 'cjn.lan:3000')).headers['content-security-policy'],
      );
      expect(board['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
      expect(board['script-src']).toEqual(["'self'"]);
      const link = policy(
        (await t.http().get('/api/v1/links/not-a-token').set('Host', 'cjn.lan:3000')).headers[
          'content-security-policy'
        ],
      );
      expect(link['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
      expect(link['script-src']).toEqual(["'self'"]);
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
      for (const path of ['/', '/api/v1/me']) {
        const csp = policy((await t.http().get(path)).headers['content-security-policy']);
        expect(csp['upgrade-insecure-requests']).toEqual([]);
        expect(csp['script-src']).toEqual(["'self'"]);
      }
    });
  });
});
