import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  accessibilityProblems,
  DESKTOP,
  latinWordsOutsideData,
  openPage,
  PHONE,
  screenshot,
  signIn,
  startWebApp,
  type WebApp,
} from './web-app.js';

describe('the web app: a coordinator’s day', () => {
  let web: WebApp;
  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(() => web?.close());

  it('signs in and sees what is due in the next 30 days, each time in the deadline’s zone and in Phnom Penh', async () => {
    for (const [viewport, suffix] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const page = await openPage(web, viewport);
      expect(await accessibilityProblems(await goto(page, '/sign-in'))).toEqual([]);
      await screenshot(page, `sign-in-en-${suffix}`);
      await signIn(page, 'coordinator@cjn.example');
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

      const next30 = page.getByRole('region', { name: /Due in the next 30 days/ });
      const card = next30.getByRole('listitem').filter({ hasText: 'First draft of the joint comment circulated' });
      // Set in Geneva's neighbour Zurich as a date: the end of that day there, early next morning in Phnom Penh.
      // A list says the reader's time first, then the deadline's own where it differs, each with its zone.
      await card.getByText('(Zurich)').waitFor();
      await card.getByText('(Phnom Penh)').waitFor();
      const times = await card.locator('.deadline-when time').allTextContents();
      expect(times).toHaveLength(2);
      expect(times[0]).toMatch(/05:59/);
      expect(times[1]).toMatch(/23:59/);
      await expect(
        card.getByRole('link', { name: /Response to the OECD|General Comment/ }).count(),
      ).resolves.toBeGreaterThan(0);

      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, `dashboard-en-${suffix}`);
      await page.context().close();
    }
  });

  it('in Khmer, the dashboard shows no English apart from records’ own titles and names', async () => {
    for (const [viewport, suffix] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const page = await openPage(web, viewport);
      await signIn(page, 'coordinator@cjn.example', 'ខ្មែរ');
      await page.getByRole('heading', { level: 1, name: 'ផ្ទាំងគ្រប់គ្រង' }).waitFor();
      await page
        .getByRole('region', { name: /៣០ ថ្ងៃខាងមុខ/ })
        .getByRole('listitem')
        .first()
        .waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('km');
      // "CJN" is the network's own name, in the app's Khmer name too.
      expect((await latinWordsOutsideData(page)).filter((word) => word !== 'CJN')).toEqual([]);
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, `dashboard-km-${suffix}`);
      if (suffix === 'phone') {
        await page.getByRole('button', { name: 'ម៉ឺនុយ' }).click();
        await page.getByRole('link', { name: 'ប្រអប់សារ' }).waitFor();
        await screenshot(page, 'menu-km-phone');
      }
      await page.context().close();
    }
  });

  it('on a phone, each dashboard section shows its first three and a "Show more (N)" for the rest', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'coordinator@cjn.example');
    const next30 = page.getByRole('region', { name: /Due in the next 30 days/ });
    await next30.getByRole('listitem').first().waitFor();
    const total = Number(await next30.locator('h2 .count').textContent());
    expect(total).toBeGreaterThan(3);
    await expect(next30.locator('.deadline-card').count()).resolves.toBe(3);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`dashboard at 360 px: ${height} px tall with the first three of each section`);
    expect(height).toBeLessThan(5000);

    await next30.getByRole('button', { name: `Show more (${total - 3})` }).click();
    await expect(next30.locator('.deadline-card').count()).resolves.toBe(total);
    await expect(next30.getByRole('button', { name: /Show more/ }).count()).resolves.toBe(0);
    // Focus lands on the first card it revealed, so a keyboard or screen-reader user reads on from there.
    const focused = await page.evaluate(() => document.activeElement?.closest('.deadline-card') !== null);
    expect(focused).toBe(true);
    expect(
      await next30
        .locator('.deadline-card')
        .nth(3)
        .locator('.card-title')
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('opens a deadline from the dashboard, sees its reminders, and marks it done', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'coordinator@cjn.example');
    await page
      .getByRole('region', { name: /Due in the next 30 days/ })
      .getByRole('link', { name: 'First draft of the joint comment circulated' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'First draft of the joint comment circulated' }).waitFor();
    await page.getByRole('region', { name: 'Reminders' }).getByRole('listitem').first().waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'deadline-en-phone');

    await page.getByRole('button', { name: 'Mark done' }).click();
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    await expect(page.locator('.badge-done').first().textContent()).resolves.toBe('Done');
    await page.context().close();
  });

  it('opens the profile with its calendar feed, and an unknown address shows the app’s not-found page', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    await goto(page, '/profile');
    await expect(page.getByLabel('Feed address').inputValue()).resolves.toMatch(/\/api\/v1\/calendar\/.+\.ics$/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'profile-en-desktop');

    await goto(page, '/no-such-page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.context().close();
  });
});

async function goto<P extends { goto: (url: string) => Promise<unknown> }>(page: P, path: string): Promise<P> {
  await page.goto(path);
  return page;
}
