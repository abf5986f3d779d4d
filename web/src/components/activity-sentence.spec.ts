import { beforeAll, describe, expect, it } from '@jest/globals';
import i18next, { type i18n as I18n } from 'i18next';
import { readdirSync, readFileSync } from 'node:fs';
import { ACTIVITY_ACTIONS } from '../../../shared/activity-actions.js';
import { formatter } from '../i18n/formatter.js';
import { type ActivityRow, activitySentence, activitySentenceParts } from './activity-sentence.js';

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

const READER_ZONE = 'Asia/Phnom_Penh';
const row = (action: string, params: ActivityRow['params'], more: Partial<ActivityRow> = {}): ActivityRow => ({
  action,
  params,
  actorId: 'actor',
  subjectId: 'subject',
  summary: 'THE STORED SUMMARY',
  ...more,
});

describe('activity written in the reader’s language from its action and params', () => {
  const languages = {} as Record<'en' | 'km', I18n>;
  beforeAll(async () => {
    languages.en = await load('en');
    languages.km = await load('km');
  });
  const say = (language: 'en' | 'km', r: ActivityRow) =>
    activitySentence(r, languages[language], formatter(language), READER_ZONE);

  const everything = {
    title: 'T',
    name: 'N',
    email: 'n@example.org',
    role: 'member',
    organization: 'O',
    opportunity: 'Op',
    submission: 'S',
    section: 'Sec',
    fields: ['title'],
    from: 'screening',
    to: 'preparing',
    stage: 'identified',
    status: 'done',
    kind: 'external',
    count: 2,
    version: 3,
    dueAt: '2027-02-15T10:00:00.000Z',
    timeZone: 'Europe/Zurich',
    fileName: 'cv.pdf',
    actor: 'A',
    targetBody: 'UN CRC Committee',
    reason: 'R',
  };

  it.each(['en', 'km'] as const)('has a sentence in %s for every action the server records', (language) => {
    const unwritten = ACTIVITY_ACTIONS.filter((action) => {
      const sentence = say(language, row(action, everything));
      return sentence === 'THE STORED SUMMARY' || sentence.includes('{{') || sentence.includes('activity.');
    });
    expect(unwritten).toEqual([]);
  });

  it('has a name as people say it, in both languages, for every field a record’s create or update accepts', () => {
    const fields = new Set<string>();
    for (const area of readdirSync('src', { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const folder = `src/${area.name}/dto`;
      if (!readdirSync(`src/${area.name}`).includes('dto')) continue;
      for (const file of readdirSync(folder)) {
        const classes = readFileSync(`${folder}/${file}`, 'utf8')
          .split(/^export class /m)
          .slice(1);
        for (const body of classes.filter((c) => /^(Create|Update)(?!ApiToken|Comment|Endorsement)/.test(c)))
          for (const [, field] of body.matchAll(/^ {2}(\w+)[?!]?:/gm)) fields.add(field);
      }
    }
    // These say which record or how to check the request; a change is never recorded under them.
    const notChanges = [
      'items',
      'subjectType',
      'subjectId',
      'skipNullProperties',
      'version',
      'documentId',
      'currentPassword',
      'newPassword',
    ];
    for (const field of notChanges) fields.delete(field);
    expect(fields.size).toBeGreaterThan(40);
    for (const language of ['en', 'km'] as const)
      expect([...fields].filter((field) => !languages[language].exists(`activity.field.${field}`))).toEqual([]);
  });

  it('counts mentions by each language’s plural rules: one and other in English, one form in Khmer', () => {
    const comment = (count: number) => row('comment.created', { section: 'Findings', count });
    expect(say('en', comment(1))).toBe('Commented on the section “Findings”, mentioning 1 person');
    expect(say('en', comment(3))).toBe('Commented on the section “Findings”, mentioning 3 people');
    expect(say('en', comment(0))).toBe('Commented on the section “Findings”');
    expect(say('km', comment(1))).toBe('បានផ្ដល់មតិយោបល់លើផ្នែក «Findings» ដោយលើកឈ្មោះមនុស្ស 1 នាក់');
    expect(say('km', comment(3))).toBe('បានផ្ដល់មតិយោបល់លើផ្នែក «Findings» ដោយលើកឈ្មោះមនុស្ស 3 នាក់');
  });

  it('names an assessment’s status in the reader’s language, not as the code spells it', () => {
    const assessed = row('recommendation.assessed', { title: '48(b)', status: 'in_progress', count: 1 });
    expect(say('en', assessed)).toContain('In progress');
    expect(say('km', assessed)).toBe('បានវាយតម្លៃអនុសាសន៍ 48(b)៖ កំពុងអនុវត្ត');
  });

  it('names changed fields as a person says them, never as the code does', () => {
    const own = row(
      'user.updated',
      { name: 'Network Administrator', fields: ['language', 'notificationPreferences'] },
      { actorId: 'u1', subjectId: 'u1' },
    );
    expect(say('en', own)).toBe('Network Administrator updated their language and notification preferences');
    expect(say('km', own)).toBe('Network Administrator បានកែប្រែភាសា និង\u200bចំណូលចិត្តនៃការជូនដំណឹងរបស់ខ្លួន');
    const byAdmin = row('user.updated', { name: 'Dara', fields: ['role'] }, { actorId: 'admin', subjectId: 'u2' });
    expect(say('en', byAdmin)).toBe('Updated the role of Dara');
  });

  it('shows a deadline’s time in the reader’s zone and calendar, not as an ISO string', () => {
    const closing = row('deadline.created', {
      closingDate: true,
      title: 'UNICEF call',
      opportunity: 'UNICEF call',
      dueAt: '2027-02-15T10:00:00.000Z',
      timeZone: 'Europe/Zurich',
    });
    const en = say('en', closing);
    expect(en).toBe(
      `Set the closing date of “UNICEF call” to ${formatter('en').dateTime(closing.params!.dueAt as string, READER_ZONE)}`,
    );
    expect(en).toContain('17:00');
    expect(en).not.toContain('2027-02-15T');
    const km = say('km', closing);
    expect(km).toContain('កុម្ភៈ');
    expect(km).toContain('17:00');
    const dateOnly = row('deadline.moved', {
      title: 'Budget',
      dueAt: '2027-03-31T16:59:59.999Z',
      dueDate: '2027-03-31',
    });
    expect(say('en', dateOnly)).toBe('Moved the deadline “Budget” to Mar 31, 2027');
  });

  it('names stages and statuses in the reader’s language and keeps titles as written', () => {
    const moved = row('opportunity.transitioned', {
      title: 'EU call “Children first”',
      from: 'screening',
      to: 'preparing',
    });
    expect(say('en', moved)).toBe('Moved “EU call “Children first”” from Screening to Preparing');
    expect(say('km', moved)).toBe('បានផ្លាស់ «EU call “Children first”» ពីកំពុងពិនិត្យ ទៅកំពុងរៀបចំ');
    const section = row('section.updated', {
      version: 4,
      title: 'Findings',
      submission: 'CRC report',
      fields: ['body'],
    });
    expect(say('km', section)).toBe('បានរក្សាទុកកំណែទី 4 នៃផ្នែក «Findings» របស់ «CRC report»');
  });

  it('marks titles and names as data, so they are shown as written and never translated', () => {
    const moved = row('submission.transitioned', { title: 'CRC alternative report', from: 'drafting', to: 'review' });
    expect(activitySentenceParts(moved, languages.km, formatter('km'), READER_ZONE)).toEqual([
      { text: 'បានផ្លាស់ «', data: false },
      { text: 'CRC alternative report', data: true },
      { text: '» ពីកំពុងព្រាង ទៅកំពុងពិនិត្យ', data: false },
    ]);
    expect(activitySentenceParts(row('deadline.missed', null), languages.km, formatter('km'), READER_ZONE)).toEqual([
      { text: 'THE STORED SUMMARY', data: true },
    ]);
  });

  it('shows the stored English summary for a row without params or an action it has no sentence for', () => {
    expect(say('km', row('opportunity.created', null))).toBe('THE STORED SUMMARY');
    expect(say('km', row('report.exported', { title: 'x' }))).toBe('THE STORED SUMMARY');
  });
});
