import { escapeHtml } from '../mail/mail.service.js';
import { t, timesIn } from '../i18n/translate.js';

export interface DigestEntry {
  title: string;
  subjectTitle: string;
  dueAt: Date;
  timeZone: string;
  url: string;
}

/** The deadline's own time, the reader's and Phnom Penh's on one line, without repeats, in the language. */
function timesLine(language: string, e: DigestEntry, readerZone: string): string {
  return [...new Set(timesIn(language, e.dueAt, e.timeZone, readerZone).map((row) => row.text))].join(' · ');
}

export function renderDigest(
  frequency: 'daily' | 'weekly',
  readerZone: string,
  overdue: DigestEntry[],
  upcoming: DigestEntry[],
  links: { app: string; unsubscribe: string },
  language = 'en',
): { subject: string; text: string; html: string } {
  const headline =
    t(language, `digest.subject.${frequency}`, { upcoming: String(upcoming.length) }) +
    (overdue.length ? t(language, 'digest.subjectOverdue', { overdue: String(overdue.length) }) : '');
  const line = (e: DigestEntry) =>
    `- ${e.title} (${e.subjectTitle}): ${timesLine(language, e, readerZone)}\n  ${e.url}`;
  const text = [
    headline,
    '',
    ...(overdue.length ? [`${t(language, 'digest.overdue')}:`, ...overdue.map(line), ''] : []),
    `${t(language, 'digest.next')}:`,
    ...(upcoming.length ? upcoming.map(line) : [`- ${t(language, 'digest.nothing')}`]),
    '',
    `${t(language, 'digest.all')}: ${links.app}`,
    `${t(language, 'digest.stop')}: ${links.unsubscribe}`,
  ].join('\n');
  const e = escapeHtml;
  const item = (x: DigestEntry) =>
    `<li><a href="${e(x.url)}">${e(x.title)}</a> (${e(x.subjectTitle)})<br><small>${e(timesLine(language, x, readerZone))}</small></li>`;
  const html = `<!doctype html><html lang="${language === 'km' ? 'km' : 'en'}"><body style="font-family:sans-serif">
${overdue.length ? `<h3>${e(t(language, 'digest.overdue'))}</h3><ul>${overdue.map(item).join('')}</ul>` : ''}
<h3>${e(t(language, 'digest.next'))}</h3><ul>${upcoming.length ? upcoming.map(item).join('') : `<li>${e(t(language, 'digest.nothing'))}</li>`}</ul>
<p><a href="${e(links.app)}">${e(t(language, 'digest.all'))}</a></p>
<p style="color:#666;font-size:12px"><a href="${e(links.unsubscribe)}">${e(t(language, 'digest.stop'))}</a></p>
</body></html>`;
  return { subject: `[CJN] ${headline}`, text, html };
}
