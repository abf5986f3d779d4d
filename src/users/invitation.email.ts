import { escapeHtml } from '../mail/mail.service.js';

export function invitationEmail(name: string, url: string) {
  const subject = 'You are invited to CJN Tracker';
  const text = [
    `Hello ${name},`,
    '',
    'You have been invited to CJN Tracker, where the Child Justice Network follows its grant',
    'applications, joint submissions and their deadlines.',
    '',
    `Choose your password here (the link works for 7 days): ${url}`,
  ].join('\n');
  const html = `<p>Hello ${escapeHtml(name)},</p>
<p>You have been invited to CJN Tracker, where the Child Justice Network follows its grant applications, joint submissions and their deadlines.</p>
<p><a href="${escapeHtml(url)}">Choose your password</a> (the link works for 7 days).</p>`;
  return { subject, text, html };
}
