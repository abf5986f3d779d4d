import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
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

/** The coordinator's pipeline: record a call, drag it along, see a refused move's reason, override one. */
describe('the web app: the grant pipeline board', () => {
  let web: WebApp;
  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(() => web?.close());

  const column = (page: Page, stage: string) => page.getByRole('region', { name: new RegExp(`^${stage}`) });
  const card = (scope: Page | Locator, title: string) => scope.getByRole('listitem').filter({ hasText: title });

  /** A real pointer drag: press on the card's handle, move over the column in steps, release. */
  async function drag(page: Page, title: string, toStage: string) {
    const handle = page.getByRole('button', { name: `Drag “${title}” to another stage` });
    const from = (await handle.boundingBox())!;
    await column(page, toStage).scrollIntoViewIfNeeded();
    const to = (await column(page, toStage).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(
        from.x + ((to.x + to.width / 2 - from.x) * i) / 10,
        from.y + ((to.y + 60 - from.y) * i) / 10,
      );
    await page.mouse.up();
  }

  it('records a call, drags it to screening, shows why a jump is refused, and overrides the submit checks', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    await page.getByRole('link', { name: 'Opportunities' }).click();
    await page.getByRole('heading', { level: 1, name: 'Grant pipeline' }).waitFor();

    const title = 'UNICEF diversion pilot for Battambang 2027';
    await page.getByRole('button', { name: 'New call' }).click();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Closing date').fill('2027-03-31');
    await page.getByRole('button', { name: 'Record the call' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    await page.getByRole('link', { name: 'Opportunities' }).click();
    await card(column(page, 'Identified'), title).waitFor();
    await drag(page, title, 'Screening');
    await card(column(page, 'Screening'), title).waitFor();
    await page.reload();
    await card(column(page, 'Screening'), title).waitFor(); // saved, not only moved on screen

    // A jump the pipeline does not allow: the reason shows, and the card stays where it was.
    await card(page, title).getByLabel(`Move “${title}” to another stage`).selectOption({ label: 'Submitted' });
    const refusal = page.getByRole('alert').filter({ hasText: 'cannot move to Submitted' });
    await refusal
      .getByText('An opportunity in screening can move to preparing, no_go or withdrawn, not submitted')
      .waitFor();
    await card(column(page, 'Screening'), title).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'board-refused-en-desktop');
    await refusal.getByRole('button', { name: 'Close' }).click();

    // Preparing, then submitted although the consortium is not ready: a coordinator overrides with a reason.
    await card(page, title).getByLabel(`Move “${title}” to another stage`).selectOption({ label: 'Preparing' });
    await card(column(page, 'Preparing'), title).waitFor();
    await card(page, title).getByLabel(`Move “${title}” to another stage`).selectOption({ label: 'Submitted' });
    const notReady = page.getByRole('alert').filter({ hasText: 'Not ready to submit' });
    await notReady.getByText(/no lead partner/).waitFor();
    await notReady.getByLabel(/Submit anyway/).fill('UNICEF accepted a concept note by e-mail; partners follow');
    await notReady.getByRole('button', { name: 'Override and move' }).click();
    await card(column(page, 'Submitted'), title).waitFor();
    await page.context().close();
  });

  it('lists, filters and previews a CSV import with each bad row’s problem before writing anything', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    await page.goto('/opportunities?view=list');
    await page.getByLabel('Search').fill('Oak Foundation');
    const rows = page.getByRole('table').getByRole('row');
    await rows.filter({ hasText: 'Oak Foundation' }).first().waitFor();
    // Only the header row is left besides the match.
    await rows.filter({ hasNotText: 'Oak Foundation' }).nth(1).waitFor({ state: 'detached' });
    await page.getByLabel('Search').fill('');

    await page.getByRole('button', { name: 'Import from CSV' }).click();
    const csv = [
      'title,funder,callReference,url,description,tags,amountMin,amountMax,currency,closesAt,owner,visibility,stage',
      'EU child justice call 2027,,,,,,,,EUR,2027-05-01,,network,identified',
      'Broken row,,,,,,,,euro,not-a-date,,network,identified',
    ].join('\n');
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'funders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Preview (dry run)' }).click();
    const problems = page.getByRole('table').filter({ hasText: 'Problem' });
    await problems.getByRole('row').filter({ hasText: 'currency' }).waitFor();
    expect(await problems.getByRole('row').filter({ hasText: /^3/ }).count()).toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).resolves.toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'board-import-en-desktop');
    await page.context().close();
  });

  it('at phone width and in Khmer, the board speaks Khmer and the page does not scroll sideways', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'coordinator@cjn.example', 'ខ្មែរ');
    await page.goto('/opportunities');
    await page.getByRole('heading', { level: 1, name: 'បំពង់ជំនួយឥតសំណង' }).waitFor();
    await page.locator('.board-card').first().waitFor();
    // The network's name (CJN) and the file format (CSV) are written as they are in Khmer too.
    expect((await latinWordsOutsideData(page)).filter((w) => w !== 'CJN' && w !== 'CSV')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'board-km-phone');
    await page.context().close();
  });
});
