import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  accessibilityProblems,
  DESKTOP,
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

describe('the web app: a partner’s day on a phone', () => {
  let web: WebApp;
  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(() => web?.close());

  it('a Khmer reader signing in from an English browser works in Khmer, and their profile stays Khmer', async () => {
    const admin = await openPage(web, DESKTOP);
    await signIn(admin, 'admin@cjn.example');
    const email = `sokha.${Date.now().toString(36)}@lac.example`;
    const created = await admin.request.post('/api/v1/users', {
      data: { email, name: 'Sokha Chan', role: 'member', password: 'Mekong-river-2026-sokha', language: 'km' },
    });
    expect(created.status()).toBe(201);
    await admin.context().close();

    const page = await openPage(web, PHONE);
    await page.goto('/sign-in');
    // The browser speaks English, so the sign-in page does too; she picks nothing there.
    await expect(page.getByRole('radio', { name: 'English' }).isChecked()).resolves.toBe(true);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill('Mekong-river-2026-sokha');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await page.getByRole('heading', { level: 1, name: 'ផ្ទាំងគ្រប់គ្រង' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('km');
    const me = (await (await page.request.get('/api/v1/me')).json()) as { language: string };
    expect(me.language).toBe('km');
    await screenshot(page, 'sign-in-keeps-khmer-phone');

    // Picking a language on the sign-in page is a choice, and the profile follows it.
    await page.context().close();
    const again = await openPage(web, PHONE);
    await again.goto('/sign-in');
    await again.getByRole('radio', { name: 'English' }).click();
    await again.getByLabel('E-mail').fill(email);
    await again.getByLabel('Password').fill('Mekong-river-2026-sokha');
    await again.getByRole('button', { name: 'Sign in' }).click();
    await again.waitForURL((url) => url.pathname !== '/sign-in');
    await expect(again.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    expect(((await (await again.request.get('/api/v1/me')).json()) as { language: string }).language).toBe('en');
    await again.context().close();
  });

  it('opens the inbox, follows a notification to the section it is about, and the notice is read', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'dara@lac.example');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: /Inbox/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    // The mention, and the seed's reminders of Dara's own deadlines: stored in Khmer, her profile's language,
    // and written in the language she reads now, with the due time once.
    const unreadBefore = Number(/^(\d+) unread$/.exec(await page.getByText(/^\d+ unread$/).innerText())![1]);
    expect(unreadBefore).toBeGreaterThanOrEqual(2);
    expect(await accessibilityProblems(page)).toEqual([]);
    const reminder = page.locator('.notification', { hasText: /^(Due in .+|Overdue): / }).first();
    await expect(reminder.locator('.notification-body').innerText()).resolves.toMatch(/^Due (by the end of )?\S/m);
    expect(
      await page
        .locator('.notification')
        .filter({ hasText: /[\u1780-\u17FF]/ })
        .count(),
    ).toBe(0);
    await screenshot(page, 'inbox-en-phone');

    await page
      .getByRole('link', { name: 'Sophea Lim mentioned you in “Children as users of justice services”' })
      .click();
    await page.waitForURL(/\/submissions\/[^/]+\/sections\/[^/#]+#comment-/);
    await page.getByRole('heading', { level: 1, name: 'Children as users of justice services' }).waitFor();
    await page
      .locator('.code-editor')
      .getByText(/Legal needs surveys rarely ask children/)
      .waitFor();
    // The mention itself, in the section's comments, is the one the link points at.
    await page
      .locator('.comment.current')
      .getByText('Could we cite the figures from the 2022 needs assessment here?')
      .waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'section-en-phone');

    await page.getByRole('link', { name: OECD }).click();
    await page.getByRole('region', { name: 'Sections' }).getByRole('listitem').first().waitFor();
    await page.getByText('Assigned to Dara Sok').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'submission-en-phone');

    await page.goto('/inbox');
    await settle(page);
    await page.getByText(`${unreadBefore - 1} unread`).waitFor();
    await page.context().close();
  });

  it('marks a checklist item done and uploads a document for it, on the consortium’s opportunity page', async () => {
    for (const [viewport, suffix] of [
      [PHONE, 'phone'],
      [DESKTOP, 'desktop'],
    ] as const) {
      const page = await openPage(web, viewport);
      await signIn(page, 'dara@lac.example');
      await openOpportunity(page, EU_CALL);
      await page.getByRole('heading', { level: 1, name: EU_CALL }).waitFor();
      const partners = page.getByRole('region', { name: 'Consortium partners' });
      await expect(partners.getByRole('row', { name: /Total in EUR/ }).textContent()).resolves.toMatch(/730,000/);
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, `opportunity-en-${suffix}`);
      await page.context().close();
    }

    // In Khmer, from the deadline on the dashboard to the checklist item it is about.
    const page = await openPage(web, PHONE);
    await signIn(page, 'dara@lac.example', 'ខ្មែរ');
    await page
      .getByRole('link', { name: /^Audited accounts \(last 2 years\)/ })
      .first()
      .click();
    await page.waitForURL(/\/opportunities\/[^/]+\/checklist\/[^/]+$/);
    const item = page.locator('.checklist-item.current');
    await item.waitFor();
    await expect(item.locator('.item-title').textContent()).resolves.toBe('Audited accounts (last 2 years)');
    await item.getByRole('button', { name: /^សម្គាល់ថារួចរាល់ ?: Audited accounts/ }).click();
    await item.getByRole('button', { name: /^សម្គាល់ថាមិនទាន់រួច ?: Audited accounts/ }).waitFor();
    await expect(item.locator('.badge').textContent()).resolves.toBe('រួចរាល់');

    await item.locator('input[type="file"]').setInputFiles({
      name: 'audited-accounts-2024-2025.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
    });
    await item.getByRole('link', { name: 'audited-accounts-2024-2025.pdf' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'opportunity-km-phone');
    await page.context().close();
  });
});

/** The opportunity's page, reached the way a reminder's link reaches it: by its address. */
async function openOpportunity(page: Page, title: string): Promise<void> {
  const found = await page.request.get(`/api/v1/opportunities?q=${encodeURIComponent('EU CSO-LA')}`);
  const { items } = (await found.json()) as { items: { id: string; title: string }[] };
  const opportunity = items.find((o) => o.title === title);
  if (!opportunity) throw new Error(`no opportunity "${title}" in the seed`);
  await page.goto(`/opportunities/${opportunity.id}`);
  await settle(page);
}
