import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { makeUser } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** One GET as a browser on mobile data sends it, read as raw bytes (no client that decompresses for us). */
function fetchRaw(port: number, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const decoded = (encoding: string | undefined, bytes: Buffer) =>
  encoding === 'br' ? brotliDecompressSync(bytes) : encoding === 'gzip' ? gunzipSync(bytes) : bytes;

describe('a phone on mobile data gets compressed answers', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp();
    if (!t.server.listening) await new Promise<void>((resolve) => t.server.listen(0, '127.0.0.1', resolve));
    port = (t.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it('sends the app’s scripts as the brotli or gzip copy the build made, whichever the browser accepts', async () => {
    const page = await fetchRaw(port, '/', { 'Accept-Encoding': 'gzip' });
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(
      decoded(page.headers['content-encoding'], page.bytes).toString(),
    )![1];
    const original = readFileSync(`web/dist${script}`);

    const br = await fetchRaw(port, script, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.bytes.length).toBeLessThan(original.length / 2);
    expect(decoded('br', br.bytes).equals(original)).toBe(true);

    const gzip = await fetchRaw(port, script, { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded('gzip', gzip.bytes).equals(original)).toBe(true);

    const plain = await fetchRaw(port, script, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.equals(original)).toBe(true);
  });

  it('serves the service worker as JavaScript that the browser asks for again at every check', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const sw = await fetchRaw(port, '/sw.js', { 'Accept-Encoding': encoding });
      expect(sw.status).toBe(200);
      expect(sw.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(sw.headers['cache-control']).toBe('no-cache');
      expect(decoded(sw.headers['content-encoding'], sw.bytes).toString()).toContain('precacheAndRoute');
    }
    // Everything else outside /assets keeps its short cache.
    const manifest = await fetchRaw(port, '/manifest.webmanifest', { 'Accept-Encoding': 'identity' });
    expect(manifest.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('compresses large JSON answers, and leaves small ones as they are', async () => {
    const member = await makeUser(t);
    const docs = await fetchRaw(port, '/api/docs-json', { 'Accept-Encoding': 'gzip, br' });
    expect(docs.status).toBe(200);
    expect(['gzip', 'br']).toContain(docs.headers['content-encoding']);
    expect(JSON.parse(decoded(docs.headers['content-encoding'], docs.bytes).toString()).openapi).toMatch(/^3\./);

    const health = await fetchRaw(port, '/health', { 'Accept-Encoding': 'gzip' });
    expect(health.headers['content-encoding']).toBeUndefined();
    const me = await fetchRaw(port, '/api/v1/me', {
      'Accept-Encoding': 'gzip',
      Authorization: `Bearer ${member.token}`,
    });
    expect(me.status).toBe(200);
    expect(JSON.parse(decoded(me.headers['content-encoding'], me.bytes).toString()).email).toBe(member.user.email);
  });
});
