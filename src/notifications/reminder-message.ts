import { relativeIn, t, timesIn, tOr } from '../i18n/translate.js';
import { escapeHtml } from '../mail/mail.service.js';
import type { NoticeParams } from '../../shared/notice-kinds.js';

/** Everything a reminder says, before a channel formats it. Built per recipient (their zone, their links). */
export interface ReminderContent {
  kind: 'before' | 'overdue';
  /** The reader's language (`en` or `km`); group chats get English. */
  language?: string;
  deadlineId: string;
  deadlineTitle: string;
  deadlineKind: 'external' | 'internal';
  dueAt: Date;
  /** The day, for a deadline set as a date (the end of that day in `deadlineZone`). */
  dueDate?: string | null;
  deadlineZone: string;
  /** The reminder's ISO 8601 offset before `dueAt` (none when overdue). */
  offset?: string | null;
  readerZone: string;
  now: Date;
  subjectType: string;
  subjectLabel: string;
  subjectTitle: string;
  /** Link to the record in the web app. */
  recordUrl: string;
  /** Signed link: acknowledge without signing in (absent for group chats). */
  ackUrl?: string;
  /** Signed link: mark done without signing in (checklist items and deadlines). */
  doneUrl?: string;
  /** One-click unsubscribe from reminder e-mails. */
  unsubscribeUrl?: string;
}

/** "in 2 days", "in 5 hours", "2 days ago" (or their Khmer). */
export function relative(dueAt: Date, now: Date, language = 'en'): string {
  return relativeIn(language, dueAt, now);
}

export function headline(c: ReminderContent): string {
  return c.kind === 'overdue'
    ? t(c.language, 'reminder.overdue', { title: c.deadlineTitle })
    : t(c.language, 'reminder.due', { when: relative(c.dueAt, c.now, c.language), title: c.deadlineTitle });
}

function zoneLines(c: ReminderContent): { label: string; text: string }[] {
  return timesIn(c.language, c.dueAt, c.deadlineZone, c.readerZone).map((row) => ({
    label: t(c.language, `zone.${row.label}`),
    text: row.text,
  }));
}

const subjectLabel = (c: ReminderContent) => tOr(c.language, `subject.${c.subjectType}`, c.subjectLabel);
const deadlineLine = (c: ReminderContent) =>
  t(c.language, 'reminder.deadline', { kind: t(c.language, `deadlineKind.${c.deadlineKind}`), title: c.deadlineTitle });

export function renderEmail(c: ReminderContent): { subject: string; text: string; html: string } {
  const subject = `[CJN] ${headline(c)}`;
  const zones = zoneLines(c);
  const text = [
    headline(c),
    '',
    `${subjectLabel(c)}: ${c.subjectTitle}`,
    deadlineLine(c),
    ...zones.map((z) => `${z.label}: ${z.text}`),
    '',
    t(c.language, 'reminder.openText', { url: c.recordUrl }),
    ...(c.doneUrl ? [t(c.language, 'reminder.markDoneText', { url: c.doneUrl })] : []),
    ...(c.ackUrl ? [t(c.language, 'reminder.ackText', { url: c.ackUrl })] : []),
    '',
    c.unsubscribeUrl ? t(c.language, 'reminder.unsubscribeText', { url: c.unsubscribeUrl }) : '',
  ].join('\n');
  const e = escapeHtml;
  const html = `<!doctype html><html lang="${e(c.language === 'km' ? 'km' : 'en')}"><body style="font-family:sans-serif">
<h2 style="margin:0 0 8px">${e(headline(c))}</h2>
<p>${e(subjectLabel(c))}: <a href="${e(c.recordUrl)}">${e(c.subjectTitle)}</a><br>${e(deadlineLine(c))}</p>
<table cellpadding="4">${zones.map((z) => `<tr><td>${e(z.label)}</td><td>${e(z.text)}</td></tr>`).join('')}</table>
<p>${actionLinks(c, e)}</p>
${c.unsubscribeUrl ? `<p style="color:#666;font-size:12px"><a href="${e(c.unsubscribeUrl)}">${e(t(c.language, 'reminder.unsubscribe'))}</a></p>` : ''}
</body></html>`;
  return { subject, text, html };
}

/** Telegram HTML (parse_mode HTML): short, with the three times and the link. */
export function renderTelegram(c: ReminderContent): string {
  const e = escapeTelegram;
  return [
    `<b>${e(headline(c))}</b>`,
    `${e(subjectLabel(c))}: ${e(c.subjectTitle)}`,
    ...zoneLines(c).map((z) => `${e(z.label)}: ${e(z.text)}`),
    actionLinks({ ...c, ackUrl: undefined }, e),
  ].join('\n');
}

/** "Open · Mark done · Acknowledge", each only when the reader was given its link. */
function actionLinks(c: ReminderContent, e: (text: string) => string): string {
  const link = (url: string, key: 'reminder.open' | 'reminder.markDone' | 'reminder.acknowledge') =>
    `<a href="${e(url)}">${e(t(c.language, key))}</a>`;
  return [
    link(c.recordUrl, 'reminder.open'),
    ...(c.doneUrl ? [link(c.doneUrl, 'reminder.markDone')] : []),
    ...(c.ackUrl ? [link(c.ackUrl, 'reminder.acknowledge')] : []),
  ].join(' · ');
}

export function renderInApp(c: ReminderContent): { title: string; body: string } {
  return {
    title: headline(c),
    body: `${subjectLabel(c)}: ${c.subjectTitle}\n${zoneLines(c)
      .map((z) => `${z.label}: ${z.text}`)
      .join('\n')}`,
  };
}

/** What the web app writes a reminder's notice from, in its reader's language and zone. */
export function reminderNoticeParams(c: ReminderContent): NoticeParams {
  return {
    deadlineId: c.deadlineId,
    deadline: c.deadlineTitle,
    deadlineKind: c.deadlineKind,
    dueAt: c.dueAt.toISOString(),
    dueDate: c.dueDate ?? null,
    timeZone: c.deadlineZone,
    ...(c.kind === 'before' ? { offset: c.offset ?? null } : {}),
    subjectType: c.subjectType,
    subject: c.subjectTitle,
  };
}

/** Telegram's HTML mode knows only &lt; &gt; &amp; &quot;. */
export function escapeTelegram(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
