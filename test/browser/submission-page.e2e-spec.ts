import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  accessibilityProblems,
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

const GC26 = 'Comment on the first draft of General Comment No. 26 on children’s rights and the environment';
const OECD = 'Response to the OECD Draft Recommendation on Access to Justice and People-centred Justice Systems';

const cards = (page: Page) => page.locator('.submission-list > li');
const outlineTitles = (page: Page) => page.locator('.outline .card-title').allTextContents();

/** Waits for the API's answer to the request an action sends (the screen may change before it, optimistically). */
/** On a phone, controls fold ("Change: <section>", "Add a section"): opens the one that says `text` (nothing on a desktop). */
async function unfold(page: Page, text: string): Promise<void> {
  const summary = page.locator('.phone-fold:not([open]) > summary', { hasText: text });
  if (await summary.count()) await summary.click();
}

async function answered(page: Page, method: string, path: RegExp, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname)),
    action(),
  ]);
}

async function openSubmission(page: Page, title: string): Promise<void> {
  await page.goto('/submissions');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await settle(page);
}

describe('the web app: the submissions list and a submission’s page', () => {
  let web: WebApp;
  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(() => web?.close());

  it('lists submissions from the menu and filters them by body, status and deadline, kept in the URL', async () => {
    for (const [viewport, suffix] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const page = await openPage(web, viewport);
      await signIn(page, 'coordinator@cjn.example');
      if (suffix === 'phone') await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('link', { name: 'Submissions', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Submissions' }).waitFor();
      await cards(page).filter({ hasText: GC26 }).waitFor();
      await cards(page).filter({ hasText: OECD }).waitFor();
      expect(await cards(page).count()).toBe(2);

      await page.getByLabel('Submitted to').fill('OECD');
      await page.waitForURL(/targetBody=OECD/);
      await cards(page).filter({ hasText: GC26 }).waitFor({ state: 'detached' });
      expect(await cards(page).allTextContents()).toEqual([expect.stringContaining(OECD)]);

      await page.getByLabel('Submitted to').fill('');
      await page.getByLabel('Status').selectOption({ label: 'Sign-off' });
      await page.waitForURL(/status=sign_off/);
      await cards(page).filter({ hasText: OECD }).waitFor({ state: 'detached' });
      await cards(page).filter({ hasText: GC26 }).waitFor();
      expect(await cards(page).allTextContents()).toEqual([expect.stringContaining(GC26)]);
      await cards(page).getByText('1 of 2 required signers').waitFor();

      // Nearest deadline first; a deadline long past every seeded one leaves both, one in the past none.
      await page.getByLabel('Status').selectOption({ label: 'All statuses' });
      await page.getByLabel('Order').selectOption({ label: 'Nearest deadline first' });
      await page.getByLabel('Deadline before').fill('2000-01-01');
      await page.waitForURL(/dueBefore=2000-01-01/);
      await page.getByText('No submission matches these filters.').waitFor();
      await page.getByLabel('Deadline before').fill('2099-12-31');
      await page.waitForURL(/dueBefore=2099-12-31/);
      await cards(page).filter({ hasText: GC26 }).waitFor();
      await cards(page).filter({ hasText: OECD }).waitFor();
      // The nearest deadline first: the General Comment's (in about three weeks) before the OECD's (45 days).
      expect(await cards(page).first().textContent()).toContain(GC26);
      await page.reload();
      await cards(page).filter({ hasText: OECD }).waitFor();
      expect(await page.getByLabel('Order').inputValue()).toBe('deadline');
      expect(await page.getByLabel('Deadline before').inputValue()).toBe('2099-12-31');
      expect(await cards(page).count()).toBe(2);
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, `submissions-list-en-${suffix}`);
      await page.context().close();
    }
  });

  for (const [viewport, suffix] of [
    [DESKTOP, 'desktop'],
    [PHONE, 'phone'],
  ] as const) {
    it(`starts a submission, outlines its sections, reorders them by keyboard and buttons, and overrides a refused move (${suffix})`, async () => {
      const page = await openPage(web, viewport);
      await signIn(page, 'coordinator@cjn.example');
      const title = `Alternative report to the CRC ${suffix} ${Date.now()}`;
      await page.goto('/submissions');
      await page.getByRole('link', { name: 'New submission' }).click();
      await page.getByRole('heading', { level: 1, name: 'New submission' }).waitFor();
      await page.getByRole('button', { name: 'Start the submission' }).click();
      // The server names each missing field; the form shows it beside the field.
      await page.locator('#new-title-problem').waitFor();
      expect(await page.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel('Title').fill(title);
      await page.getByLabel('Submitted to').fill('UN Committee on the Rights of the Child');
      await page.getByLabel('Kind').selectOption({ label: 'Alternative report' });
      await page.getByLabel('Lead organisation').selectOption({ label: 'Child Justice Network' });
      await page.getByRole('checkbox', { name: 'Legal Aid of Cambodia (LAC)' }).check();
      await page.getByRole('checkbox', { name: 'LAC must sign on before submission' }).check();
      await page.getByLabel('Word limit').fill('1500');
      await page.getByLabel('Link to the call').fill('https://www.ohchr.org/en/treaty-bodies/crc');
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, `submission-new-en-${suffix}`);
      await page.getByRole('button', { name: 'Start the submission' }).click();
      await page.waitForURL(/\/submissions\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText('No sections yet.').waitFor();
      await page
        .getByRole('region', { name: 'Sign-on' })
        .getByText('0 of 1 required signers have signed on. Still to sign: Legal Aid of Cambodia')
        .waitFor();

      for (const section of ['Introduction', 'Findings', 'Recommendations']) {
        await unfold(page, 'Add a section');
        await page.getByLabel('Section title').fill(section);
        await page.getByRole('button', { name: 'Add the section' }).click();
        await page.locator('.outline .card-title', { hasText: section }).waitFor();
      }
      expect(await outlineTitles(page)).toEqual(['Introduction', 'Findings', 'Recommendations']);

      // By keyboard (Space, arrow up, Space) on a desktop; with the Move up button on a phone.
      if (suffix === 'desktop') {
        await page.getByRole('button', { name: 'Move “Recommendations”', exact: true }).focus();
        await page.keyboard.press('Space');
        await page.locator('.outline-row.dragging').waitFor();
        await page.keyboard.press('ArrowUp');
        await page.getByText('“Recommendations” is over position 2 of 3.').waitFor({ state: 'attached' });
        await answered(page, 'POST', /\/sections\/reorder$/, () => page.keyboard.press('Space'));
      } else {
        await unfold(page, 'Recommendations');
        await answered(page, 'POST', /\/sections\/reorder$/, () =>
          page.getByRole('button', { name: 'Move up “Recommendations”' }).click(),
        );
      }
      expect(await outlineTitles(page)).toEqual(['Introduction', 'Recommendations', 'Findings']);
      await unfold(page, 'Introduction');
      await answered(page, 'POST', /\/sections\/reorder$/, () =>
        page.getByRole('button', { name: 'Move down “Introduction”' }).click(),
      );
      await page.reload();
      await page.locator('.outline .card-title').first().waitFor();
      expect(await outlineTitles(page)).toEqual(['Recommendations', 'Introduction', 'Findings']);

      await unfold(page, 'Findings');
      await answered(page, 'PATCH', /\/sections\//, () =>
        page.getByLabel('Assignee of “Findings”').selectOption({ label: 'Dara Sok (LAC)' }),
      );
      await unfold(page, 'Introduction');
      await answered(page, 'PATCH', /\/sections\//, () =>
        page.getByLabel('Status of “Introduction”').selectOption({ label: 'Ready' }),
      );
      await page.reload();
      await page.locator('.outline .card-title').first().waitFor();
      expect(await page.getByLabel('Assignee of “Findings”').locator('option:checked').textContent()).toBe(
        'Dara Sok (LAC)',
      );
      expect(await page.getByLabel('Status of “Introduction”').inputValue()).toBe('ready');

      // Someone else saves “Findings” meanwhile: the stale change is refused, the list reloads, and the page says so.
      const submissionId = /\/submissions\/([0-9a-f-]{36})$/.exec(page.url())![1];
      const listed = (await (await page.request.get(`/api/v1/submissions/${submissionId}/sections`)).json()) as {
        items: { id: string; title: string; version: number }[];
      };
      const findings = listed.items.find((section) => section.title === 'Findings')!;
      const saved = await page.request.patch(`/api/v1/submissions/${submissionId}/sections/${findings.id}`, {
        data: { status: 'drafting', version: findings.version },
      });
      expect(saved.status()).toBe(200);
      await unfold(page, 'Findings');
      await answered(page, 'PATCH', /\/sections\//, () =>
        page.getByLabel('Status of “Findings”').selectOption({ label: 'Ready' }),
      );
      await page.getByRole('alert').filter({ hasText: '“Findings” was changed by someone else meanwhile' }).waitFor();
      await page.waitForFunction(
        () =>
          (document.querySelector('select[aria-label="Status of “Findings”"]') as HTMLSelectElement)?.value ===
          'drafting',
      );

      // A section added by mistake is deleted after a confirmation.
      await unfold(page, 'Add a section');
      await page.getByLabel('Section title').fill('Annex');
      await page.getByRole('button', { name: 'Add the section' }).click();
      await page.locator('.outline .card-title', { hasText: 'Annex' }).waitFor();
      await unfold(page, 'Annex');
      await page.getByRole('button', { name: 'Delete “Annex”' }).click();
      await page.getByRole('button', { name: 'Yes, delete' }).click();
      await page.locator('.outline .card-title', { hasText: 'Annex' }).waitFor({ state: 'detached' });

      // Drafting, then review: refused while sections are not ready, with the reason; overridden with one.
      await page.getByRole('button', { name: 'Move to drafting' }).click();
      await page.getByText('Moved to Drafting.').waitFor();
      await page.getByRole('button', { name: 'Send for review' }).click();
      const refusal = page.getByRole('alert').filter({ hasText: 'could not move to In review' });
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('Not ready yet: “Recommendations”, “Findings”');
      await screenshot(page, `submission-refused-en-${suffix}`);
      await refusal.getByRole('button', { name: 'Override with a reason…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Move to In review although the conditions are not met' });
      await dialog.getByLabel(/Why are you overriding/).fill('The partners review the outline before the text');
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, `submission-override-en-${suffix}`);
      await dialog.getByRole('button', { name: 'Override and move' }).click();
      await page.getByText('Moved to In review.').waitFor();
      await page.locator('.page-title + p .badge', { hasText: 'In review' }).waitFor();

      await unfold(page, 'Keep a snapshot…');
      await page.getByLabel('Name a snapshot of the text as it is now').fill('Outline sent to partners');
      await page.getByRole('button', { name: 'Keep the snapshot' }).click();
      await page.locator('.snapshots .card-title', { hasText: 'Outline sent to partners' }).waitFor();
      await page.getByRole('button', { name: 'Read Outline sent to partners' }).click();
      await page.getByRole('region', { name: 'Text of the snapshot “Outline sent to partners”' }).waitFor();
      await page
        .getByRole('region', { name: 'Activity' })
        .getByText(/overriding/)
        .waitFor();
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, `submission-outline-en-${suffix}`);
      await page.context().close();
    });
  }

  it('a partner signs its organisation on, withdraws, and signs on again in Khmer on a phone', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'dara@lac.example');
    await openSubmission(page, GC26);
    const signOn = page.getByRole('region', { name: 'Sign-on' });
    await signOn.getByText('1 of 2 required signers have signed on. Still to sign: Legal Aid of Cambodia').waitFor();
    // A partner moves nothing and reorders nothing; it signs on.
    expect(await page.getByRole('button', { name: 'Mark as submitted…' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Move “/ }).count()).toBe(0);
    expect(await signOn.getByLabel('Name among the signatories').inputValue()).toBe('Legal Aid of Cambodia');
    await signOn.getByLabel('Name among the signatories').fill('Legal Aid of Cambodia (LAC)');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'submission-sign-on-en-desktop');
    await signOn.getByRole('button', { name: 'Sign on', exact: true }).click();
    await signOn.getByText('2 of 2 required signers have signed on.').waitFor();
    await signOn.getByText('“Legal Aid of Cambodia (LAC)”').waitFor();
    await signOn.getByRole('button', { name: 'Withdraw our sign-on' }).click();
    await page
      .getByRole('dialog', { name: 'Withdraw this sign-on?' })
      .getByRole('button', { name: 'Withdraw the sign-on' })
      .click();
    await signOn.getByText('Still to sign: Legal Aid of Cambodia').waitFor();
    await page.context().close();

    const phone = await openPage(web, PHONE);
    await signIn(phone, 'dara@lac.example', 'ខ្មែរ');
    await phone.goto('/submissions');
    await phone.getByRole('link', { name: GC26 }).click();
    await phone.getByRole('heading', { level: 1, name: GC26 }).waitFor();
    const region = phone.getByRole('region', { name: 'ការចុះហត្ថលេខាគាំទ្រ' });
    await region.getByRole('button', { name: 'ចុះហត្ថលេខាគាំទ្រ', exact: true }).click();
    await region.getByRole('button', { name: 'ដកការគាំទ្ររបស់យើងវិញ' }).waitFor();
    await region.getByText(/^អ្នកត្រូវចុះហត្ថលេខា 2 ក្នុងចំណោម 2 បានចុះហត្ថលេខាគាំទ្រហើយ។$/).waitFor();
    await settle(phone);
    expect((await latinWordsOutsideData(phone)).filter((word) => word !== 'CJN')).toEqual([]);
    expect(await accessibilityProblems(phone)).toEqual([]);
    await screenshot(phone, 'submission-sign-on-km-phone');
    await phone.context().close();
  });

  it('the coordinator submits, downloads the .docx, sees the text frozen and records the acknowledgement', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    await openSubmission(page, GC26);
    await page.getByRole('button', { name: 'Preview the document' }).click();
    const preview = page.getByRole('region', { name: 'Preview of the assembled document' });
    await preview.getByRole('heading', { name: 'Access to justice for environmental harm' }).waitFor();
    await page.getByRole('button', { name: 'Mark as submitted…' }).click();
    await page.getByText(/Marking it as submitted freezes the text/).waitFor();
    await screenshot(page, 'submission-confirm-en-desktop');
    await page.getByRole('button', { name: 'Yes, mark as submitted' }).click();
    // Every required signer has signed on (the partner above), so no override is needed; if one were, take it.
    const moved = page.getByText('Moved to Submitted.');
    const refused = page.getByRole('alert').filter({ hasText: 'could not move to Submitted' });
    await moved.or(refused).waitFor();
    if (await refused.isVisible()) {
      await refused.getByRole('button', { name: 'Override with a reason…' }).click();
      await page.getByLabel(/Why are you overriding/).fill('The partner confirmed by e-mail');
      await page.getByRole('button', { name: 'Override and move' }).click();
      await moved.waitFor();
    }
    const notice = page.getByRole('note');
    await notice.getByText('The text is frozen').waitFor();
    // Frozen: no reordering, no new sections, no sign-on changes; the final text is a snapshot.
    expect(await page.getByRole('button', { name: /^Move “/ }).count()).toBe(0);
    expect(await page.getByLabel('Section title').count()).toBe(0);
    await page.getByText('The list of signatories no longer changes.').waitFor();
    await page.locator('.snapshots .badge', { hasText: 'Final text' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as Word (.docx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const docx = readFileSync((await download.path())!);
    expect(docx.length).toBeGreaterThan(1000);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const markdown = await page.request.get(
      await page
        .getByRole('link', { name: 'Download as Markdown (.md)' })
        .getAttribute('href')
        .then((href) => href!),
    );
    expect(markdown.status()).toBe(200);
    expect(await markdown.text()).toMatch(/^# Comment on the first draft of General Comment No\. 26/);

    // The details form keeps the frozen fields read-only.
    await page.getByRole('button', { name: 'Edit details' }).click();
    expect(await page.getByLabel('Title').isDisabled()).toBe(true);
    expect(await page.getByLabel('Who can see it').isDisabled()).toBe(false);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Record the acknowledgement' }).click();
    await page.getByLabel('Link to the proof of receipt').fill('not a link');
    await page.getByLabel('Date of acknowledgement').fill('2026-11-20');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#ack-acknowledgementUrl-problem').waitFor();
    await page.getByLabel('Link to the proof of receipt').fill('https://mail.example.org/crc-receipt');
    await page.getByLabel('Note').fill('Receipt confirmed by the Committee secretariat');
    await page.getByLabel('Link to the published text').fill('https://www.ohchr.org/en/crc/gc26-submissions');
    await page.getByRole('button', { name: 'Save' }).click();
    const ack = page.getByRole('region', { name: 'Acknowledgement and publication' });
    await ack.getByText('Nov 20, 2026').waitFor();
    await ack.getByRole('link', { name: 'Open the published text' }).waitFor();
    await page.getByRole('button', { name: 'Mark as published' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'submission-frozen-en-desktop');
    await page.context().close();

    for (const [viewport, suffix, language] of [
      [PHONE, 'phone', 'English'],
      [PHONE, 'phone', 'ខ្មែរ'],
      [DESKTOP, 'desktop', 'ខ្មែរ'],
    ] as const) {
      const other = await openPage(web, viewport);
      await signIn(other, 'coordinator@cjn.example', language);
      await other.goto('/submissions');
      await other.getByRole('link', { name: GC26 }).click();
      await other.getByRole('heading', { level: 1, name: GC26 }).waitFor();
      await other.getByRole('note').waitFor();
      await settle(other);
      if (language === 'ខ្មែរ') {
        await other.getByText('អត្ថបទត្រូវបានបង្កក').waitFor();
        expect((await latinWordsOutsideData(other)).filter((word) => word !== 'CJN')).toEqual([]);
      }
      expect(await accessibilityProblems(other)).toEqual([]);
      await screenshot(other, `submission-frozen-${language === 'English' ? 'en' : 'km'}-${suffix}`);
      await other.context().close();
    }
  });

  it('in Khmer, the list and an open submission show no English apart from records’ own titles and names', async () => {
    for (const [viewport, suffix] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const page = await openPage(web, viewport);
      await signIn(page, 'coordinator@cjn.example', 'ខ្មែរ');
      await page.goto('/submissions?sort=deadline');
      await page.getByRole('heading', { level: 1, name: 'ឯកសារដាក់ជូន' }).waitFor();
      await cards(page).first().waitFor();
      await settle(page);
      expect((await latinWordsOutsideData(page)).filter((word) => word !== 'CJN')).toEqual([]);
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, `submissions-list-km-${suffix}`);

      await page.getByRole('link', { name: OECD }).click();
      await page.getByRole('heading', { level: 1, name: OECD }).waitFor();
      await page.locator('.outline .card-title').first().waitFor();
      // A refused move says why in Khmer, naming the sections as they are written.
      await page.getByRole('button', { name: 'ផ្ញើឱ្យពិនិត្យ' }).click();
      const refusal = page.getByRole('alert').filter({ hasText: 'មិនអាចផ្លាស់ទៅ «កំពុងពិនិត្យ» បានទេ' });
      await refusal.getByText('ផ្នែកនីមួយៗត្រូវសម្គាល់ថារួចរាល់ មុនពេលពិនិត្យ។').waitFor();
      await settle(page);
      expect((await latinWordsOutsideData(page)).filter((word) => word !== 'CJN')).toEqual([]);
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, `submission-km-${suffix}`);
      await page.context().close();
    }
  });
});
