import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import type { AppProcess } from './support/app-process.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { addPartner } from './support/opportunity-factories.js';
import { fromNow, makeDeadline, setNotificationPrefs } from './support/reminder-factories.js';
import { decodeQuotedPrintable, SmtpSink } from './support/smtp-sink.js';
import { TelegramFake } from './support/telegram-fake.js';
import { deleteKeys, startTestApp, type TestApp } from './support/test-app.js';
import { startWorkers, stopWorkers, waitUntil } from './support/worker-processes.js';

interface DeliveryRow {
  channel: string;
  status: string;
  attempts: number;
  recipient: string;
  sent_at: Date | null;
  fire_at: Date;
  last_error: string | null;
}

/**
 * The reminder engine end to end: the API in this process, BullMQ workers as real
 * processes of the built app, a real SMTP server and a fake Telegram Bot API on loopback.
 */
describe('reminders (real worker processes, SMTP and Telegram)', () => {
  let t: TestApp;
  let workers: AppProcess[] = [];
  const smtp = new SmtpSink();
  const telegram = new TelegramFake();
  let coordinator: Actor;
  let orgId: string;
  let opportunityId: string;

  /** Deliveries of a deadline's reminders, to one user (every member of a partner organisation hears of it too). */
  const deliveries = (deadlineId: string, userId?: string): Promise<DeliveryRow[]> =>
    t.db.query(
      `SELECT d.channel, d.status, d.attempts, d.recipient, d.sent_at, r.fire_at, d.last_error
         FROM deliveries d JOIN reminders r ON r.id = d.reminder_id
        WHERE r.deadline_id = $1 AND ($2::text IS NULL OR d.recipient = $2) ORDER BY d.channel, d.recipient, r.fire_at`,
      [deadlineId, userId ? `user:${userId}` : null],
    );
  const mailsAbout = (title: string, to: string) =>
    smtp.messages.filter((m) => m.to.includes(to) && decodeQuotedPrintable(m.raw).includes(title));
  const member = async (prefs: Parameters<typeof setNotificationPrefs>[2]) => {
    const m = await makeUser(t, { organizationId: orgId });
    await setNotificationPrefs(t, m.user.id, prefs);
    return m;
  };
  /**
   * Resolves once the worker has finished a reconciler pass that began after `since` (now, unless given),
   * with no reminder or delivery job due and not yet run: by then a twin job, a job the reconciler put back
   * or a delivery sent again has shown itself. Waits on the worker, not on a guess of how long it takes.
   */
  const settled = async (since = Date.now()): Promise<void> => {
    const connection = { url: t.config.redisUrl };
    const queue = (name: string) => new Queue(name, { connection, prefix: t.config.queuePrefix });
    const [maintenance, reminders, sending] = [queue('reminders-maintenance'), queue('reminders'), queue('deliveries')];
    const due = async (q: Queue) =>
      (await q.getJobCountByTypes('waiting', 'active', 'prioritized')) +
      (await q.getDelayed()).filter((j) => j.timestamp + (j.opts.delay ?? 0) <= Date.now()).length;
    try {
      await waitUntil(
        async () => {
          const passes = (await maintenance.getJobs(['completed'], 0, 99)).filter(
            (j) => j.name === 'reconcile' && (j.processedOn ?? 0) >= since,
          );
          return passes.length > 0 && (await due(reminders)) + (await due(sending)) === 0;
        },
        15_000,
        'a reconciler pass and no job due',
      );
    } finally {
      await Promise.all([maintenance.close(), reminders.close(), sending.close()]);
    }
  };

  beforeAll(async () => {
    await smtp.start();
    await telegram.start();
    const sinks = { smtpUrl: smtp.url, telegramBotToken: telegram.token, telegramApiBaseUrl: telegram.url };
    t = await startTestApp({ overrides: { appRole: 'api', ...sinks } });
    workers = await startWorkers(t.config, 1, { ...sinks, reconcileIntervalSeconds: 1 });
    orgId = (await makeOrganization(t)).id;
    coordinator = await makeUser(t, { role: 'coordinator' });
    await setNotificationPrefs(t, coordinator.user.id, { channels: [] }); // the owner hears nothing here; the members do
    const opp = await coordinator.as
      .post('/api/v1/opportunities')
      .send({ title: 'UNICEF child justice grant', visibility: 'participants', telegramChatId: '-1009001' })
      .expect(201);
    opportunityId = opp.body.id;
    await addPartner(coordinator, opportunityId, { organizationId: orgId, role: 'lead', status: 'confirmed' });
  });
  afterAll(async () => {
    await stopWorkers(workers);
    await t.close();
    await smtp.stop();
    await telegram.stop();
  });

  it('a reminder fires at its time by e-mail, on Telegram (user and group) and in the app', async () => {
    const m = await member({ channels: ['email', 'inApp', 'telegram'], telegramChatId: '9001' });
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opportunityId,
      title: 'Concept note to UNICEF',
      kind: 'external',
      dueAt: fromNow(6_000),
      timeZone: 'Europe/Geneva',
      reminderOffsets: ['PT3S'],
      assigneeIds: [m.user.id],
    });
    const mail = await smtp.waitFor(m.user.email, 15_000);
    await telegram.waitForSent('9001');
    await telegram.waitForSent('-1009001');
    const rows = await waitUntil(async () => {
      const r = await deliveries(d.id);
      return (
        r
          .filter((x) => x.recipient === `user:${m.user.id}` || x.recipient === 'chat:-1009001')
          .every((x) => x.status === 'sent') &&
        r.length >= 4 &&
        r
      );
    });
    const mine = rows.filter((r) => r.recipient === `user:${m.user.id}`);
    expect(mine.map((r) => r.channel)).toEqual(['email', 'inApp', 'telegram']);
    for (const r of [...mine, rows.find((x) => x.recipient === 'chat:-1009001')!]) {
      const lateness = r.sent_at!.getTime() - r.fire_at.getTime();
      expect(lateness).toBeGreaterThanOrEqual(-50);
      // At its time, not at some other reminder's: how late, in milliseconds, is bench/'s to measure.
      expect(lateness).toBeLessThan(10_000);
    }
    const [note] = await t.db.query(`SELECT title, subject_id FROM notifications WHERE user_id = $1`, [m.user.id]);
    expect(note).toMatchObject({ subject_id: d.id, title: expect.stringContaining('Concept note to UNICEF') });

    const text = decodeQuotedPrintable(mail.raw);
    expect(text).toMatch(/^List-Unsubscribe: ?\r?\n? ?<http:\/\/localhost:3000\/api\/v1\/unsubscribe\/[\w.-]+>/m);
    expect(text).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    expect(text).toContain('(Europe/Zurich)');
    expect(text).toContain('(Asia/Phnom_Penh)');
    expect(text).toContain(`/opportunities/${opportunityId}`);
    expect(text).toContain('Content-Type: text/html');
    expect(telegram.sent('9001')[0].body).toMatchObject({
      parse_mode: 'HTML',
      text: expect.stringContaining('Concept note to UNICEF'),
    });
  });

  it('reports the live worker process and the failure rate in /health to an admin', async () => {
    const admin = await makeUser(t, { role: 'admin' });
    const res = await admin.as.get('/health').expect(200);
    expect(res.body.checks.workers).toMatchObject({ status: 'up', liveWorkers: 1 });
    expect(res.body.checks.workers.queues.deliveries).toMatchObject({
      liveWorkers: 1,
      failureRate: expect.any(Number),
    });
  });

  it('a moved deadline does not fire at its old time and fires at the new one', async () => {
    const m = await member({ channels: ['email', 'inApp'] });
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opportunityId,
      title: 'Budget narrative (moved)',
      dueAt: fromNow(63_000),
      reminderOffsets: ['PT60S'],
      assigneeIds: [m.user.id],
    });
    const oldFire = Date.now() + 3_000;
    await coordinator.as
      .patch(`/api/v1/deadlines/${d.id}`)
      .send({ dueAt: fromNow(67_000) })
      .expect(200);
    // One worker runs the jobs in time order: had the old time fired, its e-mail and delivery rows would be
    // here before the new time's, and checked below (one e-mail, two rows, sent after the old time).
    await smtp.waitFor(m.user.email, 10_000);
    // The worker records 'sent' just after the SMTP server took the message.
    const rows = await waitUntil(
      async () => {
        const r = await deliveries(d.id, m.user.id);
        return r.some((x) => x.status === 'sending') ? null : r;
      },
      5_000,
      'the e-mail recorded',
    );
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['email', 'sent'],
      ['inApp', 'sent'],
    ]);
    expect(rows[0].sent_at!.getTime()).toBeGreaterThanOrEqual(oldFire + 3_500);
    expect(rows[0].sent_at!.getTime() - rows[0].fire_at.getTime()).toBeLessThan(10_000);
    expect(mailsAbout('Budget narrative (moved)', m.user.email)).toHaveLength(1);
  });

  it('a deadline moved later after its reminder went out sends that reminder again before the new time, once', async () => {
    const m = await member({ channels: ['email', 'inApp'] });
    const title = 'Partner budget lines (postponed)';
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opportunityId,
      title,
      dueAt: fromNow(4_000),
      reminderOffsets: ['PT2S'],
      assigneeIds: [m.user.id],
    });
    await smtp.waitFor(m.user.email, 15_000);
    await waitUntil(async () => (await deliveries(d.id, m.user.id)).every((x) => x.status === 'sent'), 5_000);

    // The funder extends the call: the 2-seconds-before reminder is owed again, 2 seconds before the new time.
    const moved = await coordinator.as
      .patch(`/api/v1/deadlines/${d.id}`)
      .send({ dueAt: fromNow(6_000) })
      .expect(200);
    const rows = await waitUntil(
      async () => {
        const r: { channel: string; status: string; reminder_version: number }[] = await t.db.query(
          `SELECT d.channel, d.status, d.reminder_version FROM deliveries d JOIN reminders r ON r.id = d.reminder_id
            WHERE r.deadline_id = $1 AND d.recipient = $2 ORDER BY d.reminder_version, d.channel`,
          [d.id, `user:${m.user.id}`],
        );
        return r.length === 4 && r.every((x) => x.status === 'sent') && r;
      },
      15_000,
      'the re-armed reminder sent',
    );
    expect(rows.map((r) => [r.reminder_version, r.channel])).toEqual([
      [1, 'email'],
      [1, 'inApp'],
      [2, 'email'],
      [2, 'inApp'],
    ]);
    await settled(); // a twin job or a reconciler pass would show up as a third e-mail
    expect(mailsAbout(title, m.user.email)).toHaveLength(2);
    const [reminder] = await t.db.query(`SELECT status, fire_at FROM reminders WHERE deadline_id = $1`, [d.id]);
    expect(reminder.status).toBe('sent');
    expect(reminder.fire_at.getTime()).toBe(new Date(moved.body.dueAt).getTime() - 2_000);
  });

  it('the reconciler marks a passed deadline missed and sends its overdue reminder, even when its job was lost', async () => {
    const m = await member({ channels: ['email', 'inApp'] });
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opportunityId,
      title: 'Partner declaration (overdue)',
      dueAt: fromNow(3_000),
      reminderOffsets: [],
      overdueReminder: true,
      assigneeIds: [m.user.id],
    });
    const queue = new Queue('reminders', { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
    const [r] = await t.db.query(`SELECT id, version FROM reminders WHERE deadline_id = $1`, [d.id]);
    expect(await queue.remove(`reminder-${r.id}-v${r.version}`)).toBe(1);
    await queue.close();
    const mail = await smtp.waitFor(m.user.email, 15_000);
    expect(decodeQuotedPrintable(mail.raw)).toMatch(/Subject: \[CJN\] Overdue: Partner declaration \(overdue\)/);
    expect((await coordinator.as.get(`/api/v1/deadlines/${d.id}`)).body.status).toBe('missed');
    await settled();
    expect(mailsAbout('Partner declaration (overdue)', m.user.email)).toHaveLength(1);
  });

  it('a deadline marked done sends nothing more', async () => {
    const m = await member({ channels: ['email', 'inApp'] });
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opportunityId,
      title: 'Sign-off by partners (done early)',
      dueAt: fromNow(7_000),
      reminderOffsets: ['PT5S', 'PT2S'],
      overdueReminder: true,
      assigneeIds: [m.user.id],
    });
    await smtp.waitFor(m.user.email, 10_000);
    await coordinator.as.patch(`/api/v1/deadlines/${d.id}`).send({ status: 'done' }).expect(200);
    // Until a reconciler pass after the due time: the overdue reminder's time, and the reconciler's missed check.
    await settled(new Date(d.dueAt).getTime());
    expect(mailsAbout('Sign-off by partners (done early)', m.user.email)).toHaveLength(1);
    const reminders = (await coordinator.as.get(`/api/v1/deadlines/${d.id}/reminders`)).body.items;
    expect(reminders.map((r: { offset: string | null; status: string }) => [r.offset, r.status])).toEqual([
      ['PT5S', 'sent'],
      ['PT2S', 'cancelled'],
      [null, 'cancelled'],
    ]);
    expect((await deliveries(d.id, m.user.id)).map((r) => [r.channel, r.status])).toEqual([
      ['email', 'sent'],
      ['inApp', 'sent'],
    ]);
  });

  it('deleting every queue key right after scheduling (FLUSHALL) still delivers, exactly once', async () => {
    const m = await member({ channels: ['email', 'inApp'] });
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opportunityId,
      title: 'Partner CVs (after a Redis flush)',
      dueAt: fromNow(8_000),
      reminderOffsets: ['PT4S'],
      assigneeIds: [m.user.id],
    });
    await deleteKeys(t.config.redisUrl, `${t.config.queuePrefix}:*`);
    await smtp.waitFor(m.user.email, 15_000);
    await settled(); // room for a duplicate to show up, if there were one
    expect(mailsAbout('Partner CVs (after a Redis flush)', m.user.email)).toHaveLength(1);
    const rows = await deliveries(d.id, m.user.id);
    expect(rows.map((r) => [r.channel, r.status, r.attempts])).toEqual([
      ['email', 'sent', 1],
      ['inApp', 'sent', 1],
    ]);
    expect(
      await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE subject_id = $1 AND user_id = $2`, [
        d.id,
        m.user.id,
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it('an SMTP server refusing the first attempts is retried and the e-mail is delivered once', async () => {
    const m = await member({ channels: ['email'] });
    // Earlier members of the organisation hear of every deadline too; mute them so the refusals hit this e-mail.
    await t.db.query(
      `UPDATE users SET notification_preferences = jsonb_set(notification_preferences, '{channels}', '[]') WHERE organization_id = $1 AND id <> $2`,
      [orgId, m.user.id],
    );
    smtp.refuseNext(2);
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opportunityId,
      title: 'Registration papers (SMTP busy)',
      dueAt: fromNow(30_000),
      reminderOffsets: ['PT28S'],
      assigneeIds: [m.user.id],
    });
    await smtp.waitFor(m.user.email, 30_000);
    await settled();
    expect(mailsAbout('Registration papers (SMTP busy)', m.user.email)).toHaveLength(1);
    const [row] = await deliveries(d.id, m.user.id);
    expect(row).toMatchObject({ channel: 'email', status: 'sent', attempts: 3 });
  });

  it('honours Telegram 429 retry_after', async () => {
    const m = await member({ channels: ['telegram'], telegramChatId: '9002' });
    telegram.tooManyRequests('9002', 2);
    await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opportunityId,
      title: 'Audited accounts (Telegram busy)',
      dueAt: fromNow(5_000),
      reminderOffsets: ['PT3S'],
      assigneeIds: [m.user.id],
    });
    const [sent] = await telegram.waitForSent('9002', 1, 15_000);
    const calls = telegram.calls.filter((c) => c.method === 'sendMessage' && String(c.body.chat_id) === '9002');
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(sent.at - calls[0].at).toBeGreaterThanOrEqual(2_000);
  });

  it('paces Telegram: at most one message every 3 s to a group (20/min) and one a second to a person', async () => {
    const m = await member({ channels: ['telegram'], telegramChatId: '9005' });
    const dueAt = fromNow(60_000);
    for (const title of ['Paced one', 'Paced two', 'Paced three']) {
      await makeDeadline(coordinator, {
        subjectType: 'opportunity',
        subjectId: opportunityId,
        title,
        dueAt,
        reminderOffsets: ['PT57S'],
        assigneeIds: [m.user.id],
      });
    }
    await telegram.waitForSent('9005', 3, 20_000);
    const person = telegram.sent('9005').map((c) => c.at);
    for (let i = 1; i < person.length; i++) expect(person[i] - person[i - 1]).toBeGreaterThanOrEqual(950);
    await waitUntil(
      async () => telegram.sent('-1009001').filter((c) => String(c.body.text).includes('Paced')).length === 3,
      20_000,
      'three group messages',
    );
    const group = telegram.sent('-1009001').map((c) => c.at);
    for (let i = 1; i < group.length; i++) expect(group[i] - group[i - 1]).toBeGreaterThanOrEqual(2_950);
  });

  it('a chat that blocked the bot switches Telegram off for that user instead of retrying', async () => {
    const m = await member({ channels: ['telegram', 'inApp'], telegramChatId: '9003' });
    telegram.blocked('9003');
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opportunityId,
      title: 'Safeguarding policy (blocked bot)',
      dueAt: fromNow(6_000),
      reminderOffsets: ['PT4S', 'PT2S'],
      assigneeIds: [m.user.id],
    });
    await waitUntil(
      async () =>
        (await deliveries(d.id, m.user.id)).filter((r) => r.channel === 'inApp' && r.status === 'sent').length === 2,
      15_000,
      'both reminders',
    );
    const rows = (await deliveries(d.id, m.user.id)).filter((r) => r.channel === 'telegram');
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['failed', 1]]);
    expect(telegram.calls.filter((c) => String(c.body.chat_id) === '9003')).toHaveLength(1);
    const [user] = await t.db.query(`SELECT telegram_chat_id FROM users WHERE id = $1`, [m.user.id]);
    expect(user.telegram_chat_id).toBeNull();
  });

  it('quiet hours defer e-mail and Telegram to the end of the window; in-app is immediate', async () => {
    const now = new Date();
    const hh = (h: number) => String((now.getUTCHours() + h + 24) % 24).padStart(2, '0');
    // A window from an hour ago to two hours ahead, in the user's zone (UTC here).
    const m = await makeUser(t, { organizationId: orgId, timeZone: 'UTC' });
    await setNotificationPrefs(t, m.user.id, {
      channels: ['email', 'inApp', 'telegram'],
      telegramChatId: '9004',
      quietHours: { start: `${hh(-1)}:00`, end: `${hh(2)}:00` },
    });
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opportunityId,
      title: 'Late-night reminder',
      dueAt: fromNow(5_000),
      reminderOffsets: ['PT3S'],
      assigneeIds: [m.user.id],
    });
    await waitUntil(
      async () => (await deliveries(d.id, m.user.id)).find((r) => r.channel === 'inApp' && r.status === 'sent'),
      15_000,
      'in-app',
    );
    const [email] = await t.db.query(
      `SELECT d.status, d.not_before FROM deliveries d JOIN reminders r ON r.id = d.reminder_id WHERE r.deadline_id = $1 AND d.channel = 'email' AND d.recipient = $2`,
      [d.id, `user:${m.user.id}`],
    );
    expect(email.status).toBe('pending');
    expect(new Date(email.not_before).getUTCHours()).toBe((now.getUTCHours() + 2) % 24);
    expect(new Date(email.not_before).getUTCMinutes()).toBe(0);
    expect(telegram.calls.filter((c) => String(c.body.chat_id) === '9004')).toHaveLength(0);
  });
});
