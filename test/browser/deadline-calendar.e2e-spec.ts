import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
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
import { testClock } from '../support/test-clock.js';

const OAK = 'Oak Foundation: ending the detention of children in Cambodia';
const TITLE = 'Oak full proposal to the funder';

/** `YYYY-MM-DD`, `days` from today (UTC). */
// "Today" as the app and the demo data have it (another day under TEST_CLOCK_START).
const clock = testClock();
const dayFromToday = (days: number) => new Date(clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

async function opportunityId(page: Page, title: string): Promise<string> {
  const res = await page.request.get(`/api/v1/opportunities?q=${encodeURIComponent(title)}`);
  const body = (await res.json()) as { items: { id: string; title: string }[] };
  return body.items.find((o) => o.title === title)!.id;
}

/** Whether a field is marked invalid, the note tied to it by aria-describedby, and whether it has the focus. */
async function fieldNote(field: Locator) {
  return field.evaluate((el) => ({
    invalid: el.getAttribute('aria-invalid') ?? 'false',
    note: (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
    focused: el === document.activeElement,
  }));
}

describe('the web app: adding a deadline and finding it on the month calendar', () => {
  let web: WebApp;
  const due = dayFromToday(40);
  const month = due.slice(0, 7);
  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(() => web?.close());

  it('adds a deadline from a template on an opportunity, sees it and its steps on the month, edits it', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    await page.goto(`/opportunities/${await opportunityId(page, OAK)}`);
    await page.getByRole('link', { name: 'Add a deadline for this call' }).click();
    await page.getByRole('heading', { level: 1, name: 'New deadline' }).waitFor();

    await page.getByLabel('Template (optional)').selectOption({ label: 'Grant application (consortium)' });
    await expect(page.getByLabel('Title').inputValue()).resolves.toBe("The funder's submission deadline");
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Date').fill(due);
    await expect(page.getByLabel('Time zone').inputValue()).resolves.toBe('Asia/Phnom_Penh');
    await page.getByLabel('2 hours before').check();
    await page.getByRole('group', { name: 'Assignees (optional)' }).getByLabel('Sophea Lim').check();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'deadline-new-en-desktop');
    await page.getByRole('button', { name: 'Create deadline' }).click();
    await page.waitForURL(/\/deadlines\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const created = (await (await page.request.get(`/api/v1/deadlines/${page.url().split('/').pop()}`)).json()) as {
      reminderOffsets: string[];
      assigneeIds: string[];
      dueDate: string;
    };
    expect(created).toMatchObject({ dueDate: due, reminderOffsets: ['P14D', 'P7D', 'P1D', 'PT2H'] });
    expect(created.assigneeIds).toHaveLength(1);

    await page.goto('/calendar');
    await page.waitForURL(/\/deadlines\?view=month/);
    await page.goto(`/deadlines?view=month&month=${month}`);
    const grid = page.getByRole('grid');
    const dueCell = grid.locator(`[data-day="${due}"]`);
    await dueCell.getByRole('link', { name: TITLE }).waitFor();
    // The template's last step, a day before.
    await grid
      .locator(`[data-day="${dayBefore(due)}"]`)
      .getByRole('link', { name: 'Final check and upload to the funder portal' })
      .waitFor();
    await dueCell.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-day'))).resolves.toBe(dayBefore(due));
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'deadline-calendar-en-desktop');

    await dueCell.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('button', { name: 'Change' }).click();
    await page.getByLabel('Title').fill(`${TITLE} (revised)`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: `${TITLE} (revised)` }).waitFor();

    // Someone else changes it while this form is open: saving says so and offers a reload.
    await page.getByRole('button', { name: 'Change' }).click();
    const id = page.url().split('/').pop()!;
    const current = (await (await page.request.get(`/api/v1/deadlines/${id}`)).json()) as { version: number };
    const meanwhile = await page.request.patch(`/api/v1/deadlines/${id}`, {
      data: { title: `${TITLE} (theirs)`, version: current.version },
    });
    expect(meanwhile.status()).toBe(200);
    await page.getByLabel('Title').fill(`${TITLE} (mine)`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').filter({ hasText: 'changed by someone else meanwhile' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'deadline-conflict-en-desktop');
    await page.getByRole('button', { name: 'Reload' }).click();
    // The form starts again from their change.
    await page.waitForFunction(
      (title) => (document.querySelector<HTMLInputElement>('#df-title')?.value ?? '') === title,
      `${TITLE} (theirs)`,
    );
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('an empty or half-filled deadline form names each missing field beside it, and says so to screen readers', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    await page.goto(`/deadlines/new?subjectType=opportunity&subjectId=${await opportunityId(page, OAK)}`);
    await page.getByRole('heading', { level: 1, name: 'New deadline' }).waitFor();
    const title = page.getByLabel('Title', { exact: true });
    const date = page.getByLabel('Date', { exact: true });

    await page.getByRole('button', { name: 'Create deadline' }).click();
    await page
      .getByRole('alert')
      .getByText('The deadline was not saved: some fields need fixing; see the notes under them.')
      .waitFor();
    expect(await fieldNote(title)).toEqual({ invalid: 'true', note: 'Give the deadline a title.', focused: true });
    expect(await fieldNote(date)).toEqual({ invalid: 'true', note: 'Choose the date it is due.', focused: false });
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'deadline-new-errors-en-desktop');

    await title.fill('Budget narrative to Oak');
    await page.getByRole('button', { name: 'Create deadline' }).click();
    await expect(fieldNote(title)).resolves.toEqual({ invalid: 'false', note: '', focused: false });
    expect(await fieldNote(date)).toEqual({ invalid: 'true', note: 'Choose the date it is due.', focused: true });

    await date.fill(due);
    await page.getByRole('button', { name: 'Create deadline' }).click();
    await page.waitForURL(/\/deadlines\/[0-9a-f-]{36}$/);
    await page.context().close();
  });

  it('a busy month shows every deadline, past the first page of 100 the API gives', async () => {
    const page = await openPage(web, DESKTOP);
    await signIn(page, 'coordinator@cjn.example');
    const busy = dayFromToday(200).slice(0, 7);
    const subjectId = await opportunityId(page, OAK);
    await page.goto('/deadlines');
    const created = await page.evaluate(
      async ({ busy, subjectId }) => {
        const statuses: number[] = [];
        for (let i = 0; i < 130; i += 10) {
          const batch = Array.from({ length: 10 }, (_, j) => i + j).map((n) =>
            fetch('/api/v1/deadlines', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({
                subjectType: 'opportunity',
                subjectId,
                title: `Busy step ${String(n + 1).padStart(3, '0')}`,
                kind: 'internal',
                dueDate: `${busy}-${String((n % 28) + 1).padStart(2, '0')}`,
                timeZone: 'Asia/Phnom_Penh',
                reminderOffsets: [],
              }),
            }).then((r) => r.status),
          );
          statuses.push(...(await Promise.all(batch)));
        }
        return statuses;
      },
      { busy, subjectId },
    );
    expect(created.filter((s) => s !== 201)).toEqual([]);
    await page.goto(`/deadlines?view=month&month=${busy}`);
    const grid = page.getByRole('grid');
    await grid.getByRole('link', { name: /Busy step 130/ }).waitFor();
    expect(await grid.getByRole('link', { name: /Busy step \d{3}/ }).count()).toBe(130);
    await screenshot(page, 'deadline-calendar-busy-month-en-desktop');
    await page.context().close();
  });

  it('in Khmer at 360 px the month shows an agenda of days, without English outside the records', async () => {
    const page = await openPage(web, PHONE);
    await signIn(page, 'coordinator@cjn.example', 'ខ្មែរ');
    // A deadline of this test's own, with a title no other record has, whatever day the suite runs.
    const own = `Agenda check ${Date.now().toString(36)}`;
    const created = await page.request.post('/api/v1/deadlines', {
      data: {
        subjectType: 'opportunity',
        subjectId: await opportunityId(page, OAK),
        title: own,
        kind: 'internal',
        dueDate: due,
        timeZone: 'Asia/Phnom_Penh',
        reminderOffsets: [],
      },
    });
    expect(created.status()).toBe(201);
    await page.goto(`/deadlines?view=month&month=${month}`);
    await page.getByRole('heading', { level: 2, name: /\d{4}/ }).waitFor();
    const agenda = page.locator('ol.agenda');
    await agenda.getByRole('link', { name: own }).waitFor();
    await expect(page.getByRole('grid').count()).resolves.toBe(0);
    expect((await latinWordsOutsideData(page)).filter((word) => word !== 'CJN')).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'deadline-calendar-km-phone');
    await page.getByRole('button', { name: 'ខែមុន' }).click();
    await page.waitForURL(/month=\d{4}-\d{2}/);
    await screenshot(page, 'deadline-calendar-km-phone-previous');

    await page.goto(`/deadlines/new?subjectType=opportunity&subjectId=${await opportunityId(page, OAK)}`);
    await page.getByRole('heading', { level: 1, name: 'ថ្ងៃផុតកំណត់ថ្មី' }).waitFor();
    await page.getByLabel('ម៉ោងកំណត់').check();
    await page.getByLabel('ម៉ោង', { exact: true }).waitFor();
    expect((await latinWordsOutsideData(page)).filter((word) => word !== 'CJN')).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'deadline-new-km-phone');

    await page.getByRole('button', { name: 'បង្កើតថ្ងៃផុតកំណត់' }).click();
    await page
      .getByRole('alert')
      .getByText(/ថ្ងៃផុតកំណត់មិនទាន់បានរក្សាទុកទេ/)
      .waitFor();
    expect(await fieldNote(page.locator('#df-title'))).toEqual({
      invalid: 'true',
      note: 'សូមដាក់ចំណងជើងឱ្យថ្ងៃផុតកំណត់។',
      focused: true,
    });
    expect((await latinWordsOutsideData(page)).filter((word) => word !== 'CJN')).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'deadline-new-errors-km-phone');
    await page.context().close();
  });
});
