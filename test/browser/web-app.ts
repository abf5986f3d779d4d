/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { seed } from '../../src/seed/seed.js';
import { freePort, startAppProcess, type AppProcess } from '../support/app-process.js';
import { createTestDatabase, databaseUrl, dropDatabase } from '../support/databases.js';
import { deleteKeys } from '../support/test-app.js';
import { testClock } from '../support/test-clock.js';
import type { Clock } from '../../src/common/clock.js';

export const DEMO_PASSWORD = 'cjn-demo-password';
export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 900 };
export const ARTIFACTS = 'test-artifacts';

export interface WebApp {
  url: string;
  browser: Browser;
  /** The day the app, its demo data and each page's clock run on (see test/support/test-clock.ts). */
  clock: Clock;
  close: () => Promise<void>;
}

/**
 * The built app (`node dist/src/main.js`, serving web/dist) on its own seeded database, and Debian's chromium.
 * `env`: more settings for the app, such as an `SMTP_URL`.
 */
export async function startWebApp(env: Record<string, string> = {}): Promise<WebApp> {
  const dbName = await createTestDatabase();
  const clock = testClock();
  await seed(databaseUrl(dbName), () => undefined, clock);
  const port = await freePort();
  const queuePrefix = `test-${randomBytes(4).toString('hex')}`;
  const url = `http://127.0.0.1:${port}`;
  const app: AppProcess = startAppProcess({
    DATABASE_URL: databaseUrl(dbName),
    PORT: String(port),
    QUEUE_PREFIX: queuePrefix,
    PUBLIC_URL: url,
    ...(process.env.TEST_CLOCK_START ? { CLOCK_START: clock.now().toISOString() } : {}),
    ...env,
  });
  await app.waitFor(/API on /);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    url,
    browser,
    clock,
    close: async () => {
      await browser.close();
      app.child.kill('SIGTERM');
      await app.exited;
      await dropDatabase(dbName);
      await deleteKeys('redis://127.0.0.1:6379', `${queuePrefix}*`);
    },
  };
}

/**
 * A fresh browser profile (no session, no saved language) at a given width, speaking English;
 * `serviceWorkers: 'block'` for a test that answers requests itself
 * (`page.route` does not see what the service worker fetches).
 */
export async function openPage(
  web: WebApp,
  viewport: { width: number; height: number },
  options: { serviceWorkers?: 'allow' | 'block' } = {},
): Promise<Page> {
  const context = await web.browser.newContext({ viewport, locale: 'en-GB', baseURL: web.url, ...options });
  // On the app's day, when the suite runs on another (TEST_CLOCK_START): only Date moves, timers run as ever.
  if (process.env.TEST_CLOCK_START) await context.clock.setSystemTime(web.clock.now());
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  // Every page of every browser test runs under the app's Content-Security-Policy without a complaint.
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) {
      const { url, lineNumber } = message.location();
      throw new Error(`${message.text()} (${url}:${lineNumber})`);
    }
  });
  return page;
}

/**
 * Signs in from an English browser, picking `language` on the sign-in page (which makes it the profile's);
 * `null` picks none, so the profile's language applies.
 */
export async function signIn(
  page: Page,
  email: string,
  language: 'English' | 'ខ្មែរ' | null = 'English',
): Promise<void> {
  await page.goto('/sign-in');
  if (language) await page.getByRole('radio', { name: language }).click();
  const english = language !== 'ខ្មែរ';
  await page.getByLabel(english ? 'E-mail' : 'អ៊ីមែល').fill(email);
  await page.getByLabel(english ? 'Password' : 'ពាក្យសម្ងាត់').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: english ? 'Sign in' : 'ចូល' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** Waits for the page's data and fonts, then saves a full-page screenshot under test-artifacts/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await settle(page);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}

export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('[role="status"] .spinner').first().waitFor({ state: 'detached' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now, as readable lines. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await settle(page);
  // Evaluated through the DevTools protocol: a <script> tag would be (rightly) refused by the page CSP.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            c: Document,
          ) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Latin-script words in the visible interface text, leaving out what is marked `translate="no"`:
 * records' own titles, people's and organisations' names, zone names, as the people wrote them.
 */
export async function latinWordsOutsideData(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const words: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[translate="no"], script, style')) continue;
      if (!parent.checkVisibility()) continue;
      words.push(...((node.textContent ?? '').match(/[A-Za-z]{2,}/g) ?? []));
    }
    return words;
  });
}

/** Waits until `locator`'s element has the focus (focus often moves a frame after a re-render). */
export async function waitForFocus(locator: Locator): Promise<void> {
  const element = await locator.elementHandle();
  await locator.page().waitForFunction((el) => el === document.activeElement, element);
}

/** What Khmer text writes in Latin letters too on the follow-up screens: bodies' names, file formats and sizes. */
const FOLLOW_UP_CODES = new Set([
  'CJN',
  'CRC',
  'UN',
  'UPR',
  'CSV',
  'DOCX',
  'TXT',
  'MB',
  'PDF',
  'XLSX',
  'ODT',
  'PNG',
  'JPEG',
]);

/** English left on a Khmer follow-up screen: Latin words outside the records' own data, but for those codes. */
export async function englishOnFollowUpScreen(page: Page): Promise<string[]> {
  await settle(page);
  return (await latinWordsOutsideData(page)).filter((word) => !FOLLOW_UP_CODES.has(word));
}

/** The page is no wider than the screen: nothing to scroll sideways but the tables that scroll themselves. */
export async function fitsTheScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
