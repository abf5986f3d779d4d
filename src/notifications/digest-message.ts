import { displayLine } from '../deadlines/reminder-times.js';
import { escapeHtml } from '../mail/mail.service.js';

export interface DigestEntry {
  title: string;
  subjectTitle: string;
  dueAt: Date;
  timeZone: string;
  url: string;
}

export function renderDigest(
  frequency: 'daily' | 'weekly',
  readerZone: string,
  overdue: DigestEntry[],
  upcoming: DigestEntry[],
  links: { app: string; unsubscribe: string },
): { subject: string; text: string; html: string } {
  const subject = `[CJN] Your ${frequency} deadlines: ${upcoming.length} in the next 14 days${overdue.length ? `, ${overdue.length} overdue` : ''}`;
  const line = (e: DigestEntry) =>
    `- ${e.title} (${e.subjectTitle}): ${displayLine(e.dueAt, e.timeZone, readerZone)}\n  ${e.url}`;
  const text = [
    subject.replace('[CJN] ', ''),
    '',
    ...(overdue.length ? ['Overdue:', ...overdue.map(line), ''] : []),
    'Next 14 days:',
    ...(upcoming.length ? upcoming.map(line) : ['- nothing due']),
    '',
    `All deadlines: ${links.app}`,
    `Stop these e-mails: ${links.unsubscribe}`,
  ].join('\n');
  const e = escapeHtml;
  const item = (x: DigestEntry) =>
    `<li><a href="${e(x.url)}">${e(x.title)}</a> (${e(x.subjectTitle)})<br><small>${e(displayLine(x.dueAt, x.timeZone, readerZone))}</small></li>`;
  const html = `<!doctype html><html><body style="font-family:sans-serif">
${overdue.length ? `<h3>Overdue</h3><ul>${overdue.map(item).join('')}</ul>` : ''}
<h3>Next 14 days</h3><ul>${upcoming.length ? upcoming.map(item).join('') : '<li>Nothing due</li>'}</ul>
<p><a href="${e(links.app)}">All deadlines</a></p>
<p style="color:#666;font-size:12px"><a href="${e(links.unsubscribe)}">Stop these e-mails</a></p>
</body></html>`;
  return { subject, text, html };
}
