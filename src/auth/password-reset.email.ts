import { t } from '../i18n/translate.js';
import { escapeHtml } from '../mail/mail.service.js';

/** The password-reset e-mail in the account's language. */
export function passwordResetEmail(name: string, url: string, language = 'en') {
  const subject = t(language, 'passwordReset.subject');
  const text = [
    t(language, 'passwordReset.greeting', { name }),
    '',
    t(language, 'passwordReset.about'),
    '',
    t(language, 'passwordReset.linkText', { url }),
    '',
    t(language, 'passwordReset.notYou'),
  ].join('\n');
  const e = escapeHtml;
  const html = `<!doctype html><html lang="${language === 'km' ? 'km' : 'en'}"><body>
<p>${e(t(language, 'passwordReset.greeting', { name }))}</p>
<p>${e(t(language, 'passwordReset.about'))}</p>
<p><a href="${e(url)}">${e(t(language, 'passwordReset.link'))}</a> ${e(t(language, 'passwordReset.linkValidity'))}</p>
<p>${e(t(language, 'passwordReset.notYou'))}</p>
</body></html>`;
  return { subject, text, html };
}
