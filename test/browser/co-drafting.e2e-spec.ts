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

const OECD = 'Response to the OECD Draft Recommendation on Access to Justice and People-centred Justice Systems';
const GC26 = 'Comment on the first draft of General Comment No. 26 on children’s rights and the environment';

/** Opens a section of a seeded submission through the submission's page, as a user would. */
async function openSection(page: Page, submission: string, section: string): Promise<void> {
  const found = await page.request.get(`/api/v1/submissions?q=${encodeURIComponent(submission)}`);
  const id = (await found.json()).items[0].id as string;
  await page.goto(`/submissions/${id}`);
  await page.getByRole('link', { name: section }).click();
  await page.getByRole('heading', { level: 1, name: section }).waitFor();
}

const editor = (page: Page) => page.locator('.code-editor .cm-content');

/** Replaces the editor's text by typing, as a person would (CodeMirror reads keyboard input). */
async function typeInto(page: Page, text: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
}

async function sectionOf(
  page: Page,
): Promise<{ version: number; body: string; id: string; submissionId: string; wordCount: number }> {
  const [, submissionId, sectionId] = /\/submissions\/([^/]+)\/sections\/([^/#?]+)/.exec(page.url())!;
  const res = await page.request.get(`/api/v1/submissions/${submissionId}/sections/${sectionId}`);
  return { ...(await res.json()), submissionId };
}

describe('the web app: co-drafting a joint submission', () => {
  let web: WebApp;
  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(() => web?.close());

  it('two writers save the same section: the second sees both texts, merges, and nothing is lost', async () => {
    const coordinator = await openPage(web, DESKTOP);
    await signIn(coordinator, 'coordinator@cjn.example');
    const partner = await openPage(web, DESKTOP);
    await signIn(partner, 'vannak@fi.example');
    await openSection(coordinator, OECD, 'Diversion and restorative justice');
    await openSection(partner, OECD, 'Diversion and restorative justice');

    // Each sees the other in the editor (a hint; the version check is the guarantee).
    await partner.reload();
    await partner.getByText('Also open in the editor by Sophea Lim').waitFor();
    const before = await sectionOf(partner);

    await typeInto(coordinator, '\n\nCoordinator: courts should refer children to diversion first.');
    await coordinator.getByRole('button', { name: 'Save', exact: true }).click();
    await coordinator.getByText(`Saved as version ${before.version + 1}.`).waitFor();

    await typeInto(partner, '\n\nFI: community mediation in Battambang is a working example.');
    await partner.getByRole('button', { name: 'Save', exact: true }).click();
    await partner.getByRole('heading', { name: 'Someone saved this section while you were writing' }).waitFor();
    await partner.getByText(`Sophea Lim saved version ${before.version + 1}`).waitFor();
    expect(await accessibilityProblems(partner)).toEqual([]);
    await screenshot(partner, 'section-conflict-en-desktop');

    // Both paragraphs stay: the coordinator's lines are put into the partner's text, which is then saved.
    await partner.getByRole('button', { name: 'Keep both texts' }).click();
    await partner.locator('.merge-editor').getByText('courts should refer children').first().waitFor();
    await partner.getByRole('button', { name: 'Save the merged text' }).click();
    await partner.getByText(`Saved as version ${before.version + 2}.`).waitFor();
    const merged = await sectionOf(partner);
    expect(merged.version).toBe(before.version + 2);
    expect(merged.body).toContain('courts should refer children to diversion first');
    expect(merged.body).toContain('community mediation in Battambang');
    await screenshot(partner, 'section-merged-en-desktop');
    await coordinator.context().close();
    await partner.context().close();
  });

  it('twenty saves from two browsers end as one linear history, every conflict shown to its writer', async () => {
    const a = await openPage(web, DESKTOP);
    await signIn(a, 'coordinator@cjn.example');
    const b = await openPage(web, DESKTOP);
    await signIn(b, 'sreymom@tlc.example');
    await openSection(a, OECD, 'Annex: examples from Cambodia');
    await openSection(b, OECD, 'Annex: examples from Cambodia');
    const start = await sectionOf(a);
    let conflicts = 0;
    for (let round = 1; round <= 10; round++) {
      await typeInto(a, `\nA${round}`);
      await a.getByRole('button', { name: 'Save', exact: true }).click();
      await a.getByText(/^Saved as version/).waitFor();
      await typeInto(b, `\nB${round}`);
      await b.getByRole('button', { name: 'Save', exact: true }).click();
      await b.getByRole('button', { name: 'Save the merged text' }).waitFor();
      conflicts++;
      await b.getByRole('button', { name: 'Keep both texts' }).click();
      await b.getByRole('button', { name: 'Save the merged text' }).click();
      await b.getByText(/^Saved as version/).waitFor();
      // A's next edit starts from what B saved: A's page takes a newer save when it has nothing unsaved.
      await a.reload();
      await editor(a).waitFor();
    }
    const end = await sectionOf(a);
    expect(end.version).toBe(start.version + 20);
    expect(conflicts).toBe(10);
    for (let round = 1; round <= 10; round++) {
      expect(end.body).toContain(`A${round}`);
      expect(end.body).toContain(`B${round}`);
    }
    const revisions = await a.request.get(
      `/api/v1/submissions/${end.submissionId}/sections/${end.id}/revisions?limit=100`,
    );
    const versions = ((await revisions.json()).items as { version: number }[]).map((r) => r.version);
    expect(versions).toEqual(Array.from({ length: end.version }, (_, i) => end.version - i));
    await a.context().close();
    await b.context().close();
  });

  it('keeps unsaved text through a reload, and compares two revisions', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    await openSection(page, OECD, 'Summary');
    await typeInto(page, '\n\nA sentence written on a train with no signal.');
    await page.getByText('Unsaved changes (kept on this device).').waitFor();
    await page.waitForTimeout(400); // the draft is written 300 ms after the last key
    await page.reload();
    await page.getByText(/Your unsaved text from .* was restored\./).waitFor();
    expect(await editor(page).innerText()).toContain('A sentence written on a train with no signal.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/^Saved as version/).waitFor();

    const revisions = page.getByRole('region', { name: 'Revisions' });
    await revisions.locator('ins', { hasText: 'train' }).waitFor();
    await page.getByRole('tab', { name: 'Preview' }).click();
    await page
      .getByRole('tabpanel', { name: 'Preview' })
      .getByText(/written on a train/)
      .waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'section-editor-en-desktop');
    await page.context().close();
  });

  it('a comment with an @mention reaches the colleague’s inbox, who replies and resolves it', async () => {
    const writer = await openPage(web, DESKTOP);
    await signIn(writer, 'vannak@fi.example');
    await openSection(writer, OECD, 'Diversion and restorative justice');
    const box = writer.getByRole('combobox', { name: 'Add a comment' });
    await box.fill('Could you check the figures, ');
    await box.pressSequentially('@Dar');
    await writer.getByRole('option', { name: /Dara Sok/ }).waitFor();
    expect(await accessibilityProblems(writer)).toEqual([]);
    await screenshot(writer, 'comment-mention-en-desktop');
    await box.press('Enter');
    expect(await box.inputValue()).toBe('Could you check the figures, @Dara Sok ');
    await box.pressSequentially('please?');
    await writer.getByRole('button', { name: 'Comment', exact: true }).click();
    await writer.locator('.comment').getByText('Could you check the figures, @Dara Sok please?').waitFor();

    const dara = await openPage(web, PHONE);
    await signIn(dara, 'dara@lac.example');
    await dara.goto('/inbox');
    await dara.getByRole('link', { name: 'Vannak Heng mentioned you in “Diversion and restorative justice”' }).click();
    await dara
      .locator('.comment.current')
      .getByText(/Could you check the figures/)
      .waitFor();
    // The section is FI's: Dara reads and comments, and the page says why there is no editor.
    await dara.getByText(/^This section is not assigned to you or your organisation/).waitFor();
    expect(await dara.locator('.code-editor').count()).toBe(0);
    await dara.getByRole('button', { name: 'Reply' }).click();
    await dara.getByRole('combobox', { name: 'Your reply' }).fill('Yes, the 2022 figures are in.');
    await dara.getByRole('button', { name: 'Send reply' }).click();
    await dara.locator('.replies').getByText('Yes, the 2022 figures are in.').waitFor();
    await dara.getByRole('button', { name: 'Resolve' }).first().click();
    await dara.getByRole('button', { name: 'Reopen' }).first().waitFor();
    await screenshot(dara, 'comment-thread-en-phone');
    await writer.context().close();
    await dara.context().close();
  });

  it('at phone width, a partner edits her section in Khmer', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'dara@lac.example', 'ខ្មែរ');
    await openSection(page, OECD, 'Children as users of justice services');
    await typeInto(page, '\n\nកុមារត្រូវការជំនួយផ្លូវច្បាប់ដោយឥតគិតថ្លៃ។');
    await page.getByRole('button', { name: 'រក្សាទុក', exact: true }).click();
    await page.getByText(/^បានរក្សាទុកជាកំណែទី/).waitFor();
    const saved = await sectionOf(page);
    expect(saved.body).toContain('កុមារត្រូវការជំនួយផ្លូវច្បាប់ដោយឥតគិតថ្លៃ។');
    // The live count matches the server's count of the saved text.
    await page.getByText(`ផ្នែកនេះ៖ ${new Intl.NumberFormat('km').format(saved.wordCount)} ពាក្យ`).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'section-editor-km-phone');
    await page.context().close();
  });

  it('on a phone in Khmer, a save without a connection is kept, and a conflict is merged in one column', async () => {
    const dara = await openPage(web, PHONE);
    await signIn(dara, 'dara@lac.example', 'ខ្មែរ');
    await openSection(dara, GC26, 'Access to justice for environmental harm');
    await typeInto(dara, '\n\nសហគមន៍ត្រូវការព័ត៌មានអំពីផលប៉ះពាល់បរិស្ថាន។');

    await dara.context().setOffline(true);
    await dara.getByRole('button', { name: 'រក្សាទុក', exact: true }).click();
    await dara.getByText(/^គ្មានការតភ្ជាប់៖ អត្ថបទរបស់អ្នកត្រូវបានរក្សាទុកនៅលើឧបករណ៍នេះ/).waitFor();

    // Meanwhile the coordinator saves the same section.
    const coordinator = await openPage(web, DESKTOP);
    await signIn(coordinator, 'coordinator@cjn.example');
    await openSection(coordinator, GC26, 'Access to justice for environmental harm');
    await typeInto(coordinator, '\n\nSee also the CRC Committee’s General Comment No. 24.');
    await coordinator.getByRole('button', { name: 'Save', exact: true }).click();
    await coordinator.getByText(/^Saved as version/).waitFor();

    // Back online, the waiting save goes out on its old version and meets the coordinator's.
    await dara.context().setOffline(false);
    await dara.getByRole('heading', { name: 'មាននរណាម្នាក់បានរក្សាទុកផ្នែកនេះ ខណៈពេលអ្នកកំពុងសរសេរ' }).waitFor();
    await dara.locator('.merge-editor .cm-changedLine, .merge-editor .cm-deletedChunk').first().waitFor();
    const width = await dara.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    expect(await accessibilityProblems(dara)).toEqual([]);
    await screenshot(dara, 'section-conflict-km-phone');
    await dara.getByRole('button', { name: 'រក្សាអត្ថបទទាំងពីរ' }).click();
    await dara.getByRole('button', { name: 'រក្សាទុកអត្ថបទដែលបានបញ្ចូលគ្នា' }).click();
    await dara.getByText(/^បានរក្សាទុកជាកំណែទី/).waitFor();
    const saved = await sectionOf(dara);
    expect(saved.body).toContain('សហគមន៍ត្រូវការព័ត៌មានអំពីផលប៉ះពាល់បរិស្ថាន។');
    expect(saved.body).toContain('General Comment No. 24');
    await dara.context().close();
    await coordinator.context().close();
  });

  it('once submitted, the text is frozen and the page says so', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'coordinator@cjn.example');
    const found = await page.request.get(`/api/v1/submissions?q=${encodeURIComponent(GC26)}`);
    const id = (await found.json()).items[0].id as string;
    const moved = await page.request.post(`/api/v1/submissions/${id}/transitions`, {
      data: { to: 'submitted', override: true, reason: 'Sent by e-mail on the deadline day' },
    });
    expect(moved.status()).toBe(200);
    await openSection(page, GC26, 'Introduction');
    await page.getByText('This submission is Submitted: its text is frozen and can no longer be changed.').waitFor();
    expect(await page.locator('.code-editor').count()).toBe(0);
    await settle(page);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'section-frozen-en-phone');
    await page.context().close();
  });
});
