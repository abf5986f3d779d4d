import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actionExpiry, signLink } from '../src/auth/signed-links.js';
import { DeliverySender } from '../src/reminders/delivery-sender.service.js';
import { ReminderFiring } from '../src/reminders/reminder-firing.service.js';
import { DeliveryProcessor } from '../src/reminders/reminders.processors.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { makeDeadline, setNotificationPrefs } from './support/reminder-factories.js';
import { readMail, SmtpSink } from './support/smtp-sink.js';
import { TelegramFake } from './support/telegram-fake.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const KHMER = /[\u1780-\u17FF]/;
/** An English word, once links, zone names and the record's own (English) titles are taken out. */
const englishIn = (text: string, ...names: string[]) =>
  names
    .reduce((rest, name) => rest.split(name).join(''), text)
    .replace(/<[^>]*>/g, ' ')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/\([A-Za-z_]+\/[A-Za-z_]+\)/g, '')
    .replace(/\b(CJN|Tracker)\b/g, '')
    .match(/\b[A-Za-z]{3,}\b/g);

/** A partner whose profile is in Khmer gets the server's messages in Khmer, on every channel. */
describe('messages in Khmer', () => {
  let t: TestApp;
  let coordinator: Actor;
  let sophea: Actor;
  const smtp = new SmtpSink();
  const telegram = new TelegramFake();
  const inAYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

  beforeAll(async () => {
    await smtp.start();
    await telegram.start();
    t = await startTestApp({
      overrides: {
        appRole: 'all',
        smtpUrl: smtp.url,
        telegramBotToken: telegram.token,
        telegramApiBaseUrl: telegram.url,
      },
    });
    await t.app.get(DeliveryProcessor).worker.pause(true);
    coordinator = await makeUser(t, { role: 'coordinator' });
    await setNotificationPrefs(t, coordinator.user.id, { channels: ['inApp'] });
    const org = await makeOrganization(t, { name: 'Legal Aid of Cambodia' });
    sophea = await makeUser(t, { organizationId: org.id, language: 'km', timeZone: 'Asia/Phnom_Penh' });
    await setNotificationPrefs(t, sophea.user.id, { channels: ['email', 'telegram', 'inApp'], telegramChatId: '8801' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
    await telegram.stop();
  });

  it('a reminder reaches a Khmer partner in Khmer by e-mail, Telegram and in the inbox, linking to the record', async () => {
    const opp = await makeOpportunity(coordinator, { title: 'EU child justice call', visibility: 'participants' });
    await addPartner(coordinator, opp.id, {
      organizationId: sophea.user.organizationId!,
      role: 'lead',
      contactUserIds: [sophea.user.id],
    });
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      title: 'Concept note',
      dueAt: inAYear(),
      reminderOffsets: ['P7D'],
      assigneeIds: [sophea.user.id],
    });
    const [reminder] = await t.db
      .query(`UPDATE reminders SET fire_at = now() WHERE deadline_id = $1 RETURNING id, version`, [d.id])
      .then((r) => r[0]);
    await t.app.get(ReminderFiring).fire(reminder.id, reminder.version);
    const deliveries: { id: string }[] = await t.db.query(
      `SELECT id FROM deliveries WHERE reminder_id = $1 AND user_id = $2`,
      [reminder.id, sophea.user.id],
    );
    expect(deliveries.length).toBe(3);
    for (const delivery of deliveries) await t.app.get(DeliverySender).deliver(delivery.id, false);
    const names = ['Concept note', 'EU child justice call'];

    const mail = readMail((await smtp.waitFor(sophea.user.email)).raw);
    expect(mail.subject).toMatch(KHMER);
    expect(mail.subject).toContain('Concept note');
    expect(englishIn(mail.subject, ...names)).toBeNull();
    expect(mail.text).toMatch(KHMER);
    expect(englishIn(mail.text, ...names)).toBeNull();
    expect(englishIn(mail.html, ...names)).toBeNull();
    expect(mail.html).toContain('lang="km"');
    const recordUrl = `/opportunities/${opp.id}`;
    expect(mail.text).toContain(recordUrl);
    const link = new URL(/https?:\/\/\S+\/opportunities\/[\w-]+/.exec(mail.text)![0]);
    const app = await t.http().get(link.pathname).expect(200);
    expect(app.text).toContain('<div id="root">');

    const [message] = telegram.sent('8801');
    const text = String(message.body.text);
    expect(text).toMatch(KHMER);
    expect(text).toContain(recordUrl);
    expect(englishIn(text, ...names)).toBeNull();

    const inbox = (await sophea.as.get('/api/v1/notifications').expect(200)).body;
    const notice = inbox.items.find((n: { title: string }) => n.title.includes('Concept note'));
    expect(notice.title).toMatch(KHMER);
    expect(englishIn(`${notice.title}\n${notice.body}`, ...names)).toBeNull();
  });

  it('the signed-link page speaks Khmer, with lang set', async () => {
    const opp = await makeOpportunity(coordinator, { title: 'UNICEF small grant' });
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      title: 'Budget',
      dueAt: inAYear(),
      assigneeIds: [sophea.user.id],
    });
    const token = signLink(t.config.sessionSecret, {
      a: 'ack',
      u: sophea.user.id,
      d: d.id,
      e: actionExpiry(new Date(d.dueAt)),
    });
    const page = await t.http().get(`/api/v1/links/${token}`).expect(200);
    expect(page.text).toContain('<html lang="km">');
    expect(page.text).toMatch(/<title>[^<]*[\u1780-\u17FF]/);
    expect(englishIn(page.text.replace(/<head>.*<\/head>/s, ''), 'Budget')).toBeNull();
    const done = await t.http().post(`/api/v1/links/${token}`).expect(200);
    expect(done.text).toContain('<html lang="km">');
    expect(englishIn(done.text.replace(/<head>.*<\/head>/s, ''), 'Budget')).toBeNull();
  });

  it("the calendar feed's event text is in Khmer for a Khmer user", async () => {
    const opp = await makeOpportunity(coordinator, { title: 'Global Fund call' });
    await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      title: 'Full proposal',
      dueAt: inAYear(),
      assigneeIds: [sophea.user.id],
    });
    const feed = await sophea.as.get('/api/v1/me/calendar').expect(200);
    const ics = (await t.http().get(new URL(feed.body.url).pathname).expect(200)).text.replace(/\r\n[ \t]/g, '');
    const description = /^DESCRIPTION:(.*Global Fund call.*)$/m.exec(ics)![1];
    expect(description).toMatch(KHMER);
    expect(englishIn(description.replace(/\\n/g, ' '), 'Global Fund call')).toBeNull();
    expect(/^X-WR-CALNAME:(.*)$/m.exec(ics)![1]).toMatch(KHMER);
  });

  it('an invitation e-mail goes out in the language it names', async () => {
    const admin = await makeUser(t, { role: 'admin' });
    await admin.as
      .post('/api/v1/users')
      .send({ email: 'chanthy@example.org', name: 'Chanthy Sok', role: 'member', language: 'km' })
      .expect(201);
    const mail = readMail((await smtp.waitFor('chanthy@example.org')).raw);
    expect(mail.subject).toMatch(KHMER);
    expect(englishIn(mail.subject)).toBeNull();
    expect(englishIn(mail.text, 'Chanthy Sok')).toBeNull();
    expect(mail.html).toContain('lang="km"');
    expect(mail.text).toMatch(/invitation\?token=/);
  });
});
