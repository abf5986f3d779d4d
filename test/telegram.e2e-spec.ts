import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { NUL, problemCollector } from './support/bad-input.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { TelegramFake } from './support/telegram-fake.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('Telegram linking', () => {
  let t: TestApp;
  const telegram = new TelegramFake();
  let partnerMember: Actor;

  beforeAll(async () => {
    await telegram.start();
    t = await startTestApp({
      overrides: { appRole: 'api', telegramBotToken: telegram.token, telegramApiBaseUrl: telegram.url },
    });
    const partnerOrg = await makeOrganization(t);
    partnerMember = await makeUser(t, { organizationId: partnerOrg.id, timeZone: 'America/New_York' });
  });
  afterAll(async () => {
    await t.close();
    await telegram.stop();
  });

  it('links a Telegram chat with a /start deep link delivered to the webhook', async () => {
    const link = await partnerMember.as.post('/api/v1/me/telegram/link').expect(201);
    expect(link.body.url).toMatch(/^https:\/\/t\.me\/cjn_test_bot\?start=/);
    const update = { update_id: 1, message: { text: link.body.startCommand, chat: { id: 777001, type: 'private' } } };
    await t
      .http()
      .post('/api/v1/telegram/webhook')
      .set('X-Telegram-Bot-Api-Secret-Token', 'wrong')
      .send(update)
      .expect(403);
    const secret = createHmac('sha256', t.config.sessionSecret).update('telegram-webhook').digest('hex').slice(0, 48);
    const ok = await t
      .http()
      .post('/api/v1/telegram/webhook')
      .set('X-Telegram-Bot-Api-Secret-Token', secret)
      .send(update)
      .expect(200);
    expect(ok.body).toEqual({ result: 'linked' });
    const me = await partnerMember.as.get('/api/v1/me').expect(200);
    expect(me.body.telegramLinked).toBe(true);
    expect(me.body.notificationPreferences.channels).toContain('telegram');
    await telegram.waitForSent('777001');
    const reused = await t
      .http()
      .post('/api/v1/telegram/webhook')
      .set('X-Telegram-Bot-Api-Secret-Token', secret)
      .send(update)
      .expect(200);
    expect(reused.body).toEqual({ result: 'refused' });
  });

  it('Telegram routes survive bad bodies and secrets (never 500)', async () => {
    const { problems, expectClientError } = problemCollector();
    for (const body of [
      [],
      'x',
      { update_id: 'x' },
      { message: null },
      { message: { text: 12, chat: { id: {} } } },
      { message: { text: `/start ${NUL}`, chat: { id: 1 } } },
    ]) {
      expectClientError(
        await t
          .http()
          .post('/api/v1/telegram/webhook')
          .set('x-telegram-bot-api-secret-token', 'nope')
          .send(body as object),
        `webhook ${JSON.stringify(body)}`,
      );
    }
    for (const body of [[], 'x', { unknown: 1 }]) {
      expectClientError(
        await partnerMember.as.post('/api/v1/me/telegram/link').send(body as object),
        `telegram link ${JSON.stringify(body)}`,
      );
    }
    expectClientError(await partnerMember.as.delete('/api/v1/me/telegram'), 'DELETE me/telegram');
    expectClientError(await partnerMember.as.post('/api/v1/telegram/poll'), 'POST telegram/poll as member');
    expect(problems).toEqual([]);
  });
});
