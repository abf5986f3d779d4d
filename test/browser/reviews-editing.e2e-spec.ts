import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { Page } from 'playwright-core';
import { CRC_CONCLUDING_OBSERVATIONS_DEMO } from '../../src/seed/crc-concluding-observations.demo.js';
import {
  accessibilityProblems,
  ARTIFACTS,
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

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const SEEDED = /^CRC review of Cambodia: combined/;

const listed = (page: Page, count: number) =>
  page.waitForFunction((n) => document.querySelectorAll('.recommendation-list > li').length === n, count);

async function openSeededReview(page: Page): Promise<string> {
  await page.goto('/reviews');
  await page.getByRole('link', { name: SEEDED }).click();
  await page.getByRole('heading', { level: 2, name: /Follow-up matrix|តារាងតាមដាន/ }).waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

describe('the web app: coordinators keep a review and its recommendations up to date', () => {
  let web: WebApp;
  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(() => web?.close());

  it('filters the list and the matrix by responsible body and following organisation, from the URL', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    await openSeededReview(page);
    const filters = page.getByRole('search', { name: 'Filter the recommendations' });
    const matrix = page.getByRole('region', { name: 'Follow-up matrix' });
    // The Ministry of Interior answers for 48(d), 48(e) and 19(a) in the demo.
    await filters.getByLabel('Responsible body').selectOption({ label: 'Ministry of Interior (MoI)' });
    await page.waitForURL(/responsible=[0-9a-f-]{36}/);
    await listed(page, 3);
    await matrix.getByRole('rowheader', { name: 'All (3)' }).waitFor();
    await matrix.getByText('These counts are of the filtered recommendations').waitFor();
    // And of those, YRRO follows two.
    await filters
      .getByLabel('Following organisation')
      .selectOption({ label: 'Youth Rehabilitation and Reintegration Organisation (YRRO)' });
    await listed(page, 2);
    await matrix.getByRole('rowheader', { name: 'All (2)' }).waitFor();
    // A cell keeps the organisation filters: the list it opens is the matrix's.
    const cell = matrix.locator('tbody a').first();
    const inCell = Number(await cell.innerText());
    await cell.click();
    await page.waitForURL((url) => url.searchParams.has('responsible') && url.searchParams.has('status'));
    await listed(page, inCell);
    // The same address opened afresh shows the same list.
    await page.reload();
    await listed(page, inCell);
    await page
      .getByRole('link', { name: /^Paragraph 48\([de]\)$/ })
      .first()
      .waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'reviews-filter-organisations-desktop');
    await page.context().close();
  });

  it('edits a review: a bad name is refused beside its field; a moved date moves its deadline', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    const id = await openSeededReview(page);
    await page.getByRole('button', { name: 'Edit the review' }).click();
    const form = page.getByRole('form', { name: 'Edit the review' });
    await form.getByLabel('Name of the review').fill('   ');
    await form.getByRole('button', { name: 'Save the review' }).click();
    await form.locator('#edit-review-name-problem').waitFor();
    await expect(form.getByLabel('Name of the review').getAttribute('aria-invalid')).resolves.toBe('true');

    await form.getByLabel('Name of the review').fill('CRC review of Cambodia: combined reports (edited)');
    // Move the State report, remove the session, add another date.
    const rows = form.locator('div.date-row');
    const kinds = await rows
      .locator('select')
      .evaluateAll((selects) => selects.map((s) => (s as HTMLSelectElement).value));
    await rows.nth(kinds.indexOf('state_report')).getByLabel('Day').fill('2028-02-15');
    await rows
      .nth(kinds.indexOf('session'))
      .getByRole('button', { name: /^Remove/ })
      .click();
    await form.getByRole('button', { name: 'Add a date' }).click();
    const added = form.locator('div.date-row').last();
    await added.getByLabel('Kind of date').selectOption('other');
    await added.getByLabel('Name of the date').fill('Network briefing on the review');
    await added.getByLabel('Day').fill('2027-06-01');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'review-edit-desktop');
    await form.getByRole('button', { name: 'Save the review' }).click();
    await page.getByRole('heading', { level: 1, name: 'CRC review of Cambodia: combined reports (edited)' }).waitFor();

    const review = (await (await page.request.get(`/api/v1/reviews/${id}`)).json()) as {
      dates: { kind: string; date: string; label: string | null }[];
    };
    expect(review.dates.find((d) => d.kind === 'state_report')?.date).toBe('2028-02-15');
    expect(review.dates.some((d) => d.kind === 'session')).toBe(false);
    // The deadlines section is read again: its deadlines carry the review's new name.
    const deadlines = page.getByRole('region', { name: /Deadlines of this review/ });
    await deadlines
      .getByRole('link', { name: /\(edited\)$/ })
      .first()
      .waitFor();
    const open = (await (
      await page.request.get(`/api/v1/deadlines?subjectType=review&subjectId=${id}&limit=100`)
    ).json()) as { items: { title: string; dueDate: string | null; status: string }[] };
    const stateReport = open.items.find((d) => d.status === 'open' && /^State report/.test(d.title));
    expect(stateReport?.dueDate).toBe('2028-02-15');
    expect(open.items.some((d) => d.status === 'open' && /^Network briefing on the review/.test(d.title))).toBe(true);
    expect(open.items.some((d) => d.status === 'open' && /^Session/.test(d.title))).toBe(false);
    // The review's activity says who changed it.
    const activity = page.getByRole('region', { name: 'Activity' });
    await activity.getByRole('listitem').first().waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('asks a round of assessments of the following organisations, all but one', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    await openSeededReview(page);
    const panel = page.getByRole('region', { name: 'Ask for a round of assessments' });
    const organisations = panel.getByRole('group', { name: 'Organisations asked' });
    await organisations.getByRole('checkbox').first().waitFor();
    const all = await organisations.getByRole('checkbox').count();
    expect(all).toBeGreaterThanOrEqual(4);
    // Nothing filled: the server's refusal beside each field.
    await panel.getByRole('button', { name: `Ask ${all} organisations` }).click();
    await panel.locator('#round-title-problem').waitFor();
    await panel.locator('#round-dueDate-problem').waitFor();
    await panel.getByLabel('What is asked').fill('Status check before the List of Issues');
    await panel.getByLabel(/^Due by/).fill('2027-01-15');
    await organisations.getByLabel(/\(YRRO\)/).uncheck();
    await panel.getByRole('button', { name: `Ask ${all - 1} organisations` }).click();
    const result = panel.getByRole('status').filter({ hasText: `Asked ${all - 1} organisations` });
    await result.waitFor();
    await expect(result.getByRole('link').count()).resolves.toBe(all - 1);
    await expect(result.getByRole('link', { name: /YRRO|Youth Rehabilitation/ }).count()).resolves.toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await panel.screenshot({ path: `${ARTIFACTS}/review-round-desktop.png` });
    await page.context().close();
  });

  it('imports recommendations from a Word document, after refusing a file that is not one', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    const created = await page.request.post('/api/v1/reviews', {
      data: { mechanism: 'crc', name: 'CRC review (file import test)', visibility: 'network' },
    });
    const { id } = (await created.json()) as { id: string };
    await page.goto(`/reviews/${id}`);
    const panel = page.getByRole('region', { name: 'Import recommendations' });
    const file = panel.getByLabel('Or choose the document');
    await file.setInputFiles({
      name: 'scan.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    });
    await panel.getByRole('button', { name: 'Preview' }).click();
    await panel.getByRole('alert').filter({ hasText: 'This file cannot be read' }).waitFor();

    const doc = new Document({
      sections: [
        {
          children: CRC_CONCLUDING_OBSERVATIONS_DEMO.split('\n').map(
            (line) => new Paragraph({ children: [new TextRun(line)] }),
          ),
        },
      ],
    });
    await file.setInputFiles({
      name: 'CRC_C_KHM_CO_4-6.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await Packer.toBuffer(doc),
    });
    await expect(panel.getByLabel('Recommendations, pasted from the document').isDisabled()).resolves.toBe(true);
    await panel.getByRole('button', { name: 'Preview' }).click();
    await panel
      .locator('section.import-preview')
      .getByText(/17 paragraphs and 22 sub-items/)
      .waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'reviews-import-file-desktop');
    await panel.getByRole('button', { name: /^Save \d+ recommendations$/ }).click();
    await panel.getByText(/^Saved: 39 added, 0 changed, 0 unchanged\.$/).waitFor();
    await page.getByRole('region', { name: 'Follow-up matrix' }).getByRole('table').waitFor();
    await page.context().close();
  });

  it('edits a recommendation: a bad tag is refused beside the field; then tags, bodies, links and Khmer text show', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    await openSeededReview(page);
    await page.getByRole('link', { name: 'Paragraph 48(d)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Paragraph 48(d)' }).waitFor();
    await page.getByRole('button', { name: 'Edit the recommendation' }).click();
    const form = page.getByRole('form', { name: 'Edit the recommendation' });
    await form.getByRole('group', { name: 'Responsible bodies' }).getByRole('checkbox').first().waitFor();
    await form.getByLabel('Tags').fill('child justice, #bad');
    await form.getByRole('button', { name: 'Save the recommendation' }).click();
    await form.locator('#rec-tags-problem').waitFor();

    await form.getByLabel('Tags').fill('child justice, detention monitoring');
    await form.getByRole('group', { name: 'Responsible bodies' }).getByLabel('Ministry of Justice (MoJ)').check();
    await form
      .getByRole('group', { name: 'Following organisations' })
      .getByLabel('Legal Aid of Cambodia (LAC)')
      .check();
    const submissions = form.getByRole('group', { name: 'Submissions' });
    const submission = (await submissions.locator('label').first().innerText()).trim();
    await submissions.getByRole('checkbox').first().check();
    await form.getByLabel('Khmer text').fill('ធានាថា ការឃុំខ្លួនកុមារ ជាវិធានការចុងក្រោយបង្អស់។');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'recommendation-edit-desktop');
    await form.getByRole('button', { name: 'Save the recommendation' }).click();

    await page.getByRole('button', { name: 'Edit the recommendation' }).waitFor();
    await page.getByText('child justice, detention monitoring').waitFor();
    await page.locator('blockquote[lang="km"]').getByText('ធានាថា ការឃុំខ្លួនកុមារ').waitFor();
    await page.getByRole('definition').filter({ hasText: 'Legal Aid of Cambodia (LAC)' }).waitFor();
    await page.getByRole('definition').filter({ hasText: 'Ministry of Justice (MoJ)' }).waitFor();
    await page.getByRole('link', { name: submission }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('a Khmer partner on a phone attaches a file to an assessment and downloads it from the history', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'dara@lac.example', null);
    await page.goto('/reviews');
    await page.getByRole('link', { name: SEEDED }).click();
    await page.getByRole('heading', { level: 2, name: 'តារាងតាមដាន' }).waitFor();
    // The organisation filters and the activity, in Khmer; no editing for a partner.
    await page.getByRole('search').getByLabel('ស្ថាប័នទទួលខុសត្រូវ').waitFor();
    await expect(page.getByRole('button', { name: 'កែការពិនិត្យ' }).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: 'ស្នើសុំការវាយតម្លៃមួយជុំ' }).count()).resolves.toBe(0);
    await page.getByRole('region', { name: 'សកម្មភាព' }).waitFor();
    expect(await englishOnFollowUpScreen(page)).toEqual([]);
    expect(await fitsTheScreen(page)).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('search').screenshot({ path: `${ARTIFACTS}/review-filters-km-phone.png` });
    await page
      .getByRole('region', { name: 'សកម្មភាព' })
      .screenshot({ path: `${ARTIFACTS}/review-activity-km-phone.png` });

    await page.getByLabel('តែអនុសាសន៍ដែលអង្គការខ្ញុំតាមដាន').click();
    await page.getByRole('link', { name: 'កថាខណ្ឌ 48(b)' }).click();
    await page.getByRole('heading', { level: 1, name: 'កថាខណ្ឌ 48(b)' }).waitFor();
    const history = page.getByRole('region', { name: /ប្រវត្តិនៃការវាយតម្លៃ/ });
    const before = await history.locator('ol.history > li').count();
    await page.getByLabel('ស្ថានភាព', { exact: true }).selectOption('in_progress');
    await page.getByLabel('អ្វីដែលបានផ្លាស់ប្តូរ').fill('ក្រសួងយុត្តិធម៌បានចេញសារាចរណែនាំថ្មី។');
    // A file that is not evidence is refused beside its field, in Khmer.
    await page
      .getByLabel('ឯកសារភស្តុតាង')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('plain') });
    await page.getByRole('button', { name: 'កត់ត្រាការវាយតម្លៃ' }).click();
    await page.locator('#assess-file-problem').waitFor();
    await page
      .getByLabel('ឯកសារភស្តុតាង')
      .setInputFiles({ name: 'សារាចរ-2026.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'កត់ត្រាការវាយតម្លៃ' }).click();
    await page.getByRole('status').filter({ hasText: 'បានកត់ត្រាការវាយតម្លៃ។' }).waitFor();
    await page.waitForFunction((count) => document.querySelectorAll('ol.history > li').length === count, before + 1);
    const link = history.locator('ol.history > li').first().getByRole('link', { name: 'សារាចរ-2026.pdf' });
    await link.waitFor();
    const download = await page.request.get((await link.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(await englishOnFollowUpScreen(page)).toEqual([]);
    expect(await fitsTheScreen(page)).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'recommendation-evidence-file-km-phone');
    await page.context().close();
  });

  it('a coordinator reading Khmer edits a review and a recommendation on a phone', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'coordinator@cjn.example', 'ខ្មែរ');
    await openSeededReview(page);
    await page.getByRole('button', { name: 'កែការពិនិត្យ' }).click();
    await page.getByRole('form', { name: 'កែការពិនិត្យ' }).getByRole('button', { name: 'បន្ថែមកាលបរិច្ឆេទ' }).waitFor();
    expect(await englishOnFollowUpScreen(page)).toEqual([]);
    expect(await fitsTheScreen(page)).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'review-edit-km-phone');
    await page.getByRole('button', { name: 'បោះបង់' }).first().click();
    await page.getByRole('region', { name: 'ស្នើសុំការវាយតម្លៃមួយជុំ' }).scrollIntoViewIfNeeded();
    expect(await fitsTheScreen(page)).toBe(true);
    await page
      .getByRole('region', { name: 'ស្នើសុំការវាយតម្លៃមួយជុំ' })
      .screenshot({ path: `${ARTIFACTS}/review-round-km-phone.png` });

    await page.getByRole('link', { name: 'កថាខណ្ឌ 48(a)' }).click();
    await page.getByRole('button', { name: 'កែអនុសាសន៍' }).click();
    await page.getByRole('group', { name: 'ស្ថាប័នទទួលខុសត្រូវ' }).getByRole('checkbox').first().waitFor();
    expect(await englishOnFollowUpScreen(page)).toEqual([]);
    expect(await fitsTheScreen(page)).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'recommendation-edit-km-phone');
    await page.context().close();
  });
});
