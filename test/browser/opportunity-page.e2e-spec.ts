import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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
  waitForFocus,
} from './web-app.js';

const OAK = 'Oak Foundation: ending the detention of children in Cambodia';

/** A small, complete one-page PDF (catalogue, pages, page, cross-reference table), written to a file. */
function pdfFile(name: string): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const path = join(mkdtempSync(join(tmpdir(), 'cjn-pdf-')), name);
  writeFileSync(path, body);
  return path;
}

async function opportunityId(page: Page, title: string): Promise<string> {
  const res = await page.request.get(`/api/v1/opportunities?q=${encodeURIComponent(title)}`);
  const body = (await res.json()) as { items: { id: string; title: string }[] };
  return body.items.find((o) => o.title === title)!.id;
}

describe('the web app: building a consortium on the opportunity page', () => {
  let web: WebApp;
  let oakId: string;
  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(() => web?.close());

  it('adds and confirms a partner, sets its budget share, uploads and waives checklist items, sets the closing date', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    oakId = await opportunityId(page, OAK);
    await page.goto(`/opportunities/${oakId}`);
    await page.getByRole('heading', { level: 1, name: OAK }).waitFor();
    const consortium = page.getByRole('region', { name: /Consortium partners/ });

    await consortium.getByRole('button', { name: 'Add a partner' }).click();
    const addForm = consortium.getByRole('form', { name: 'Add a partner' });
    await addForm.getByLabel('Search organisations by name or acronym').fill('Coalition');
    const picker = addForm.getByLabel('Organisation', { exact: true });
    await picker.locator('option', { hasText: 'Child Rights Coalition Cambodia' }).waitFor({ state: 'attached' });
    await picker.selectOption({ label: 'CRC-Cambodia — Child Rights Coalition Cambodia' });
    await addForm.getByLabel('Role', { exact: true }).selectOption('subgrantee');
    await addForm.getByRole('button', { name: 'Add', exact: true }).click();

    const card = consortium.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'CRC-Cambodia' }) });
    await card.getByText('Invited').waitFor();
    await card.getByRole('button', { name: /Confirm participation\W+CRC-Cambodia/ }).click();
    await card.getByText('Confirmed', { exact: true }).waitFor();

    await card.getByLabel('Budget share', { exact: true }).fill('80000');
    await card.getByLabel('Currency').fill('USD');
    await card.getByRole('button', { name: 'Save budget share' }).click();
    const usdTotal = consortium.getByRole('row', { name: /Total in USD/ });
    await expect(usdTotal.textContent()).resolves.toMatch(/80,000/);

    const checklist = page.getByRole('region', { name: 'Checklist' });
    // The form waits behind its button; opening it puts the cursor in the title, and it stays open for the next.
    await expect(checklist.getByLabel(/New checklist item\W+CRC-Cambodia/).count()).resolves.toBe(0);
    await checklist.getByRole('button', { name: /Add item\W+CRC-Cambodia/ }).click();
    const newItem = checklist.getByLabel(/New checklist item\W+CRC-Cambodia/);
    await waitForFocus(newItem);
    await newItem.fill('Registration certificate of CRC');
    await checklist.getByRole('button', { name: /Add to the checklist\W+CRC-Cambodia/ }).click();
    await checklist.getByText('Registration certificate of CRC', { exact: true }).waitFor();
    // The form empties itself once the item is saved: the next title goes in after that.
    await page.waitForFunction((input) => (input as HTMLInputElement).value === '', await newItem.elementHandle());
    await newItem.fill('Audited accounts 2025');
    await checklist.getByRole('button', { name: /Add to the checklist\W+CRC-Cambodia/ }).click();
    await checklist.getByText('Audited accounts 2025', { exact: true }).waitFor();
    await newItem.press('Escape');
    await newItem.waitFor({ state: 'detached' });
    expect(
      await checklist
        .getByRole('button', { name: /Add item\W+CRC-Cambodia/ })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);

    const registration = checklist.getByRole('listitem').filter({ hasText: 'Registration certificate of CRC' });
    const upload = registration.getByLabel(/Upload a file\W+Registration certificate of CRC/);
    await upload.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a PDF') });
    await registration
      .getByRole('alert')
      .getByText(/file type is not accepted/)
      .waitFor();
    await upload.setInputFiles(pdfFile('crc-registration.pdf'));
    await registration.getByRole('link', { name: 'crc-registration.pdf' }).waitFor();

    const accounts = checklist.getByRole('listitem').filter({ hasText: 'Audited accounts 2025' });
    await accounts.getByRole('button', { name: /Waive\W+Audited accounts 2025/ }).click();
    await accounts.getByLabel('Why is this item waived?').fill('The funder accepts the 2024 accounts already on file');
    await accounts.getByRole('button', { name: 'Waive', exact: true }).click();
    await accounts.getByText('The funder accepts the 2024 accounts already on file').waitFor();
    await accounts.getByText('Waived', { exact: true }).waitFor();

    const details = page.getByRole('region', { name: 'Details' });
    await details.getByRole('button', { name: 'Edit details' }).click();
    await details.getByLabel(/Closing date and time/).fill('2027-05-14T17:00');
    await details.getByRole('button', { name: 'Save' }).click();
    await details.getByRole('link', { name: 'Its deadline and reminders' }).waitFor();
    const deadlines = page.getByRole('region', { name: /Deadlines/ });
    await deadlines.getByText(OAK).first().waitFor();
    await page
      .getByRole('region', { name: 'Activity' })
      .getByText(/Set the closing date of/)
      .first()
      .waitFor();

    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'opportunity-page-en-desktop');
    await page.context().close();
  });

  it('at 360 px in Khmer: the consortium, checklist and deadline read in Khmer; an organisation document uploads with its expiry', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'coordinator@cjn.example', 'ខ្មែរ');
    await page.goto(`/opportunities/${oakId}`);
    await page.getByRole('heading', { level: 1, name: OAK }).waitFor();
    const consortium = page.getByRole('region', { name: /ដៃគូ/ }).first();
    await consortium.getByText('សរុបជា USD').waitFor();

    const lac = consortium.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'LAC' }) });
    await lac.getByText('ឯកសារអង្គការរបស់').click();
    await lac.getByText('Registration with the Ministry of Interior').waitFor();
    await lac.getByLabel('ចំណងជើង').fill('Audited financial statements 2025');
    await lac.getByLabel('ប្រភេទឯកសារ').selectOption('audited_accounts');
    await lac.getByLabel(/មានសុពលភាពរហូតដល់/).fill('2027-06-30');
    await lac.getByLabel(/^ឯកសារ \(PDF/).setInputFiles(pdfFile('lac-accounts-2025.pdf'));
    await lac.getByRole('button', { name: 'ផ្ទុកឯកសារឡើង' }).click();
    await lac.getByRole('link', { name: 'Audited financial statements 2025' }).waitFor();

    // No empty "add item" form under each partner: one button each, which opens it and Cancel closes.
    const khChecklist = page.getByRole('region', { name: /បញ្ជីត្រួតពិនិត្យ/ });
    await expect(khChecklist.locator('form.add-item').count()).resolves.toBe(0);
    const openers = khChecklist.getByRole('button', { name: /^បន្ថែមធាតុ/ });
    expect(await openers.count()).toBeGreaterThan(0);
    await openers.first().click();
    const khItem = khChecklist.getByLabel(/^ធាតុថ្មីក្នុងបញ្ជីត្រួតពិនិត្យ/);
    await waitForFocus(khItem);
    expect(await accessibilityProblems(page)).toEqual([]);
    await khChecklist
      .locator('form.add-item')
      .screenshot({ path: 'test-artifacts/opportunity-page-km-phone-add-item.png' });
    await khChecklist.getByRole('button', { name: 'បោះបង់' }).click();
    await khItem.waitFor({ state: 'detached' });

    await screenshot(page, 'opportunity-page-km-phone');
    // The full page is long at 360 px: each part on its own, to look at.
    await page
      .getByRole('region', { name: 'ព័ត៌មានលម្អិត' })
      .screenshot({ path: 'test-artifacts/opportunity-page-km-phone-details.png' });
    await consortium.screenshot({ path: 'test-artifacts/opportunity-page-km-phone-consortium.png' });
    await page
      .getByRole('region', { name: /បញ្ជីត្រួតពិនិត្យ/ })
      .screenshot({ path: 'test-artifacts/opportunity-page-km-phone-checklist.png' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The network's own name, currency codes and signs (US$), and file formats' names read the same in Khmer.
    const sameInKhmer = ['CJN', 'USD', 'EUR', 'US', 'PDF', 'Word', 'Excel', 'OpenDocument'];
    expect((await latinWordsOutsideData(page)).filter((word) => !sameInKhmer.includes(word))).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'opportunity-page-km-phone');
    await page.context().close();
  });
});
