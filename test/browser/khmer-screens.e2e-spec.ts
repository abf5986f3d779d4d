import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  accessibilityProblems,
  ARTIFACTS,
  DESKTOP,
  latinWordsOutsideData,
  openPage,
  PHONE,
  screenshot,
  settle,
  signIn,
  startWebApp,
  type WebApp,
} from './web-app.js';

const EU_CALL = 'EU CSO-LA Cambodia 2026: access to justice for children in conflict with the law';
const OECD = 'Response to the OECD Draft Recommendation on Access to Justice and People-centred Justice Systems';
/**
 * What Khmer text writes in Latin letters too: names of bodies, file formats, ISO currency codes (and the
 * US of US$, as the browser formats dollars), API, and English as the language switch names it, in itself.
 */
const CODES = new Set([
  ...['CJN', 'CRC', 'OECD', 'UN', 'UNICEF', 'EU', 'UPR', 'API'],
  ...['CSV', 'PDF', 'DOCX', 'XLSX', 'ODT', 'PNG', 'JPEG'],
  ...['USD', 'EUR', 'KHR', 'GBP', 'CHF', 'US'],
  'English',
]);

/** English words a Khmer reader would meet on the page as it is now (their own data and codes left out). */
async function english(page: Page): Promise<string[]> {
  await settle(page);
  return (await latinWordsOutsideData(page)).filter((word) => !CODES.has(word));
}

async function idOf(page: Page, path: string, title: string): Promise<string> {
  const res = await page.request.get(`${path}?limit=100`);
  const { items } = (await res.json()) as { items: { id: string; title: string }[] };
  const found = items.find((item) => item.title === title);
  if (!found) throw new Error(`no "${title}" at ${path}`);
  return found.id;
}

/** The signed-in reader's own password, set afresh so that this file owns it. */
async function khmerMember(web: WebApp, page: Page) {
  const admin = await openPage(web, DESKTOP);
  await signIn(admin, 'admin@cjn.example');
  const orgs = (await (await admin.request.get('/api/v1/organizations?q=Legal%20Aid')).json()) as {
    items: { id: string }[];
  };
  const email = `srey.${Date.now().toString(36)}@lac.example`;
  const password = 'Tonle-Sap-at-dusk-2026';
  const created = await admin.request.post('/api/v1/users', {
    data: { email, name: 'Srey Mom', role: 'member', organizationId: orgs.items[0].id, password, language: 'km' },
  });
  expect(created.status()).toBe(201);
  await admin.context().close();
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  return { email, password };
}

describe('the web app in Khmer: no English outside the people’s own data, on every screen and in every error', () => {
  let web: WebApp;
  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(() => web?.close());

  for (const [viewport, width] of [
    [PHONE, 'phone'],
    [DESKTOP, 'desktop'],
  ] as const) {
    it(`a partner’s screens at ${width} width`, async () => {
      const page = await openPage(web, viewport);
      await signIn(page, 'dara@lac.example', null);
      await page.getByRole('heading', { level: 1, name: 'ផ្ទាំងគ្រប់គ្រង' }).waitFor();
      const opportunity = await idOf(page, '/api/v1/opportunities', EU_CALL);
      const submission = await idOf(page, '/api/v1/submissions', OECD);
      const sections = (await (await page.request.get(`/api/v1/submissions/${submission}/sections`)).json()) as {
        items: { id: string }[];
      };
      const deadlines = (await (await page.request.get('/api/v1/deadlines?limit=1')).json()) as {
        items: { id: string }[];
      };
      const screens = [
        '/',
        '/deadlines',
        '/deadlines?view=month',
        `/deadlines/${deadlines.items[0].id}`,
        `/deadlines/new?subjectType=opportunity&subjectId=${opportunity}`,
        '/inbox',
        '/opportunities',
        `/opportunities/${opportunity}`,
        '/submissions',
        '/submissions/new',
        `/submissions/${submission}`,
        `/submissions/${submission}/sections/${sections.items[0].id}`,
        '/profile',
        '/no-such-page',
      ];
      const found: string[] = [];
      for (const screen of screens) {
        await page.goto(screen);
        await page.locator('h1').first().waitFor();
        const words = await english(page);
        if (words.length) found.push(`${screen}: ${[...new Set(words)].join(' ')}`);
        if (screen === '/' || screen.startsWith('/opportunities/'))
          await screenshot(page, `khmer-screen-${screen.split('/')[1] || 'dashboard'}-${width}`);
      }
      expect(found).toEqual([]);
      await page.context().close();
    });
  }

  it('an admin’s and coordinator’s screens, with the activity lists, in Khmer', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'admin@cjn.example', 'ខ្មែរ');
    const opportunity = await idOf(page, '/api/v1/opportunities', EU_CALL);
    const submission = await idOf(page, '/api/v1/submissions', OECD);
    const found: string[] = [];
    for (const screen of [
      '/',
      '/admin/users',
      '/admin/organizations',
      '/opportunities?view=list',
      '/opportunities/new',
      `/opportunities/${opportunity}`,
      `/submissions/${submission}`,
    ]) {
      await page.goto(screen);
      await page.locator('h1').first().waitFor();
      const words = await english(page);
      if (words.length) found.push(`${screen}: ${[...new Set(words)].join(' ')}`);
    }
    await page.goto('/');
    await page.locator('.activity-list li').first().waitFor();
    await screenshot(page, 'khmer-activity-dashboard-desktop');
    await page
      .locator('section', { has: page.locator('.activity-list') })
      .screenshot({ path: `${ARTIFACTS}/khmer-activity-panel-desktop.png` });
    expect(found).toEqual([]);
    await page.context().close();
  });

  it('says each kind of error in Khmer, beside the field it concerns', async () => {
    const page = await openPage(web, PHONE);
    const { password } = await khmerMember(web, page);
    await page.getByRole('heading', { level: 1, name: 'ផ្ទាំងគ្រប់គ្រង' }).waitFor();

    // An empty required field.
    await page.goto('/submissions/new');
    await page.locator('h1').first().waitFor();
    await page.locator('form button[type="submit"]').click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    expect(await english(page)).toEqual([]);
    await screenshot(page, 'khmer-error-required-phone');

    // A common password, then a wrong current password.
    await page.goto('/profile');
    const passwords = page.locator('section[aria-labelledby="password-title"]');
    await passwords.locator('#current-password').fill(password);
    await passwords.locator('#new-password').fill('password12');
    await passwords.locator('button[type="submit"]').click();
    await expect(passwords.locator('#new-password-note').textContent()).resolves.toBe(
      'នេះជាពាក្យសម្ងាត់មួយក្នុងចំណោមពាក្យសម្ងាត់ដែលគេប្រើញឹកញាប់បំផុត។ សូមជ្រើសរើសពាក្យផ្សេង។',
    );
    await expect(passwords.locator('#new-password').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await english(page)).toEqual([]);
    await screenshot(page, 'khmer-error-common-password-phone');
    await passwords.screenshot({ path: `${ARTIFACTS}/khmer-error-password-panel-phone.png` });
    await passwords.locator('#current-password').fill('not-my-password-at-all');
    await passwords.locator('#new-password').fill('Mekong-delta-rain-2027');
    await passwords.locator('button[type="submit"]').click();
    await expect(passwords.locator('#current-password-note').textContent()).resolves.toBe(
      'ពាក្យសម្ងាត់បច្ចុប្បន្នរបស់អ្នកមិនត្រឹមត្រូវទេ។',
    );
    expect(await english(page)).toEqual([]);

    // A member may not move calls: the board offers no move to be refused (a refused move, in the test below).
    await page.goto('/opportunities');
    await page.locator('.board-card').filter({ hasText: EU_CALL }).waitFor();
    expect(await page.locator('.move-to, .drag-handle').count()).toBe(0);
    expect(await english(page)).toEqual([]);
    await screenshot(page, 'khmer-board-member-phone');

    // A file type that is not accepted, on a checklist item the reader's organisation owes.
    const opportunity = await idOf(page, '/api/v1/opportunities', EU_CALL);
    await page.goto(`/opportunities/${opportunity}`);
    const upload = page.locator('input[type="file"]').first();
    await upload.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('plain notes') });
    const refused = page.getByRole('alert').filter({ hasText: 'មិនទទួលយកប្រភេទឯកសារនេះទេ' });
    await refused.waitFor();
    expect(await english(page)).toEqual([]);
    await screenshot(page, 'khmer-error-upload-phone');

    // An invitation link that is no longer valid (the page keeps the language this device last used).
    await page.goto('/invitations/no-longer-valid-token');
    await page.locator('#new-password').fill('Kampot-pepper-fields-9');
    await page.locator('#repeat-password').fill('Kampot-pepper-fields-9');
    await page.locator('form button[type="submit"]').click();
    await page.getByRole('alert').filter({ hasText: 'តំណអញ្ជើញនេះមិនត្រឹមត្រូវ' }).waitFor();
    expect(await english(page)).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'khmer-error-invitation-phone');
    await page.context().close();
  });

  it('a coordinator reading Khmer is told why a stale board move is refused, and which steps it may take', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example', 'ខ្មែរ');
    const created = await page.request.post('/api/v1/opportunities', {
      data: { title: 'UNICEF small grant for child-friendly courts', visibility: 'network' },
    });
    expect(created.status()).toBe(201);
    await page.goto('/opportunities');
    const menu = page.getByLabel('ផ្លាស់ «UNICEF small grant for child-friendly courts» ទៅ');
    await menu.waitFor();
    // The board offers only allowed moves; someone else moving the call meanwhile makes this one refused.
    const { id } = await created.json();
    const elsewhere = await page.request.post(`/api/v1/opportunities/${id}/transitions`, { data: { to: 'screening' } });
    expect(elsewhere.status()).toBe(200);
    await menu.selectOption('screening');
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain('មិនអាចផ្លាស់ទីបែបនេះ');
    await expect(refusal.textContent()).resolves.toContain('ពីទីនេះ វាអាចផ្លាស់ទៅ៖');
    expect(await english(page)).toEqual([]);
    await screenshot(page, 'khmer-error-workflow-desktop');
    await page.context().close();
  });
});
