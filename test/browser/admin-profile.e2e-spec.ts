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
  waitForFocus,
} from './web-app.js';

/** An admin's screens (people, organisations) and everyone's password and API tokens on the profile. */
describe('the web app: administration and account', () => {
  let web: WebApp;
  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(() => web?.close());

  it('an admin invites a partner in Khmer, changes a role, disables an account and adds an organisation', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'admin@cjn.example');
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();

    const invite = page.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('Name').fill('Sokunthea Chan');
    await invite.getByLabel('E-mail').fill('sokunthea@crc-cambodia.example');
    await invite.getByLabel('Organisation').selectOption({ label: 'CRC-Cambodia · Child Rights Coalition Cambodia' });
    await invite.getByLabel('Language of the invitation').selectOption('km');
    await invite.getByRole('button', { name: 'Send the invitation' }).click();
    // No e-mail on this server: the page hands over the link instead of claiming it was sent.
    await invite.getByText(/E-mail is not set up on this server, so the invitation was not sent/).waitFor();
    expect(await invite.getByLabel('Invitation link for sokunthea@crc-cambodia.example').inputValue()).toMatch(
      /\/invitation\?token=/,
    );
    expect(await invite.getByText(/Invitation sent/).count()).toBe(0);
    const invited = page.getByRole('listitem').filter({ hasText: 'Sokunthea Chan' });
    await invited.getByText('Invited').waitFor();

    const observer = page.getByRole('listitem').filter({ hasText: 'Board Observer' });
    await observer.getByLabel('Role of Board Observer').selectOption('member');
    await observer.getByRole('button', { name: 'Disable Board Observer' }).click();
    await page.getByRole('dialog', { name: 'Disable this account?' }).getByRole('button', { name: 'Disable' }).click();
    await observer.getByText('Disabled').waitFor();
    await page.reload();
    const again = page.getByRole('listitem').filter({ hasText: 'Board Observer' });
    await again.getByText('Disabled').waitFor();
    expect(await again.getByLabel('Role of Board Observer').inputValue()).toBe('member');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'admin-people-en-desktop');

    await page.getByRole('link', { name: 'Organisations' }).click();
    const add = page.getByRole('form', { name: 'Add an organisation' });
    await add.getByLabel('Name').fill('Khmer Youth Association');
    await add.getByLabel('Acronym').fill('KYA');
    await add.getByRole('button', { name: 'Add the organisation' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Khmer Youth Association' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    // Editing in place: focus moves into the form; the server's problems show under their fields.
    const card = page.getByRole('listitem').filter({ hasText: 'Khmer Youth Association' });
    await card.getByRole('button', { name: 'Edit Khmer Youth Association' }).click();
    const edit = card.getByRole('form', { name: 'Edit Khmer Youth Association' });
    await waitForFocus(edit.getByLabel('Name'));
    await edit.getByLabel('Country').fill('ZZ');
    await edit.getByLabel('Website').fill('not a website');
    await edit.getByLabel('Kind').selectOption({ label: 'Network' });
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByRole('alert').getByText('Some fields need fixing; see the notes under them.').waitFor();
    for (const label of ['Country', 'Website']) {
      const input = edit.getByLabel(label);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      const note = await input.evaluate((el) =>
        (el.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
      // Said as a person would, without the property's name.
      expect(note).toMatch(
        label === 'Country' ? /^Give a two-letter country code such as KH\./ : /^Give a full web address/,
      );
    }
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'admin-organization-edit-errors-en-desktop');

    await edit.getByLabel('Country').fill('KH');
    await edit.getByLabel('Website').fill('https://kya.example.org');
    await edit.getByLabel('Name').fill('Youth Rehabilitation and Reintegration Organisation');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByRole('alert').getByText('Another organisation already has this name.').waitFor();
    expect(await edit.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');

    await edit.getByLabel('Name').fill('Khmer Youth Association (KYA)');
    await edit.getByLabel('Acronym').fill('');
    await edit.getByRole('button', { name: 'Save' }).click();
    const renamed = page.getByRole('listitem').filter({ hasText: 'Khmer Youth Association (KYA)' });
    await renamed.getByText('Network · KH').waitFor();
    await renamed.getByRole('link', { name: 'https://kya.example.org' }).waitFor();
    // Focus comes back to the card's Edit button once the saved card is drawn.
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'Edit Khmer Youth Association (KYA)',
    );

    // Escape closes the form without saving.
    await renamed.getByRole('button', { name: 'Edit Khmer Youth Association (KYA)' }).click();
    await renamed.getByLabel('Name').fill('Something else');
    await page.keyboard.press('Escape');
    await renamed.getByRole('form').waitFor({ state: 'detached' });
    await page.reload();
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Khmer Youth Association (KYA)' })
      .getByText('Network · KH')
      .waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'Something else' }).count()).toBe(0);
    await page.context().close();
  });

  it('a partner creates an API token (shown once), revokes it, and is told why a new password is refused', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'dara@lac.example');
    await page.goto('/profile');
    const tokens = page
      .getByRole('region', { name: /API/ })
      .or(page.locator('section[aria-labelledby="tokens-title"]'));
    await tokens.getByLabel(/What it is for|សម្រាប់អ្វី/).fill('weekly export');
    await tokens.getByRole('button', { name: /Create token|បង្កើតសញ្ញាសម្គាល់/ }).click();
    const secret = await tokens.locator('#new-token').inputValue();
    expect(secret).toMatch(/^cjn_/);
    const row = tokens.getByRole('listitem').filter({ hasText: 'weekly export' });
    await row.waitFor();
    await screenshot(page, 'profile-tokens-phone');
    await row.getByRole('button').click();
    await page
      .getByRole('dialog', { name: /Revoke this API token\?|ដកហូតសញ្ញាសម្គាល់ API នេះឬ\?/ })
      .getByRole('button', { name: /^(Revoke|ដកហូត)$/ })
      .click();
    await row.waitFor({ state: 'detached' });

    const password = page.locator('section[aria-labelledby="password-title"]');
    await password.getByLabel(/Current password|ពាក្យសម្ងាត់បច្ចុប្បន្ន/).fill('cjn-demo-password');
    await password.getByLabel(/New password|ពាក្យសម្ងាត់ថ្មី/).fill('password123');
    await password.getByRole('button').click();
    await password.getByRole('alert').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('in Khmer at phone width, the people screen speaks Khmer', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'admin@cjn.example', 'ខ្មែរ');
    await page.goto('/admin/users');
    await page.getByRole('heading', { level: 1, name: 'មនុស្ស' }).waitFor();
    await page.getByRole('listitem').first().waitFor();
    expect((await latinWordsOutsideData(page)).filter((w) => w !== 'CJN')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'admin-people-km-phone');

    await page.goto('/admin/organizations');
    await page.getByRole('heading', { level: 1, name: 'អង្គការ' }).waitFor();
    const first = page.locator('section[aria-labelledby="orgs-title"] li').first();
    await first.getByRole('button', { name: /^កែប្រែ/ }).click();
    await first.getByRole('form').getByLabel('ឈ្មោះ').waitFor();
    expect((await latinWordsOutsideData(page)).filter((w) => w !== 'CJN' && w !== 'ISO' && w !== 'KH')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'admin-organization-edit-km-phone');
    await page.getByRole('button', { name: 'បោះបង់' }).click();
    await first.getByRole('form').waitFor({ state: 'detached' });
    await page.context().close();
  });
});
