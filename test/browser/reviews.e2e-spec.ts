import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CRC_CONCLUDING_OBSERVATIONS_DEMO } from '../../src/seed/crc-concluding-observations.demo.js';
import {
  accessibilityProblems,
  DESKTOP,
  englishOnFollowUpScreen,
  fitsTheScreen,
  openPage,
  PHONE,
  screenshot,
  signIn,
  startWebApp,
  type WebApp,
} from './web-app.js';

describe('the web app: following up the recommendations of a review', () => {
  let web: WebApp;
  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(() => web?.close());

  it('a coordinator creates a review, previews the pasted recommendations, saves them and sees the matrix', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Follow-up' }).click();
    await page.getByRole('heading', { level: 1, name: 'Follow-up' }).waitFor();
    // The demo's reviews are listed, with their symbols and counts.
    await page.getByText('CRC/C/KHM/CO/4-6').first().waitFor();

    await page.getByRole('button', { name: 'New review' }).click();
    await page.getByLabel('Mechanism').selectOption('crc');
    await page.getByLabel('Name of the review').fill('CRC review of Cambodia (browser test)');
    await page.getByLabel('Document symbol').fill('CRC/C/KHM/CO/4-6/T');
    await page.getByLabel('Adopted on').fill('2022-05-27');
    await page.getByLabel('State report due').fill('2027-11-14');
    await page.getByLabel('List of Issues').fill('2027-03-01');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create the review' }).click();
    await page.getByRole('heading', { level: 1, name: 'CRC review of Cambodia (browser test)' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/reviews\/[0-9a-f-]{36}$/);
    // Its dates are deadlines of the review, listed with links to them.
    const deadlines = page.getByRole('region', { name: /Deadlines of this review/ });
    await deadlines.getByRole('link').first().waitFor();
    await expect(deadlines.getByRole('link').count()).resolves.toBeGreaterThanOrEqual(2);
    await page.getByText('No recommendations yet.').first().waitFor();

    await page.getByLabel('Recommendations, pasted from the document').fill(CRC_CONCLUDING_OBSERVATIONS_DEMO);
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.locator('section.import-preview');
    await preview.getByText(/17 paragraphs and 22 sub-items/).waitFor();
    // 48(b) under its cluster, marked urgent as paragraph 4 asks for paragraph 48.
    const special = preview.locator('.import-group', { has: page.getByRole('heading', { name: /^J\. Special/ }) });
    await expect(
      special
        .getByRole('listitem')
        .filter({ hasText: /^48\(b\)\s*Urgent/ })
        .count(),
    ).resolves.toBe(1);
    // A dry run saves nothing.
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const before = (await (await page.request.get(`/api/v1/reviews/${id}`)).json()) as { recommendationCount: number };
    expect(before.recommendationCount).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'reviews-import-preview-desktop');

    await page.getByRole('button', { name: /^Save \d+ recommendations$/ }).click();
    await page.getByText(/^Saved: \d+ added, 0 changed, 0 unchanged\.$/).waitFor();
    const matrix = page.getByRole('region', { name: 'Follow-up matrix' });
    await matrix.getByRole('table').waitFor();
    await expect(matrix.getByRole('rowheader', { name: /Special protection measures/ }).count()).resolves.toBe(1);
    // Every recommendation starts with no information: the last row counts them all in that column.
    const after = (await (await page.request.get(`/api/v1/reviews/${id}`)).json()) as { recommendationCount: number };
    expect(after.recommendationCount).toBeGreaterThan(30);
    await expect(matrix.locator('tfoot td').first().innerText()).resolves.toBe(String(after.recommendationCount));

    // A cell of the matrix opens the list filtered to its cluster and status.
    const cell = matrix.getByRole('link', { name: /^No information: \d+, J\. Special protection measures/ });
    const inCell = Number(await cell.innerText());
    await cell.click();
    await page.waitForURL(/status=no_information&cluster=J\.\+Special/);
    await page.waitForFunction(
      (count) => document.querySelectorAll('.recommendation-list > li').length === count,
      inCell,
    );
    // Cluster, then status: the first two filters.
    const filters = page.getByRole('search', { name: 'Filter the recommendations' });
    await filters.locator('select').nth(0).selectOption('');
    await filters.locator('select').nth(1).selectOption('');
    // The list filtered to the urgent recommendations.
    await page.getByLabel('Urgency').selectOption('true');
    // The 18 that the preview counted as urgent.
    await page.getByText(/^18 recommendations$/).waitFor();
    await page.getByRole('link', { name: 'Paragraph 48(b)' }).waitFor();
    await expect(page.getByRole('link', { name: 'Paragraph 5', exact: true }).count()).resolves.toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'reviews-matrix-desktop');
    await page.context().close();
  });

  it('a Khmer partner on a phone records an assessment of the recommendation their organisation follows', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'dara@lac.example', null);
    await page.getByRole('heading', { level: 1, name: 'ផ្ទាំងគ្រប់គ្រង' }).waitFor();
    await page.getByRole('button', { name: 'ម៉ឺនុយ' }).click();
    await page.getByRole('link', { name: 'តាមដានអនុសាសន៍' }).click();
    await page.getByRole('heading', { level: 1, name: 'តាមដានអនុសាសន៍' }).waitFor();
    // Partners see no form to create a review.
    await expect(page.getByRole('button', { name: 'ការពិនិត្យថ្មី' }).count()).resolves.toBe(0);
    expect(await englishOnFollowUpScreen(page)).toEqual([]);
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, 'reviews-list-km-phone');

    await page.getByRole('link', { name: /^CRC review of Cambodia: combined/ }).click();
    await page.getByRole('heading', { level: 2, name: 'តារាងតាមដាន' }).waitFor();
    // No import for a partner.
    await expect(page.getByRole('heading', { name: 'នាំចូលអនុសាសន៍' }).count()).resolves.toBe(0);
    // The filter lives in the URL: the box is ticked once the list has moved there.
    await page.getByLabel('តែអនុសាសន៍ដែលអង្គការខ្ញុំតាមដាន').click();
    await page.waitForURL(/mine=true/);
    await page.waitForFunction(() => document.querySelectorAll('.recommendation-list > li').length === 1);
    await page.getByRole('link', { name: 'កថាខណ្ឌ 48(b)' }).waitFor();
    expect(await englishOnFollowUpScreen(page)).toEqual([]);
    expect(await fitsTheScreen(page)).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'review-km-phone');

    await page.getByRole('link', { name: 'កថាខណ្ឌ 48(b)' }).click();
    await page.getByRole('heading', { level: 1, name: 'កថាខណ្ឌ 48(b)' }).waitFor();
    const history = page.getByRole('region', { name: /ប្រវត្តិនៃការវាយតម្លៃ/ });
    const before = await history.locator('ol.history > li').count();
    await page.getByLabel('ស្ថានភាព', { exact: true }).selectOption('partially_implemented');
    await page.getByLabel('អ្វីដែលបានផ្លាស់ប្តូរ').fill('មេធាវីជំនួយផ្លូវច្បាប់ឥតគិតថ្លៃ មាននៅក្នុងខេត្តចំនួនប្រាំមួយ។');
    await page.getByLabel('តំណភស្តុតាង').fill('https://www.moj.gov.kh/legal-aid-2026');
    await page.getByRole('button', { name: 'កត់ត្រាការវាយតម្លៃ' }).click();
    await page.getByRole('status').filter({ hasText: 'បានកត់ត្រាការវាយតម្លៃ។' }).waitFor();
    await page.waitForFunction((count) => document.querySelectorAll('ol.history > li').length === count, before + 1);
    const newest = history.locator('ol.history > li').first();
    await newest.getByText('បានអនុវត្តខ្លះ').waitFor();
    await newest.getByRole('link', { name: 'https://www.moj.gov.kh/legal-aid-2026' }).waitFor();
    await newest.getByText('Dara Sok').waitFor();
    const detail = (await (
      await page.request.get(new URL(page.url()).pathname.replace('/recommendations', '/api/v1/recommendations'))
    ).json()) as { status: string };
    expect(detail.status).toBe('partially_implemented');
    expect(await englishOnFollowUpScreen(page)).toEqual([]);
    expect(await fitsTheScreen(page)).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'recommendation-assessed-km-phone');
    await page.context().close();
  });
});
