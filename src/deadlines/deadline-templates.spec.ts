import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { DEADLINE_TEMPLATES, findTemplate, planTemplate, stepTitles, templateIn } from './deadline-templates.js';
import { parseOffset, resolveDueAt } from './reminder-times.js';

describe('deadline templates', () => {
  it('ships grant application, CRC alternative report, General Comment consultation and follow-up of recommendations', () => {
    expect(DEADLINE_TEMPLATES.map((t) => t.id)).toEqual([
      'grant-application',
      'crc-alternative-report',
      'general-comment-consultation',
      'recommendations-follow-up',
    ]);
    for (const t of DEADLINE_TEMPLATES) for (const s of t.steps) expect(parseOffset(s.before)).not.toBeNull();
  });

  it('counts a grant application back from the funder deadline at the same Geneva wall time, across DST', () => {
    const dueAt = resolveDueAt({ dueAt: '2026-04-10T17:00', timeZone: 'Europe/Geneva' });
    const steps = planTemplate(findTemplate('grant-application')!, { dueAt, dueDate: null, timeZone: 'Europe/Geneva' });
    const show = (d: Date) => DateTime.fromJSDate(d, { zone: 'Europe/Zurich' }).toFormat('yyyy-MM-dd HH:mm');
    expect(steps.map((s) => [s.title.split(' ')[0], show(s.dueAt)])).toEqual([
      ['Partner', '2026-03-20 17:00'], // −21 d, before the 29 March change (CET)
      ['Partner', '2026-03-24 17:00'],
      ['Internal', '2026-03-27 17:00'],
      ['Budget', '2026-03-31 17:00'], // after the change (CEST)
      ['Sign-off', '2026-04-05 17:00'],
      ['Final', '2026-04-09 17:00'],
    ]);
    expect(steps.every((s) => s.kind === 'internal' && s.dueDate === null && s.timeZone === 'Europe/Zurich')).toBe(
      true,
    );
  });

  it('counts a CRC alternative report back from the pre-sessional working group date (date-only)', () => {
    const anchor = { dueDate: '2027-02-01', timeZone: 'Europe/Geneva' };
    const steps = planTemplate(findTemplate('crc-alternative-report')!, { ...anchor, dueAt: resolveDueAt(anchor) });
    const submit = steps.find((s) => s.kind === 'external')!;
    expect(submit.title).toMatch(/submitted to the CRC Committee/);
    expect(submit.dueDate).toBe('2026-11-03'); // 90 days before
    expect(submit.dueAt.toISOString()).toBe('2026-11-03T22:59:59.000Z'); // end of that day in Geneva (CET)
    expect(steps[0].dueDate).toBe('2026-08-05'); // consultations, 180 days before
  });

  it('General Comment consultation ends with sign-off three days before the comment deadline', () => {
    const anchor = { dueDate: '2026-06-30', timeZone: 'Europe/Geneva' };
    const steps = planTemplate(findTemplate('general-comment-consultation')!, {
      ...anchor,
      dueAt: resolveDueAt(anchor),
    });
    expect(steps.map((s) => s.dueDate)).toEqual(['2026-06-02', '2026-06-09', '2026-06-16', '2026-06-23', '2026-06-27']);
  });
});

describe("deadline templates in the reader's language", () => {
  it('every template has its name, anchor, description and each step in Khmer, in Khmer script', () => {
    for (const template of DEADLINE_TEMPLATES) {
      const km = templateIn('km', template);
      const texts = [km.name, km.anchor, km.description, ...km.steps.map((s) => s.title)];
      expect(texts.filter((text) => !/[\u1780-\u17FF]/.test(text))).toEqual([]);
      expect(km.steps.map((s) => [s.before, s.kind])).toEqual(template.steps.map((s) => [s.before, s.kind]));
    }
  });

  it('keeps English for English readers and for languages it has no words in', () => {
    const template = findTemplate('grant-application')!;
    expect(templateIn('en', template)).toBe(template);
    expect(templateIn('fr', template)).toBe(template);
  });

  it('knows a step by its title in either language', () => {
    const template = findTemplate('grant-application')!;
    expect(stepTitles(template, 5)).toEqual([
      'Final check and upload to the funder portal',
      templateIn('km', template).steps[5].title,
    ]);
  });
});
