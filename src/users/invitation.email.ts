import { t } from '../i18n/translate.js';
import { escapeHtml } from '../mail/mail.service.js';

/** The invitation in the invited user's language. */
export function invitationEmail(name: string, url: string, language = 'en') {
  const subject = t(language, 'invitation.subject');
  const text = [
    t(language, 'invitation.greeting', { name }),
    '',
    t(language, 'invitation.about'),
    '',
    t(language, 'invitation.linkText', { url }),
  ].join('\n');
  const e = escapeHtml;
  const html = `<!doctype html><html lang="${language === 'km' ? 'km' : 'en'}"><body>
<p>${e(t(language, 'invitation.greeting', { name }))}</p>
<p>${e(t(language, 'invitation.about'))}</p>
<p><a href="${e(url)}">${e(t(language, 'invitation.link'))}</a> ${e(t(language, 'invitation.linkValidity'))}</p>
</body></html>`;
  return { subject, text, html };
}
