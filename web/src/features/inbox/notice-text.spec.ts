import { beforeAll, describe, expect, it } from '@jest/globals';
import i18next, { type i18n as I18n } from 'i18next';
import { readdirSync, readFileSync } from 'node:fs';
import { NOTICE_KINDS } from '../../../../shared/notice-kinds.js';
import { formatter } from '../../i18n/formatter.js';
import { type NoticeRow, noticeText, plain } from './notice-text.js';

/** One language's catalogue as the app loads it: `<area>.json` read as `<area>.<key>`. */
function catalogue(language: string) {
  const folder = `web/src/i18n/${language}`;
  return Object.fromEntries(
    readdirSync(folder)
      .filter((file) => file.endsWith('.json'))
      .map((file) => [file.slice(0, -'.json'.length), JSON.parse(readFileSync(`${folder}/${file}`, 'utf8'))]),
  );
}

/** No fallback to English: a Khmer sentence missing shows as missing. */
async function load(language: 'en' | 'km'): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { [language]: { translation: catalogue(language) } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}

const PHNOM_PENH = 'Asia/Phnom_Penh';
/** Rows as the server writes them (stored text in the language of the time: here English). */
const reminder: NoticeRow = {
  kind: 'deadline.reminder',
  title: 'Due in 7 days: Concept note',
  body: 'Opportunity: EU child justice call\nDeadline time: Fri 22 Feb 2030, 17:00 GMT+1 (Europe/Zurich)',
  createdAt: '2030-02-15T16:00:00.000Z',
  params: {
    deadlineId: 'd1',
    deadline: 'Concept note',
    deadlineKind: 'external',
    dueAt: '2030-02-22T16:00:00.000Z',
    dueDate: null,
    timeZone: 'Europe/Zurich',
    offset: 'P7D',
    subjectType: 'opportunity',
    subject: 'EU child justice call',
  },
};
const overdueByDate: NoticeRow = {
  kind: 'deadline.overdue',
  title: 'Overdue: Registration papers',
  body: '',
  createdAt: '2030-03-02T00:00:00.000Z',
  params: {
    ...reminder.params,
    deadline: 'Registration papers',
    dueAt: '2030-03-01T16:59:59.000Z',
    dueDate: '2030-03-01',
    timeZone: PHNOM_PENH,
    offset: undefined,
  },
};
const mention: NoticeRow = {
  kind: 'mention',
  title: 'Sokha mentioned you in "Findings"',
  body: 'Please check the figures',
  createdAt: '2030-02-15T16:00:00.000Z',
  params: { actorId: 'u1', actor: 'Sokha', submissionId: 's1', sectionId: 'x1', section: 'Findings', commentId: 'c1' },
};
const invited: NoticeRow = {
  kind: 'partner.invited',
  title: 'LAC is invited to "UNICEF grant"',
  body: 'Your organisation was added as co-applicant to the consortium. Please confirm or decline participation.',
  createdAt: '2030-02-15T16:00:00.000Z',
  params: {
    partnerId: 'p1',
    organization: 'LAC',
    opportunityId: 'o1',
    opportunity: 'UNICEF grant',
    role: 'co_applicant',
  },
};

describe('notices written in the reader’s language from their kind and params', () => {
  let en: I18n;
  let km: I18n;
  beforeAll(async () => {
    [en, km] = await Promise.all([load('en'), load('km')]);
  });
  const write = (i18n: I18n, row: NoticeRow, zone = PHNOM_PENH) => {
    const text = noticeText(row, i18n, formatter(i18n.language), zone);
    return { title: plain(text.title), body: text.body.map(plain), parts: text };
  };

  it('has a title for every kind the server writes, in both catalogues', () => {
    for (const i18n of [en, km])
      for (const kind of NOTICE_KINDS)
        expect([i18n.language, kind, i18n.exists(`notices.kind.${kind}`)]).toEqual([i18n.language, kind, true]);
  });

  it('writes a reminder with its offset as a relative phrase and its time once, in the reader’s zone', () => {
    const { title, body, parts } = write(en, reminder);
    expect(title).toBe('Due in 7 days: Concept note');
    expect(body[0]).toBe('Grant: EU child justice call');
    expect(body[1]).toBe('Due Fri, Feb 22, 2030, 23:00 (Fri, Feb 22, 2030, 17:00 in Zurich)');
    expect(body[1]).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(parts.title.filter((p) => p.data).map((p) => p.text)).toEqual(['Concept note']);
    expect(write(en, { ...reminder, params: { ...reminder.params, offset: 'P1D' } }).title).toBe(
      'Due in 1 day: Concept note',
    );
    expect(write(en, { ...reminder, params: { ...reminder.params, offset: 'PT2H' } }).title).toBe(
      'Due in 2 hours: Concept note',
    );
    // A reader in the deadline's own zone reads one time.
    expect(write(en, reminder, 'Europe/Zurich').body[1]).toBe('Due Fri, Feb 22, 2030, 17:00');
  });

  it('writes the same reminder in Khmer, keeping the titles as written', () => {
    const { title, body, parts } = write(km, reminder);
    expect(title).toMatch(/^ដល់កាលកំណត់ ក្នុងរយៈពេល 7 ថ្ងៃទៀត៖ Concept note$/);
    expect(body[0]).toBe('ជំនួយ៖ EU child justice call');
    expect(body[1]).toMatch(/^ដល់កាលកំណត់ .+ នៅ ហ្ស៊ូរិក\)$/);
    expect(body[1]).not.toMatch(/\b(Fri|Feb)\b/);
    expect(parts.body[0].filter((p) => p.data).map((p) => p.text)).toEqual(['EU child justice call']);
  });

  it('writes a date-only overdue deadline by its day', () => {
    expect(write(en, overdueByDate)).toMatchObject({
      title: 'Overdue: Registration papers',
      body: ['Grant: EU child justice call', 'Due by the end of Mar 1, 2030'],
    });
    expect(write(km, overdueByDate).title).toBe('ហួសកាលកំណត់៖ Registration papers');
  });

  it('writes a mention and an invitation in both languages, names and titles as data', () => {
    expect(write(en, mention)).toMatchObject({
      title: 'Sokha mentioned you in “Findings”',
      body: ['Please check the figures'],
    });
    expect(write(km, mention).title).toBe('Sokha បានលើកឡើងពីអ្នកនៅក្នុង «Findings»');
    expect(write(en, invited)).toMatchObject({
      title: 'LAC is invited to “UNICEF grant”',
      body: ['Your organisation was added as co-applicant to the consortium. Please confirm or decline participation.'],
    });
    const khmer = write(km, invited);
    expect(khmer.title).toBe('LAC ត្រូវបានអញ្ជើញចូលរួមក្នុង «UNICEF grant»');
    expect(khmer.body[0]).toContain('សហអ្នកដាក់ពាក្យ');
    expect(khmer.parts.title.filter((p) => p.data).map((p) => p.text)).toEqual(['LAC', 'UNICEF grant']);
  });

  it('shows the stored text, as data, for a row without params or of a kind it does not know', () => {
    expect(write(km, { ...reminder, params: null })).toMatchObject({
      title: 'Due in 7 days: Concept note',
      body: ['Opportunity: EU child justice call', expect.stringContaining('Europe/Zurich')],
    });
    const other = write(km, { ...mention, kind: 'reminder' });
    expect(other.title).toBe(mention.title);
    expect(other.parts.title.every((p) => p.data)).toBe(true);
  });
});
