// bench/phone: what a partner on a phone over mobile data waits for. Debian's chromium at 360×740, the
// network throttled to 1.6 Mbit/s down, 750 kbit/s up and 150 ms latency (Chrome DevTools' "Fast 3G"
// class), against the built app on the demo seed. Figures: bytes over the wire and time until the page is
// ready (its heading shown, its data loaded, no spinner), cold (empty cache) and warm (cached).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { PAGE_GOAL_SCREENS, pageLengths } from './page-length.mjs';
import {
  dbUrl,
  freePort,
  ms,
  printMachine,
  printTable,
  privateRedis,
  recreateDatabase,
  requireBuild,
  ROOT,
  startApp,
} from './support.mjs';

const DB = process.env.BENCH_PHONE_DB ?? 'cjn_bench_phone';
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 3);
const PASSWORD = 'cjn-demo-password';
/** Shared machines are noisy: a figure fails the run only beyond this multiple of its goal. */
const FAR_BEYOND = 2;
const kb = (bytes) => `${Math.round(bytes / 1024)} kB`;

/** A fresh, throttled phone: a new browser context (empty cache) with its own count of bytes received. */
async function phone(browser, baseURL) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'km-KH', baseURL });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  const counter = { bytes: 0 };
  cdp.on('Network.loadingFinished', (event) => (counter.bytes += event.encodedDataLength));
  return { context, page, counter };
}

/**
 * Waits until the page shows `heading` and no loading spinner is left (its data are on screen). Not
 * "network idle": that adds half a second of silence to every figure.
 */
async function ready(page, heading) {
  await page.waitForFunction(
    // Runs in the page, where `document` is the page's.
    (selector) => globalThis.document.querySelector(selector) && !globalThis.document.querySelector('.spinner'),
    heading,
    {
      polling: 'raf',
      timeout: 60_000,
    },
  );
}

/** Time and bytes of `steps`, from a zeroed counter. */
async function measure(counter, steps) {
  counter.bytes = 0;
  const started = performance.now();
  await steps();
  return { ms: performance.now() - started, bytes: counter.bytes };
}

/** The first section the signed-in partner may write (the reminder's link leads to its editor). */
async function sectionToEdit(request) {
  const submissions = await (await request.get('/api/v1/submissions?limit=50')).json();
  for (const submission of submissions.items) {
    const sections = await (await request.get(`/api/v1/submissions/${submission.id}/sections`)).json();
    const section = sections.items.find((s) => s.canEditText);
    if (section) return { submissionId: submission.id, sectionId: section.id };
  }
  throw new Error('the partner may edit no section of the demo data');
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchPhone() {
  requireBuild();
  await recreateDatabase(DB);
  const redis = await privateRedis();
  const port = await freePort();
  const env = { DATABASE_URL: dbUrl(DB), REDIS_URL: redis.url, PORT: String(port), APP_ROLE: 'api' };
  const app = await startApp(env);
  const seeded = spawnSync(process.execPath, [resolve(ROOT, 'dist/src/seed/seed.js')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const base = `http://127.0.0.1:${port}`;
  const runs = { signIn: [], dashboardCold: [], dashboardWarm: [], editorCold: [] };
  let pages;
  try {
    for (let run = 0; run < RUNS; run++) {
      // Cold: the sign-in page, then the dashboard it leads to, with nothing cached.
      const cold = await phone(browser, base);
      runs.signIn.push(
        await measure(cold.counter, async () => {
          await cold.page.goto('/sign-in');
          await ready(cold.page, '#email');
        }),
      );
      runs.dashboardCold.push(
        await measure(cold.counter, async () => {
          await cold.page.locator('#email').fill('dara@lac.example');
          await cold.page.locator('#password').fill(PASSWORD);
          await cold.page.locator('form button[type="submit"]').click();
          await cold.page.waitForURL((url) => url.pathname === '/');
          await ready(cold.page, 'h1');
        }),
      );
      // Warm: the dashboard opened again, its scripts and fonts from the cache.
      runs.dashboardWarm.push(
        await measure(cold.counter, async () => {
          await cold.page.goto('/');
          await ready(cold.page, 'h1');
        }),
      );
      await cold.context.close();

      // A section opened from a reminder's link on a phone that has never loaded the app (signed in already).
      const editor = await phone(browser, base);
      await editor.context.request.post('/api/v1/auth/login', {
        data: { email: 'dara@lac.example', password: PASSWORD },
      });
      const { submissionId, sectionId } = await sectionToEdit(editor.context.request);
      runs.editorCold.push(
        await measure(editor.counter, async () => {
          await editor.page.goto(`/submissions/${submissionId}/sections/${sectionId}`);
          await ready(editor.page, '.cm-editor');
        }),
      );
      await editor.context.close();
    }
    pages = await pageLengths(browser, base, PASSWORD);
  } finally {
    await browser.close();
    await app.stop();
    await redis.stop?.();
  }
  const row = (figure, samples, goal, goalMs) => {
    const time = median(samples.map((s) => s.ms));
    return {
      figure,
      measured: `${ms(time)}, ${kb(median(samples.map((s) => s.bytes)))}`,
      goal,
      met: goalMs === undefined ? undefined : time < goalMs,
      farBeyond: goalMs !== undefined && time > FAR_BEYOND * goalMs,
    };
  };
  return [
    row('sign-in page, cold', runs.signIn, '—'),
    row('signing in → dashboard ready', runs.dashboardCold, '—'),
    row(
      'dashboard ready, cold (sign-in page and signing in)',
      runs.signIn.map((s, i) => ({
        ms: s.ms + runs.dashboardCold[i].ms,
        bytes: s.bytes + runs.dashboardCold[i].bytes,
      })),
      '< 2.5 s',
      2500,
    ),
    row('dashboard ready, warm', runs.dashboardWarm, '< 1 s', 1000),
    row('section editor from a link, cold', runs.editorCold, '< 3.5 s', 3500),
    ...Object.entries(pages ?? {}).map(([kind, { screens, reader, title }]) => ({
      figure: `longest ${kind} page before "Show more", Khmer (${reader.split('@')[0]})`,
      measured: `${screens.toFixed(1)} screens (${title.slice(0, 40)})`,
      goal: `about ${PAGE_GOAL_SCREENS} screens (≤ ${PAGE_GOAL_SCREENS + 0.5})`,
      met: screens <= PAGE_GOAL_SCREENS + 0.5,
      farBeyond: false,
    })),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchPhone();
  printMachine({ network: '1.6 Mbit/s down, 750 kbit/s up, 150 ms', viewport: '360×740', runs: RUNS });
  printTable(`bench/phone (median of ${RUNS})`, rows);
  const failed = rows.filter((r) => r.farBeyond);
  if (failed.length) {
    console.error(`far beyond the goal (over ${FAR_BEYOND}×): ${failed.map((r) => r.figure).join('; ')}`);
    process.exit(1);
  }
}
