import { DateTime } from 'luxon';
import { displayTimes } from '../deadlines/reminder-times.js';
import { escapeHtml } from '../mail/mail.service.js';

/** Everything a reminder says, before a channel formats it. Built per recipient (their zone, their links). */
export interface ReminderContent {
  kind: 'before' | 'overdue';
  deadlineId: string;
  deadlineTitle: string;
  deadlineKind: 'external' | 'internal';
  dueAt: Date;
  deadlineZone: string;
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

/** "in 2 days", "in 5 hours", "2 days ago". */
export function relative(dueAt: Date, now: Date): string {
  const rel = DateTime.fromJSDate(dueAt).toRelative({ base: DateTime.fromJSDate(now), locale: 'en' });
  return rel ?? '';
}

export function headline(c: ReminderContent): string {
  return c.kind === 'overdue' ? `Overdue: ${c.deadlineTitle}` : `Due ${relative(c.dueAt, c.now)}: ${c.deadlineTitle}`;
}

function zoneLines(c: ReminderContent): { label: string; text: string }[] {
  const names = { deadline: 'Deadline time', you: 'Your time', phnomPenh: 'Phnom Penh' } as const;
  return displayTimes(c.dueAt, c.deadlineZone, c.readerZone).map((row) => ({
    label: names[row.label],
    text: row.text,
  }));
}

export function renderEmail(c: ReminderContent): { subject: string; text: string; html: string } {
  const subject = `[CJN] ${headline(c)}`;
  const zones = zoneLines(c);
  const text = [
    headline(c),
    '',
    `${c.subjectLabel}: ${c.subjectTitle}`,
    `Deadline (${c.deadlineKind}): ${c.deadlineTitle}`,
    ...zones.map((z) => `${z.label}: ${z.text}`),
    '',
    `Open it: ${c.recordUrl}`,
    ...(c.doneUrl ? [`Mark it done (no sign-in needed): ${c.doneUrl}`] : []),
    ...(c.ackUrl ? [`Acknowledge (no sign-in needed): ${c.ackUrl}`] : []),
    '',
    c.unsubscribeUrl ? `Stop reminder e-mails: ${c.unsubscribeUrl}` : '',
  ].join('\n');
  const e = escapeHtml;
  const html = `<!doctype html><html><body style="font-family:sans-serif">
<h2 style="margin:0 0 8px">${e(headline(c))}</h2>
<p>${e(c.subjectLabel)}: <a href="${e(c.recordUrl)}">${e(c.subjectTitle)}</a><br>Deadline (${e(c.deadlineKind)}): <strong>${e(c.deadlineTitle)}</strong></p>
<table cellpadding="4">${zones.map((z) => `<tr><td>${e(z.label)}</td><td>${e(z.text)}</td></tr>`).join('')}</table>
<p><a href="${e(c.recordUrl)}">Open in CJN Tracker</a>${c.doneUrl ? ` · <a href="${e(c.doneUrl)}">Mark done</a>` : ''}${c.ackUrl ? ` · <a href="${e(c.ackUrl)}">Acknowledge</a>` : ''}</p>
${c.unsubscribeUrl ? `<p style="color:#666;font-size:12px"><a href="${e(c.unsubscribeUrl)}">Stop reminder e-mails</a></p>` : ''}
</body></html>`;
  return { subject, text, html };
}

/** Telegram HTML (parse_mode HTML): short, with the three times and the link. */
export function renderTelegram(c: ReminderContent): string {
  const e = escapeTelegram;
  return [
    `<b>${e(headline(c))}</b>`,
    `${e(c.subjectLabel)}: ${e(c.subjectTitle)}`,
    ...zoneLines(c).map((z) => `${e(z.label)}: ${e(z.text)}`),
    `<a href="${e(c.recordUrl)}">Open in CJN Tracker</a>${c.doneUrl ? ` · <a href="${e(c.doneUrl)}">Mark done</a>` : ''}`,
  ].join('\n');
}

export function renderInApp(c: ReminderContent): { title: string; body: string } {
  return {
    title: headline(c),
    body: `${c.subjectLabel}: ${c.subjectTitle}\n${zoneLines(c)
      .map((z) => `${z.label}: ${z.text}`)
      .join('\n')}`,
  };
}

/** Telegram's HTML mode knows only &lt; &gt; &amp; &quot;. */
export function escapeTelegram(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
