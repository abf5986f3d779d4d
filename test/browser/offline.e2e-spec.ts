import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  accessibilityProblems,
  latinWordsOutsideData,
  openPage,
  PHONE,
  screenshot,
  signIn,
  startWebApp,
  type WebApp,
} from './web-app.js';

const OECD = 'Response to the OECD Draft Recommendation on Access to Justice and People-centred Justice Systems';
const SECTION = 'Children as users of justice services';
const API_CACHE = 'cjn-api-v1';
/** Latin words Khmer text keeps: the app's name, and the format and key the editor's hint names. */
const NAMES = new Set(['CJN', 'Markdown', 'Ctrl']);

/** Waits until the service worker controls the page, then reloads so that the page's answers pass through it. */
async function underServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The URL of Dara's section of the OECD submission. */
async function sectionPath(page: Page): Promise<string> {
  const found = await page.request.get(`/api/v1/submissions?q=${encodeURIComponent(OECD)}`);
  const submissionId = (await found.json()).items[0].id as string;
  const sections = await page.request.get(`/api/v1/submissions/${submissionId}/sections`);
  const { items } = (await sections.json()) as { items: { id: string; title: string }[] };
  return `/submissions/${submissionId}/sections/${items.find((s) => s.title === SECTION)!.id}`;
}

/** Visits each page online, so the service worker keeps its answers. */
async function visitOnline(page: Page, paths: string[], ready: (path: string) => Promise<void>): Promise<void> {
  for (const path of paths) {
    await page.goto(path);
    await ready(path);
    await page.waitForLoadState('networkidle');
  }
}

const cachedApiPaths = (page: Page) =>
  page.evaluate(async (name) => {
    if (!(await caches.has(name))) return [];
    const cache = await caches.open(name);
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
  }, API_CACHE);

describe('the web app: a partner’s phone without a connection', () => {
  let web: WebApp;
  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(() => web?.close());

  it('reopens the dashboard, inbox and section offline from this device, and sends the text written offline on reconnecting', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'dara@lac.example');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await underServiceWorker(page);
    const section = await sectionPath(page);
    const heading: Record<string, string> = { '/': 'Dashboard', '/inbox': 'Inbox', [section]: SECTION };
    const ready = async (path: string) => {
      await page.getByRole('heading', { level: 1, name: heading[path] }).waitFor();
      if (path === section)
        await page
          .locator('.code-editor')
          .getByText(/Legal needs surveys/)
          .waitFor();
    };
    await visitOnline(page, ['/', '/inbox', section], ready);
    const kept = await cachedApiPaths(page);
    expect(kept).toContain('/api/v1/me');
    expect(kept.some((path) => path.startsWith('/api/v1/auth/'))).toBe(false);

    await page.context().setOffline(true);
    // No network at all, not even for the service worker: a request it never kept fails.
    await expect(page.evaluate(() => fetch('/api/v1/me?not-kept=1').then(() => 'answered'))).rejects.toThrow();
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'You are offline; showing what was saved on this device.' });
    for (const [path, name, data] of [
      // "Due in the next 30 days" asks from a new "now" each time: it gets the list as last seen.
      ['/', 'dashboard', page.getByRole('region', { name: 'Due in the next 30 days' }).getByRole('listitem').first()],
      ['/inbox', 'inbox', page.getByRole('link', { name: /Sophea Lim mentioned you/ })],
      [section, 'section', page.locator('.code-editor').getByText(/Legal needs surveys/)],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading[path] }).waitFor();
      await data.waitFor();
      await notice.waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await page.getByText(/this was not saved on this device/).count()).toBe(0);
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, `offline-${name}-en-phone`);
    }

    // Written offline, kept through a reload without a connection, and sent once the connection returns.
    const [, submissionId, sectionId] = /\/submissions\/([^/]+)\/sections\/([^/#?]+)/.exec(section)!;
    // (page.request goes from the test, not through the browser's network: it reads the server even now.)
    const read = async () =>
      (await (await page.request.get(`/api/v1/submissions/${submissionId}/sections/${sectionId}`)).json()) as {
        version: number;
        body: string;
      };
    const before = await read();
    await page.locator('.code-editor .cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n\nWritten on the bus: the Battambang court refers children to mediation.');
    await page.getByText('Unsaved changes (kept on this device).').waitFor();
    await page.waitForTimeout(400); // the draft is stored 300 ms after the last key
    await page.reload();
    await page.getByText(/^Your unsaved text from .+ was restored\.$/).waitFor();
    await page
      .locator('.code-editor')
      .getByText(/Written on the bus/)
      .waitFor();
    await notice.waitFor();
    await screenshot(page, 'offline-section-draft-en-phone');

    await page.context().setOffline(false);
    await page.getByText(`Saved as version ${before.version + 1}.`).waitFor();
    expect(await notice.count()).toBe(0);
    const after = await read();
    expect(after.version).toBe(before.version + 1);
    expect(after.body).toBe(`${before.body}\n\nWritten on the bus: the Battambang court refers children to mediation.`);
    await page.context().close();
  });

  it('text written offline meets a save made meanwhile elsewhere: on reconnecting, the merge view, as for any save', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'dara@lac.example');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await underServiceWorker(page);
    const section = await sectionPath(page);
    await page.goto(section);
    await page
      .locator('.code-editor')
      .getByText(/Legal needs surveys/)
      .waitFor();

    await page.context().setOffline(true);
    await page.locator('.code-editor .cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n\nDara, offline: add the 2022 figures.');
    await page.getByText('Unsaved changes (kept on this device).').waitFor();

    const coordinator = await openPage(web, PHONE);
    await signIn(coordinator, 'coordinator@cjn.example');
    const url = `/api/v1${section}`;
    const current = (await (await coordinator.request.get(url)).json()) as { version: number; body: string };
    const theirs = await coordinator.request.patch(url, {
      data: { body: `${current.body}\n\nCoordinator: shorten this paragraph.`, version: current.version },
    });
    expect(theirs.status()).toBe(200);
    await coordinator.context().close();

    await page.context().setOffline(false);
    await page.getByRole('heading', { name: 'Someone saved this section while you were writing' }).waitFor();
    await page.getByText(`Sophea Lim saved version ${current.version + 1}`).waitFor();
    // Nothing was overwritten: the server still has the coordinator's text, and Dara's is kept on the device.
    const after = (await (await page.request.get(url)).json()) as { version: number; body: string };
    expect(after.version).toBe(current.version + 1);
    expect(after.body).toContain('Coordinator: shorten this paragraph.');
    expect(after.body).not.toContain('Dara, offline');
    await page.context().close();
  });

  it('signing out empties what the device kept, so the next person offline sees none of it', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'dara@lac.example');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await underServiceWorker(page);
    await visitOnline(page, ['/', '/inbox'], async (path) => {
      await page.getByRole('heading', { level: 1, name: path === '/' ? 'Dashboard' : 'Inbox' }).waitFor();
    });
    expect(await cachedApiPaths(page)).toContain('/api/v1/notifications');

    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    expect(await cachedApiPaths(page)).toEqual([]);

    // Offline, the app itself still opens, but with nothing of Dara's.
    await page.context().setOffline(true);
    await page.goto('/inbox');
    await page
      .getByText('You are offline, and this was not saved on this device. It will show when the connection returns.')
      .waitFor();
    expect(await page.getByText(/Sophea Lim|Dara Sok/).count()).toBe(0);
    await screenshot(page, 'offline-signed-out-en-phone');
    await page.context().close();
  });

  it('signing out with text not yet saved asks first, then leaves none of it on the device', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'dara@lac.example');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const section = await sectionPath(page);
    await page.goto(section);
    const editor = page.locator('.code-editor');
    await editor.getByText(/Legal needs surveys/).waitFor();
    const drafts = () =>
      page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('cjn.draft.')).length);

    await editor.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n\nDara, on a shared phone: not for the next person.');
    await page.getByText('Unsaved changes (kept on this device).').waitFor();
    await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('cjn.draft.')));

    const signOut = async () => {
      // The menu stays open after "Cancel", with the focus back on "Sign out".
      if (!(await page.getByRole('button', { name: 'Sign out' }).isVisible()))
        await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('button', { name: 'Sign out' }).click();
    };
    await signOut();
    const dialog = page.getByRole('dialog', { name: 'Sign out and discard unsaved text?' });
    await dialog.getByText('1 section has text on this device that the server does not have yet.').waitFor();
    await screenshot(page, 'sign-out-unsaved-en-phone');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await editor.getByText('Dara, on a shared phone').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sign out');
    expect(await drafts()).toBe(1);

    await signOut();
    await dialog.getByRole('button', { name: 'Sign out and discard' }).click();
    await page.waitForURL(/\/sign-in/);
    expect(await drafts()).toBe(0);

    await signIn(page, 'dara@lac.example');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.goto(section);
    await editor.getByText(/Legal needs surveys/).waitFor();
    expect(await editor.textContent()).not.toContain('Dara, on a shared phone');
    await page.context().close();
  });

  it('says it is offline in Khmer, with no English', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'dara@lac.example', 'ខ្មែរ');
    await page.getByRole('heading', { level: 1, name: 'ផ្ទាំងគ្រប់គ្រង' }).waitFor();
    await underServiceWorker(page);
    const section = await sectionPath(page);
    await visitOnline(page, ['/', section], async (path) => {
      if (path === '/') await page.getByRole('heading', { level: 1, name: 'ផ្ទាំងគ្រប់គ្រង' }).waitFor();
      else
        await page
          .locator('.code-editor')
          .getByText(/Legal needs surveys/)
          .waitFor();
    });

    await page.context().setOffline(true);
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'អ្នកកំពុងនៅក្រៅបណ្ដាញ។ កំពុងបង្ហាញអ្វីដែលបានរក្សាទុកនៅលើឧបករណ៍នេះ។' });
    for (const [path, name] of [
      ['/', 'dashboard'],
      [section, 'section'],
    ] as const) {
      await page.goto(path);
      if (path === '/') await page.getByRole('heading', { level: 1, name: 'ផ្ទាំងគ្រប់គ្រង' }).waitFor();
      else
        await page
          .locator('.code-editor')
          .getByText(/Legal needs surveys/)
          .waitFor();
      await notice.waitFor();
      expect((await latinWordsOutsideData(page)).filter((word) => !NAMES.has(word))).toEqual([]);
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, `offline-${name}-km-phone`);
    }

    // A page never visited: what was never kept is said to be so, in Khmer, not the browser's error page.
    await page.goto('/deadlines');
    await page
      .getByText('អ្នកកំពុងនៅក្រៅបណ្ដាញ ហើយព័ត៌មាននេះមិនទាន់បានរក្សាទុកនៅលើឧបករណ៍នេះទេ។', { exact: false })
      .first()
      .waitFor();
    await screenshot(page, 'offline-not-kept-km-phone');
    await page.context().close();
  });
});
