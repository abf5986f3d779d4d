import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { lastAnswerFor, onlyJson } from './worker-plugins.js';

const BASE = 'https://tracker.example/api/v1/deadlines';
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

/** Cache Storage as the service worker sees it: one cache, its keys in the order they were put. */
function fakeCaches(entries: [string, unknown][]) {
  const kept = new Map(entries.map(([url, body]) => [url, body]));
  const cache = {
    keys: async () => [...kept.keys()].map((url) => new Request(url)),
    match: async (request: Request) => (kept.has(request.url) ? json(kept.get(request.url)) : undefined),
  };
  return {
    open: async (name: string) =>
      name === 'cjn-api-v1' ? cache : { keys: async () => [], match: async () => undefined },
  };
}

describe('the service worker’s API answers', () => {
  const original = (globalThis as { caches?: unknown }).caches;
  afterEach(() => {
    (globalThis as { caches?: unknown }).caches = original;
  });

  describe('offline, without an answer for the exact address', () => {
    beforeEach(() => {
      (globalThis as { caches?: unknown }).caches = fakeCaches([
        [`${BASE}?status=open&from=2026-12-01T08:00:00.000Z&to=2026-12-31T08:00:00.000Z&limit=20`, { seen: 'first' }],
        [`${BASE}?status=open&from=2026-12-07T09:30:12.345Z&to=2027-01-06T09:30:12.345Z&limit=20`, { seen: 'last' }],
        [`${BASE}?status=open&from=2026-12-07T09:30:12.345Z&limit=20`, { seen: 'open-ended' }],
      ]) as unknown;
    });

    const answer = async (url: string) => {
      const response = await lastAnswerFor({ request: new Request(url) });
      return response ? ((await response.json()) as { seen: string }).seen : undefined;
    };

    it('gives the newest answer kept for the same list asked from another "now"', async () => {
      await expect(
        answer(`${BASE}?limit=20&status=open&from=2026-12-08T07:00:00.000Z&to=2027-01-07T07:00:00.000Z`),
      ).resolves.toBe('last');
      await expect(answer(`${BASE}?status=open&from=2026-12-08T07:00:00.000Z&limit=20`)).resolves.toBe('open-ended');
    });

    it('gives nothing for another filter, page or set of parameters', async () => {
      await expect(answer(`${BASE}?status=done&from=2026-12-08T07:00:00.000Z&limit=20`)).resolves.toBeUndefined();
      await expect(
        answer(`${BASE}?status=open&from=2026-12-08T07:00:00.000Z&to=2027-01-07T07:00:00.000Z&limit=50`),
      ).resolves.toBeUndefined();
      await expect(answer(`${BASE}?status=open&limit=20`)).resolves.toBeUndefined();
    });
  });

  it('keeps JSON answers only: never a download or a server-written page, never a refusal', async () => {
    await expect(onlyJson({ response: json({ ok: true }) })).resolves.not.toBeNull();
    const docx = new Response('PK', {
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    });
    await expect(onlyJson({ response: docx })).resolves.toBeNull();
    const page = new Response('<!doctype html>', { headers: { 'content-type': 'text/html; charset=utf-8' } });
    await expect(onlyJson({ response: page })).resolves.toBeNull();
    const refused = new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } });
    await expect(onlyJson({ response: refused })).resolves.toBeNull();
  });
});
