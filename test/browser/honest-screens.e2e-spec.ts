import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
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

/** Latin words a Khmer reader meets, leaving out people's data and the names of bodies (as khmer-screens). */
async function english(page: Page): Promise<string[]> {
  const codes = new Set(['CJN', 'CRC', 'OECD', 'UN', 'UNICEF', 'EU', 'UPR', 'API', 'English']);
  return (await latinWordsOutsideData(page)).filter((word) => !codes.has(word));
}

/**
 * Nothing says "sent" when it was not (a server without e-mail), errors say what happened, and what cannot
 * be undone asks first: in English on a desktop and in Khmer on a 360 px phone.
 */
describe('the web app: honest answers on a server without e-mail', () => {
  let web: WebApp;
  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(() => web?.close());

  it('an admin inviting someone gets the link to hand over, and why; so does a new invitation', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'admin@cjn.example');
    await page.goto('/admin/users');
    const invite = page.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('Name').fill('Vanna Sok');
    await invite.getByLabel('E-mail').fill('vanna@lac.example');
    await invite.getByRole('button', { name: 'Send the invitation' }).click();
    await invite.getByText(/E-mail is not set up on this server, so the invitation was not sent/).waitFor();
    const first = await invite.getByLabel('Invitation link for vanna@lac.example').inputValue();
    expect(first).toMatch(new RegExp(`^${web.url}/invitation\\?token=`));
    expect(await page.getByText(/Invitation sent/).count()).toBe(0);

    const row = page.getByRole('listitem').filter({ hasText: 'Vanna Sok' });
    await row.getByRole('button', { name: 'Send a new invitation to Vanna Sok' }).click();
    const again = await row.getByLabel('Invitation link for vanna@lac.example').inputValue();
    expect(again).toMatch(/\/invitation\?token=/);
    expect(again).not.toBe(first);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('in Khmer on a phone: the invitation link panel, and a forgotten password that cannot be e-mailed', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'admin@cjn.example', 'ខ្មែរ');
    await page.goto('/admin/users');
    const invite = page.getByRole('form', { name: 'អញ្ជើញនរណាម្នាក់' });
    await invite.getByLabel('ឈ្មោះ').fill('Sreyneang Heng');
    await invite.getByLabel('អ៊ីមែល').fill('sreyneang@lac.example');
    await invite.getByRole('button', { name: 'ផ្ញើលិខិតអញ្ជើញ' }).click();
    await invite.getByText(/ការអញ្ជើញមិនត្រូវបានផ្ញើទេ/).waitFor();
    await invite.getByRole('button', { name: 'ចម្លងតំណ' }).scrollIntoViewIfNeeded();
    expect(await english(page)).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'invitation-link-km-phone');
    await invite.screenshot({ path: 'test-artifacts/invitation-link-panel-km-phone.png' });
    await page.context().close();

    const anonymous = await openPage(web, PHONE);
    await anonymous.goto('/sign-in');
    await anonymous.getByRole('radio', { name: 'ខ្មែរ' }).check();
    await anonymous.goto('/forgot-password');
    await anonymous.getByLabel('អ៊ីមែល').fill('dara@lac.example');
    await anonymous.getByRole('button', { name: 'ផ្ញើតំណ' }).click();
    await anonymous
      .getByRole('status')
      .getByText(/ម៉ាស៊ីនមេនេះមិនអាចផ្ញើអ៊ីមែលបានទេ/)
      .waitFor();
    expect(await anonymous.getByText(/កំពុងផ្ញើទៅ/).count()).toBe(0);
    expect(await english(anonymous)).toEqual([]);
    await screenshot(anonymous, 'forgot-password-no-email-km-phone');
    await anonymous.context().close();
  });

  it('says what went wrong: a mangled link, a missing record, a forbidden one, no connection, a server failure', async () => {
    const page = await openPage(web, DESKTOP, { serviceWorkers: 'block' });
    await signIn(page, 'coordinator@cjn.example');
    const alert = page.getByRole('alert');

    await page.goto('/opportunities/not-a-uuid');
    await alert.getByText(/This link is not valid/).waitFor();
    expect(await alert.getByRole('button', { name: 'Try again' }).count()).toBe(0);

    await page.goto('/opportunities/00000000-0000-4000-8000-000000000000');
    await alert.getByText(/Not found: this record does not exist/).waitFor();

    const id = '11111111-1111-4111-8111-111111111111';
    await page.route(`**/api/v1/opportunities/${id}`, (route) =>
      route.fulfill({ status: 403, contentType: 'application/json', body: '{"statusCode":403,"code":"forbidden"}' }),
    );
    await page.goto(`/opportunities/${id}`);
    await alert.getByText(/You are not allowed to see this/).waitFor();
    await page.unroute(`**/api/v1/opportunities/${id}`);

    await page.route(`**/api/v1/opportunities/${id}`, (route) => route.abort('internetdisconnected'));
    await page.goto(`/opportunities/${id}`);
    await alert.getByText(/No connection: the server could not be reached/).waitFor({ timeout: 20_000 });
    await alert.getByRole('button', { name: 'Try again' }).waitFor();
    await page.unroute(`**/api/v1/opportunities/${id}`);

    await page.route(`**/api/v1/opportunities/${id}`, (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: '{"statusCode":500}' }),
    );
    await page.goto(`/opportunities/${id}`);
    await alert.getByText(/The server had a problem/).waitFor({ timeout: 20_000 });
    expect(await page.getByText(/This could not be loaded/).count()).toBe(0);
    await page.context().close();
  });

  it('"New deadline" on the Deadlines page asks for the record first, then opens its form', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    await page.goto('/deadlines');
    await page.getByRole('link', { name: 'New deadline' }).click();
    await page.waitForURL('**/deadlines/new');
    const pick = page.getByRole('form', { name: 'First, pick the record' });
    await pick.getByRole('radio', { name: 'A submission' }).check();
    const select = pick.getByLabel('Submission', { exact: true });
    await select.locator('option').nth(1).waitFor({ state: 'attached' });
    const title = (await select.locator('option').nth(1).textContent())!;
    await select.selectOption({ label: title });
    await pick.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/subjectType=submission&subjectId=/);
    await page.getByRole('link', { name: 'Back to the record' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.context().close();

    const viewer = await openPage(web, DESKTOP);
    await signIn(viewer, 'observer@cjn.example');
    await viewer.goto('/deadlines');
    await viewer.getByRole('heading', { level: 1, name: 'Deadlines' }).waitFor();
    expect(await viewer.getByRole('link', { name: 'New deadline' }).count()).toBe(0);
    await viewer.context().close();
  });

  it('in Khmer on a phone: the record picker and a mangled link', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'dara@lac.example', 'ខ្មែរ');
    await page.goto('/deadlines/new');
    await page.getByRole('form', { name: 'ជាដំបូង សូមជ្រើសរើសកំណត់ត្រា' }).waitFor();
    expect(await english(page)).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'deadline-pick-record-km-phone');
    await page.goto('/submissions/not-a-uuid');
    await page
      .getByRole('alert')
      .getByText(/តំណនេះមិនត្រឹមត្រូវទេ/)
      .waitFor();
    expect(await english(page)).toEqual([]);
    await screenshot(page, 'invalid-link-km-phone');
    await page.context().close();
  });

  it('asks before revoking a token: Cancel has the focus, Escape and Cancel keep it, the named button revokes', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    await page.goto('/profile');
    await page.getByLabel('What it is for').fill('Nightly export');
    await page.getByRole('button', { name: 'Create token' }).click();
    const revoke = page.getByRole('button', { name: 'Revoke the token “Nightly export”' });
    await revoke.click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this API token?' });
    await dialog.getByText(/Scripts that use Nightly export stop working at once/).waitFor();
    await waitForFocus(dialog.getByRole('button', { name: 'Cancel' }));
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await waitForFocus(revoke);
    await revoke.click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await revoke.count()).toBe(1);
    await revoke.click();
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await revoke.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('asks before withdrawing a submission, and in Khmer on a phone before disabling someone', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    await page.goto('/submissions');
    await page
      .getByRole('link', { name: /OECD Draft Recommendation/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw this submission?' });
    await dialog.getByText(/sees it as withdrawn/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await dialog.getByRole('button', { name: 'Withdraw the submission' }).click();
    await page.getByText('This submission has been withdrawn. It can be planned or drafted again.').waitFor();
    await page.context().close();

    const phone = await openPage(web, PHONE);
    await signIn(phone, 'admin@cjn.example', 'ខ្មែរ');
    await phone.goto('/admin/users');
    const row = phone.getByRole('listitem').filter({ hasText: 'Board Observer' });
    await row.getByRole('button', { name: 'បិទ' }).click();
    const ask = phone.getByRole('dialog', { name: 'បិទគណនីនេះឬ?' });
    await waitForFocus(ask.getByRole('button', { name: 'បោះបង់' }));
    expect(await english(phone)).toEqual([]);
    expect(await accessibilityProblems(phone)).toEqual([]);
    await phone.screenshot({ path: 'test-artifacts/confirm-disable-km-phone.png' });
    await ask.getByRole('button', { name: 'បោះបង់' }).click();
    await phone.context().close();
  });

  it('the zone picker is searchable, common zones first and named; every time shown carries its zone', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    await page.goto('/profile');
    const zone = page.getByLabel('Time zone');
    await zone.waitFor();
    const options = await page.evaluate(() => {
      const input = document.getElementById('time-zone') as HTMLInputElement;
      return [...(input.list?.options ?? [])].slice(0, 6).map((o) => [o.value, o.label]);
    });
    expect(options.map(([value]) => value)).toEqual([
      'Asia/Phnom_Penh',
      'Asia/Bangkok',
      'Europe/Zurich',
      'Europe/Paris',
      'America/New_York',
      'UTC',
    ]);
    expect(options[2][1]).toMatch(/^Geneva, Zurich · .*Time/);
    await zone.fill('Europe/Nowhere');
    await page.getByText(/Not a time zone this browser knows/).waitFor();
    expect(await zone.getAttribute('aria-invalid')).toBe('true');
    await zone.fill('Europe/Geneva'); // IANA files Geneva under Zurich
    await page.waitForFunction(() => document.getElementById('time-zone')?.getAttribute('aria-invalid') !== 'true');
    // Waiting from before the click: a quick answer must not come and go before the wait starts.
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH'),
      page.getByRole('button', { name: 'Save', exact: true }).first().click(),
    ]);
    const me = await page.request.get('/api/v1/me');
    expect(((await me.json()) as { timeZone: string }).timeZone).toBe('Europe/Zurich');

    const res = await page.request.get('/api/v1/opportunities?limit=100');
    const { items } = (await res.json()) as { items: { id: string; closesAt: string | null }[] };
    const call = items.find((o) => o.closesAt)!;
    await page.goto(`/opportunities/${call.id}`);
    const closes = page.locator('dt', { hasText: /^Closes$/ }).locator('xpath=following-sibling::dd[1]');
    await expect(closes.textContent()).resolves.toMatch(/\d{2}:\d{2} \S.* (GMT|UTC)/);

    // A call funded by UNICEF Cambodia (a UN agency, not of kind "funder") names it on the board.
    await page.goto('/opportunities');
    await page.getByText('UNICEF Cambodia', { exact: true }).first().waitFor();
    await page.context().close();
  });
});
