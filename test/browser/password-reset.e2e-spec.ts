import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { readMail, SmtpSink } from '../support/smtp-sink.js';
import { accessibilityProblems, DESKTOP, openPage, PHONE, screenshot, startWebApp, type WebApp } from './web-app.js';

const TEXT = {
  en: {
    radio: 'English',
    forgot: 'Forgot your password?',
    email: 'E-mail',
    send: 'Send the link',
    sent: /a link to choose a new password is on its way/,
    newPassword: 'New password',
    repeat: 'Repeat the password',
    set: 'Set password',
    done: /Your new password is set/,
    signIn: 'Sign in',
    password: 'Password',
    used: 'This link has already been used. Sign in, or ask for a new link.',
  },
  km: {
    radio: 'ខ្មែរ',
    forgot: 'ភ្លេចពាក្យសម្ងាត់?',
    email: 'អ៊ីមែល',
    send: 'ផ្ញើតំណ',
    sent: /តំណសម្រាប់ជ្រើសរើសពាក្យសម្ងាត់ថ្មីកំពុងផ្ញើទៅ/,
    newPassword: 'ពាក្យសម្ងាត់ថ្មី',
    repeat: 'វាយពាក្យសម្ងាត់ម្ដងទៀត',
    set: 'កំណត់ពាក្យសម្ងាត់',
    done: /ពាក្យសម្ងាត់ថ្មីរបស់អ្នកត្រូវបានកំណត់/,
    signIn: 'ចូល',
    password: 'ពាក្យសម្ងាត់',
    used: 'តំណនេះត្រូវបានប្រើរួចហើយ។ សូមចូល ឬស្នើសុំតំណថ្មី។',
  },
};

/** Forgot password, from the sign-in page to signing in with the new one, by the link the e-mail carries. */
describe('the web app: a forgotten password', () => {
  let web: WebApp;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await new SmtpSink().start();
    web = await startWebApp({ SMTP_URL: sink.url, MAIL_FROM: 'CJN Tracker <tracker@cjn.example>' });
  });
  afterAll(async () => {
    await web?.close();
    await sink?.stop();
  });

  async function resetAndSignIn(page: Page, email: string, language: 'en' | 'km', name: string) {
    const text = TEXT[language];
    await page.goto('/sign-in');
    await page.getByRole('radio', { name: text.radio }).check();
    await page.getByRole('link', { name: text.forgot }).click();
    await page.waitForURL('**/forgot-password');
    await page.getByLabel(text.email).fill(email);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, `password-forgot-${name}`);
    await page.getByRole('button', { name: text.send }).click();
    await page.getByRole('status').getByText(text.sent).waitFor();
    await screenshot(page, `password-forgot-sent-${name}`);

    const mail = readMail((await sink.waitFor(email, 20_000)).raw);
    const link = new RegExp(`${web.url}/reset-password\\?token=[A-Za-z0-9_.%-]+`).exec(mail.text)?.[0];
    expect(link).toBeDefined();

    const newPassword = `a new ${language} phrase for ${email}`;
    await page.goto(link!);
    await page.getByLabel(text.newPassword).fill(newPassword);
    await page.getByLabel(text.repeat).fill(newPassword);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, `password-reset-${name}`);
    await page.getByRole('button', { name: text.set }).click();
    await page.getByRole('status').getByText(text.done).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, `password-reset-done-${name}`);

    await page.getByRole('link', { name: text.signIn }).click();
    await page.getByLabel(text.email).fill(email);
    await page.getByLabel(text.password, { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: text.signIn }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { level: 1 }).waitFor();

    // The link worked once; opened again it says so, in the reader's language.
    await page.goto(link!);
    await page.getByLabel(text.newPassword).fill(`${newPassword} again`);
    await page.getByLabel(text.repeat).fill(`${newPassword} again`);
    await page.getByRole('button', { name: text.set }).click();
    await page.getByRole('alert').getByText(text.used).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, `password-reset-used-${name}`);
  }

  it('a coordinator on a desktop, in English', async () => {
    const page = await openPage(web, DESKTOP);
    await resetAndSignIn(page, 'coordinator@cjn.example', 'en', 'en-desktop');
    await page.context().close();
  });

  it('a partner on a 360 px phone, in Khmer', async () => {
    const page = await openPage(web, PHONE);
    await resetAndSignIn(page, 'dara@lac.example', 'km', 'km-phone');
    await page.context().close();
  });
});
