// How far a phone reader scrolls before a page offers "Show more" (or ends), in screens of 360×740, in
// Khmer (its script is taller than English), for a coordinator and a partner, over every record page of the
// demo data. Goal: about three screens.

const VIEWPORT = { width: 360, height: 740 };
const READERS = ['coordinator@cjn.example', 'dara@lac.example'];
export const PAGE_GOAL_SCREENS = 3;

/** The top of the first "Show more" button, else the page's height, in screens. */
function screensBeforeShowMore() {
  const doc = globalThis.document;
  const more = [...doc.querySelectorAll('main button')].find((button) =>
    /^(Show more|បង្ហាញបន្ថែម)/.test(button.textContent?.trim() ?? ''),
  );
  const end = more ? more.getBoundingClientRect().top + globalThis.scrollY : doc.documentElement.scrollHeight;
  return end / globalThis.innerHeight;
}

async function idsOf(request, path) {
  return (await (await request.get(`/api/v1/${path}?limit=100`)).json()).items.map((r) => r.id);
}

/** The longest page of each kind, over the readers: `{ kind: { screens, title, reader } }`. */
export async function pageLengths(browser, base, password) {
  const longest = {};
  for (const email of READERS) {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'km-KH', baseURL: base });
    await context.request.post('/api/v1/auth/login', { data: { email, password } });
    await context.request.patch('/api/v1/me', { data: { language: 'km' } });
    const page = await context.newPage();
    const kinds = [
      ['dashboard', ['/']],
      ['deadlines', ['/deadlines']],
      ['board', ['/opportunities']],
      ['opportunity', (await idsOf(context.request, 'opportunities')).map((id) => `/opportunities/${id}`)],
      ['submission', (await idsOf(context.request, 'submissions')).map((id) => `/submissions/${id}`)],
    ];
    for (const [kind, paths] of kinds) {
      for (const path of paths) {
        await page.goto(path);
        await page.waitForSelector('main h1');
        await page.waitForLoadState('networkidle');
        await page.waitForFunction(() => !globalThis.document.querySelector('.spinner'));
        await page.evaluate(() => globalThis.document.fonts.ready.then(() => undefined));
        const screens = await page.evaluate(screensBeforeShowMore);
        const title = (await page.locator('main h1').first().textContent())?.trim() ?? path;
        if (!longest[kind] || screens > longest[kind].screens) longest[kind] = { screens, title, reader: email };
      }
    }
    await context.close();
  }
  return longest;
}
