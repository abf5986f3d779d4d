import { describe, expect, it } from '@jest/globals';
import { resolveDueAt } from '../deadlines/reminder-times.js';
import { type ReminderContent, renderEmail, renderInApp, renderTelegram } from './reminder-message.js';

const content = (over: Partial<ReminderContent> = {}): ReminderContent => ({
  kind: 'before',
  deadlineId: 'd1',
  deadlineTitle: 'Full proposal <final>',
  deadlineKind: 'external',
  dueAt: resolveDueAt({ dueAt: '2026-03-01T17:00', timeZone: 'Europe/Geneva' }),
  deadlineZone: 'Europe/Zurich',
  readerZone: 'America/New_York',
  now: new Date('2026-02-27T16:00:00Z'),
  subjectType: 'opportunity',
  subjectLabel: 'Opportunity',
  subjectTitle: 'EU child justice call',
  recordUrl: 'https://cjn.example/opportunities/1',
  ackUrl: 'https://cjn.example/api/v1/links/a',
  unsubscribeUrl: 'https://cjn.example/api/v1/unsubscribe/u',
  ...over,
});

describe('reminder messages', () => {
  it('e-mail names the deadline in three zones and links to the record, escaped in HTML', () => {
    const mail = renderEmail(content());
    expect(mail.subject).toBe('[CJN] Due in 2 days: Full proposal <final>');
    expect(mail.text).toContain('Deadline time: Sun 1 Mar 2026, 17:00 CET (Europe/Zurich)');
    expect(mail.text).toContain('Your time: Sun 1 Mar 2026, 11:00 GMT-5 (America/New_York)');
    expect(mail.text).toContain('Phnom Penh: Sun 1 Mar 2026, 23:00 GMT+7 (Asia/Phnom_Penh)');
    expect(mail.text).toContain('https://cjn.example/opportunities/1');
    expect(mail.html).toContain('Full proposal &#60;final&#62;');
    expect(mail.html).toContain('href="https://cjn.example/api/v1/unsubscribe/u"');
  });

  it('an overdue reminder says so', () => {
    expect(renderInApp(content({ kind: 'overdue', now: new Date('2026-03-02T00:00:00Z') })).title).toBe(
      'Overdue: Full proposal <final>',
    );
  });

  it('Telegram text is escaped for parse_mode HTML', () => {
    const text = renderTelegram(content());
    expect(text).toContain('<b>Due in 2 days: Full proposal &lt;final&gt;</b>');
    expect(text).toContain('<a href="https://cjn.example/opportunities/1">');
  });
});
