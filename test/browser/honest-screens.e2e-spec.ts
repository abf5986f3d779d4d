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
});
