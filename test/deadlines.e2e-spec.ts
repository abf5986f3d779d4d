import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { signLink } from '../src/auth/signed-links.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { addItem, addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { fromNow, makeDeadline, parseIcs } from './support/reminder-factories.js';
import { TelegramFake } from './support/telegram-fake.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY = 24 * 3600 * 1000;

describe('deadlines (API)', () => {
  let t: TestApp;
  const telegram = new TelegramFake();
  let coordinator: Actor;
  let partnerMember: Actor;
  let outsider: Actor;
  let viewer: Actor;
  let admin: Actor;
  let network: { id: string };
  let closed: { id: string };

  beforeAll(async () => {
    await telegram.start();
    t = await startTestApp({ overrides: { appRole: 'api', telegramBotToken: telegram.token, telegramApiBaseUrl: telegram.url } });
    const partnerOrg = await makeOrganization(t);
    const otherOrg = await makeOrganization(t);
    coordinator = await makeUser(t, { role: 'coordinator' });
    admin = await makeUser(t, { role: 'admin' });
    partnerMember = await makeUser(t, { organizationId: partnerOrg.id, timeZone: 'America/New_York' });
    outsider = await makeUser(t, { organizationId: otherOrg.id });
    viewer = await makeUser(t, { role: 'viewer', organizationId: partnerOrg.id });
    network = await makeOpportunity(coordinator, { visibility: 'network', title: 'EU child justice call' });
    closed = await makeOpportunity(coordinator, { visibility: 'participants', title: 'Confidential consortium bid' });
    await addPartner(coordinator, closed.id, { organizationId: partnerOrg.id, role: 'lead' });
  });
  afterAll(async () => {
    await t.close();
    await telegram.stop();
  });

  it("sets the funder's deadline in Geneva time and shows it in its zone, the reader's and Phnom Penh", async () => {
    const d = await makeDeadline(coordinator, { subjectType: 'opportunity', subjectId: closed.id, kind: 'external', dueAt: '2027-03-01T17:00', timeZone: 'Europe/Geneva' });
    expect(d.dueAt).toBe('2027-03-01T16:00:00.000Z');
    expect(d.timeZone).toBe('Europe/Zurich');
    const seen = await partnerMember.as.get(`/api/v1/deadlines/${d.id}`).expect(200);
    expect(seen.body.display.map((z: { label: string; local: string }) => [z.label, z.local])).toEqual([
      ['deadline', '2027-03-01T17:00:00+01:00'],
      ['you', '2027-03-01T11:00:00-05:00'],
      ['phnomPenh', '2027-03-01T23:00:00+07:00'],
    ]);
  });

  it('reads a date-only deadline as the end of that day in its zone', async () => {
    const d = await makeDeadline(coordinator, { subjectType: 'opportunity', subjectId: network.id, dueDate: '2027-03-01', timeZone: 'America/New_York' });
    expect(d.dueAt).toBe('2027-03-02T04:59:59.000Z');
    expect(d).toMatchObject({ dueDate: '2027-03-01', dateOnly: true });
  });

  it('defaults reminder offsets by kind and skips offsets already past instead of sending them late', async () => {
    const external = await makeDeadline(coordinator, { subjectType: 'opportunity', subjectId: network.id, kind: 'external', dueAt: fromNow(3 * DAY) });
    expect(external.reminderOffsets).toEqual(['P14D', 'P7D', 'P2D', 'P1D']);
    const reminders = await coordinator.as.get(`/api/v1/deadlines/${external.id}/reminders`).expect(200);
    expect(reminders.body.items.map((r: { offset: string; status: string }) => [r.offset, r.status])).toEqual([
      ['P14D', 'skipped'],
      ['P7D', 'skipped'],
      ['P2D', 'scheduled'],
      ['P1D', 'scheduled'],
    ]);
    const internal = await makeDeadline(coordinator, { subjectType: 'opportunity', subjectId: network.id, kind: 'internal', dueAt: fromNow(30 * DAY) });
    expect(internal.reminderOffsets).toEqual(['P3D', 'P1D']);
  });

  it('names every bad field with 400 and never answers 500', async () => {
    const base = { subjectType: 'opportunity', subjectId: network.id, title: 'x', kind: 'internal', timeZone: 'Europe/Paris' };
    const offsets = await coordinator.as.post('/api/v1/deadlines').send({ ...base, dueAt: fromNow(DAY), reminderOffsets: ['P1M', 'soon', 'PT0S'] }).expect(400);
    expect(offsets.body.details.map((d: { field: string }) => d.field)).toContain('reminderOffsets');
    const zone = await coordinator.as.post('/api/v1/deadlines').send({ ...base, dueAt: fromNow(DAY), timeZone: 'Mars/Olympus_Mons' }).expect(400);
    expect(zone.body.details.map((d: { field: string }) => d.field)).toEqual(['timeZone']);
    await coordinator.as.post('/api/v1/deadlines').send({ ...base, dueAt: fromNow(DAY), dueDate: '2027-01-01' }).expect(400);
    await coordinator.as.post('/api/v1/deadlines').send(base).expect(400);
    await coordinator.as.post('/api/v1/deadlines').send({ ...base, dueDate: '2027-02-30' }).expect(400);
    await coordinator.as.post('/api/v1/deadlines').send({ ...base, dueAt: fromNow(DAY), colour: 'red' }).expect(400);
    await coordinator.as.post('/api/v1/deadlines').send({ ...base, dueAt: fromNow(DAY), subjectType: 'planet' }).expect(400);
    await coordinator.as.post('/api/v1/deadlines').send({ ...base, dueAt: fromNow(DAY), assigneeIds: ['00000000-0000-4000-8000-000000000000'] }).expect(400);
    await coordinator.as.post('/api/v1/deadlines').send({ ...base, dueAt: fromNow(DAY), subjectId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    await coordinator.as.get('/api/v1/deadlines?from=yesterday').expect(400);
    await coordinator.as.get('/api/v1/deadlines/not-a-uuid').expect(400);
  });

  it('moving a deadline reschedules its reminders; done cancels them; re-opening schedules them again', async () => {
    const d = await makeDeadline(coordinator, { subjectType: 'opportunity', subjectId: network.id, dueAt: '2027-06-10T12:00', timeZone: 'Europe/Paris', reminderOffsets: ['P7D', 'P1D'] });
    const before = (await coordinator.as.get(`/api/v1/deadlines/${d.id}/reminders`)).body.items;
    expect(before.map((r: { fireAt: string }) => r.fireAt)).toEqual(['2027-06-03T10:00:00.000Z', '2027-06-09T10:00:00.000Z']);
    const moved = await coordinator.as.patch(`/api/v1/deadlines/${d.id}`).send({ dueAt: '2027-06-17T12:00' }).expect(200);
    expect(moved.body.dueAt).toBe('2027-06-17T10:00:00.000Z');
    const after = (await coordinator.as.get(`/api/v1/deadlines/${d.id}/reminders`)).body.items;
    expect(after.map((r: { fireAt: string; status: string; version: number }) => [r.fireAt, r.status, r.version])).toEqual([
      ['2027-06-10T10:00:00.000Z', 'scheduled', 2],
      ['2027-06-16T10:00:00.000Z', 'scheduled', 2],
    ]);
    const done = await coordinator.as.patch(`/api/v1/deadlines/${d.id}`).send({ status: 'done' }).expect(200);
    expect(done.body.completedAt).not.toBeNull();
    const cancelled = (await coordinator.as.get(`/api/v1/deadlines/${d.id}/reminders`)).body.items;
    expect(cancelled.map((r: { status: string }) => r.status)).toEqual(['cancelled', 'cancelled']);
    await coordinator.as.patch(`/api/v1/deadlines/${d.id}`).send({ status: 'open' }).expect(200);
    const reopened = (await coordinator.as.get(`/api/v1/deadlines/${d.id}/reminders`)).body.items;
    expect(reopened.map((r: { status: string }) => r.status)).toEqual(['scheduled', 'scheduled']);
    const activity = await coordinator.as.get(`/api/v1/activity?subjectType=deadline&subjectId=${d.id}`).expect(200);
    expect(activity.body.items.map((a: { action: string }) => a.action).sort()).toEqual(['deadline.created', 'deadline.done', 'deadline.moved', 'deadline.reopened']);
  });

  it('a deadline is visible exactly when its record is: outsiders get 404 everywhere, viewers never write', async () => {
    const d = await makeDeadline(coordinator, { subjectType: 'opportunity', subjectId: closed.id, dueAt: fromNow(10 * DAY), title: 'Partner budgets due' });
    await partnerMember.as.get(`/api/v1/deadlines/${d.id}`).expect(200);
    await outsider.as.get(`/api/v1/deadlines/${d.id}`).expect(404);
    await outsider.as.get(`/api/v1/deadlines/${d.id}/reminders`).expect(404);
    await outsider.as.patch(`/api/v1/deadlines/${d.id}`).send({ title: 'hijacked' }).expect(404);
    await outsider.as.delete(`/api/v1/deadlines/${d.id}`).expect(404);
    const list = await outsider.as.get('/api/v1/deadlines?limit=100').expect(200);
    expect(list.body.items.some((x: { subjectId: string }) => x.subjectId === closed.id)).toBe(false);
    const partnerList = await partnerMember.as.get(`/api/v1/deadlines?subjectId=${closed.id}`).expect(200);
    expect(partnerList.body.items.map((x: { id: string }) => x.id)).toContain(d.id);
    await partnerMember.as.patch(`/api/v1/deadlines/${d.id}`).send({ title: 'changed' }).expect(403);
    await viewer.as.post('/api/v1/deadlines').send({ subjectType: 'opportunity', subjectId: network.id, title: 'x', kind: 'internal', timeZone: 'UTC', dueAt: fromNow(DAY) }).expect(403);
    await outsider.as.post('/api/v1/deadlines').send({ subjectType: 'opportunity', subjectId: closed.id, title: 'x', kind: 'internal', timeZone: 'UTC', dueAt: fromNow(DAY) }).expect(404);
  });

  it('filters by from, to, status, mine, subjectType and subjectId', async () => {
    const opp = await makeOpportunity(coordinator, { visibility: 'network' });
    const a = await makeDeadline(coordinator, { subjectType: 'opportunity', subjectId: opp.id, dueAt: '2028-01-10T09:00', assigneeIds: [partnerMember.user.id] });
    const b = await makeDeadline(coordinator, { subjectType: 'opportunity', subjectId: opp.id, dueAt: '2028-02-10T09:00' });
    const c = await makeDeadline(coordinator, { subjectType: 'opportunity', subjectId: opp.id, dueAt: '2028-03-10T09:00' });
    await coordinator.as.patch(`/api/v1/deadlines/${c.id}`).send({ status: 'cancelled' }).expect(200);
    const ids = async (q: string, who = coordinator) => (await who.as.get(`/api/v1/deadlines?subjectType=opportunity&subjectId=${opp.id}&${q}`).expect(200)).body.items.map((x: { id: string }) => x.id);
    expect(await ids('')).toEqual([a.id, b.id, c.id]);
    expect(await ids('from=2028-02-01&to=2028-02-28')).toEqual([b.id]);
    expect(await ids('to=2028-01-10T08:00:00Z')).toEqual([a.id]);
    expect(await ids('status=cancelled')).toEqual([c.id]);
    expect(await ids('mine=true', partnerMember)).toEqual([a.id]);
    expect(await ids('mine=true')).toEqual([]);
    const page = await coordinator.as.get(`/api/v1/deadlines?subjectId=${opp.id}&limit=2`).expect(200);
    expect(page.body).toMatchObject({ total: 3 });
    expect(page.body.nextCursor).toEqual(expect.any(String));
  });

  it('spawns the internal deadlines of a template counted back from a deadline, once', async () => {
    const templates = await coordinator.as.get('/api/v1/deadlines/templates').expect(200);
    expect(templates.body.items.map((x: { id: string }) => x.id)).toEqual(['grant-application', 'crc-alternative-report', 'general-comment-consultation']);
    const funder = await makeDeadline(coordinator, { subjectType: 'opportunity', subjectId: network.id, kind: 'external', dueAt: '2027-04-10T17:00', timeZone: 'Europe/Geneva' });
    const spawned = await coordinator.as.post(`/api/v1/deadlines/${funder.id}/template`).send({ templateId: 'grant-application' }).expect(201);
    expect(spawned.body.items).toHaveLength(6);
    expect(spawned.body.items[0]).toMatchObject({ title: 'Partner drafts of their sections due', kind: 'internal', dueAt: '2027-03-20T16:00:00.000Z', parentId: funder.id });
    const again = await coordinator.as.post(`/api/v1/deadlines/${funder.id}/template`).send({ templateId: 'grant-application' }).expect(201);
    expect(again.body.items).toEqual([]);
    await coordinator.as.post(`/api/v1/deadlines/${funder.id}/template`).send({ templateId: 'no-such' }).expect(400);
  });

  it('signed links acknowledge or mark done without signing in; GET only asks, POST acts', async () => {
    const item = await addItem(coordinator, closed.id, { title: 'Registration certificate' });
    const d = await makeDeadline(coordinator, { subjectType: 'checklistItem', subjectId: item.id, dueAt: fromNow(5 * DAY), assigneeIds: [partnerMember.user.id] });
    const secret = t.config.sessionSecret;
    const e = Math.floor(Date.now() / 1000) + 3600;
    const done = signLink(secret, { a: 'done', u: coordinator.user.id, d: d.id, e });
    const page = await t.http().get(`/api/v1/links/${done}`).expect(200);
    expect(page.text).toContain('<form method="post">');
    expect((await coordinator.as.get(`/api/v1/deadlines/${d.id}`)).body.status).toBe('open');
    await t.http().post(`/api/v1/links/${done}`).expect(200);
    expect((await coordinator.as.get(`/api/v1/deadlines/${d.id}`)).body.status).toBe('done');
    const [row] = await t.db.query('SELECT status FROM checklist_items WHERE id = $1', [item.id]);
    expect(row.status).toBe('done');

    const ack = signLink(secret, { a: 'ack', u: partnerMember.user.id, d: d.id, e });
    await t.http().post(`/api/v1/links/${ack}`).expect(200);
    const [assignee] = await t.db.query('SELECT acknowledged_at FROM deadline_assignees WHERE deadline_id = $1', [d.id]);
    expect(assignee.acknowledged_at).not.toBeNull();

    const forOutsider = signLink(secret, { a: 'done', u: outsider.user.id, d: d.id, e });
    await t.http().post(`/api/v1/links/${forOutsider}`).expect(404);
    const expired = signLink(secret, { a: 'ack', u: partnerMember.user.id, d: d.id, e: Math.floor(Date.now() / 1000) - 1 });
    await t.http().post(`/api/v1/links/${expired}`).expect(404);
    await t.http().post(`/api/v1/links/${ack.slice(0, -2)}xx`).expect(404);
  });

  it('one-click unsubscribe (RFC 8058) works without signing in', async () => {
    const user = await makeUser(t);
    const token = signLink(t.config.sessionSecret, { a: 'unsubscribe', u: user.user.id });
    await t.http().get(`/api/v1/unsubscribe/${token}`).expect(200);
    await t.http().post(`/api/v1/unsubscribe/${token}`).set('Origin', 'https://mail.provider.example').type('form').send('List-Unsubscribe=One-Click').expect(200);
    const me = await user.as.get('/api/v1/me').expect(200);
    expect(me.body.notificationPreferences).toMatchObject({ channels: ['inApp'], digest: 'off' });
  });

  it('serves a calendar feed by secret URL with only what the user can see; regenerating revokes the old URL', async () => {
    const visible = await makeDeadline(coordinator, { subjectType: 'opportunity', subjectId: closed.id, dueAt: '2027-05-05T17:00', timeZone: 'Europe/Geneva', title: 'Consortium budget final', reminderOffsets: ['P2D'] });
    const secretOne = await makeOpportunity(coordinator, { visibility: 'participants', title: 'Secret bid' });
    await makeDeadline(coordinator, { subjectType: 'opportunity', subjectId: secretOne.id, dueAt: '2027-05-06T17:00', title: 'Secret deadline' });

    const feed = await partnerMember.as.get('/api/v1/me/calendar').expect(200);
    const path = new URL(feed.body.url).pathname;
    expect(path).toMatch(/^\/api\/v1\/calendar\/[\w.-]+\.ics$/);
    const res = await t.http().get(path).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const { events } = parseIcs(res.text);
    const summaries = events.map((e) => e.props.SUMMARY);
    expect(summaries).toContain('Consortium budget final — Confidential consortium bid');
    expect(res.text).not.toContain('Secret');
    const event = events.find((e) => e.props.UID === `${visible.id}@cjn-tracker`)!;
    expect(event.raw['DTSTART;TZID=Europe/Zurich']).toBe('20270505T170000');
    expect(event.props.URL).toMatch(new RegExp(`/opportunities/${closed.id}$`));
    expect(event.alarms.map((a) => a.TRIGGER)).toEqual(['-P2D']);

    expect((await partnerMember.as.get('/api/v1/me/calendar')).body.url).toBe(feed.body.url);
    const fresh = await partnerMember.as.post('/api/v1/me/calendar/regenerate').expect(201);
    expect(fresh.body.url).not.toBe(feed.body.url);
    await t.http().get(path).expect(404);
    await t.http().get(new URL(fresh.body.url).pathname).expect(200);
    await t.http().get('/api/v1/calendar/00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics').expect(404);

    const scoped = await partnerMember.as.get(`/api/v1/me/calendar?subjectType=opportunity&subjectId=${network.id}`).expect(200);
    const scopedIcs = parseIcs((await t.http().get(new URL(scoped.body.url).pathname).expect(200)).text);
    expect(scopedIcs.events.length).toBeGreaterThan(0);
    expect(scopedIcs.events.every((e) => e.props.URL.endsWith(`/opportunities/${network.id}`))).toBe(true);
    await outsider.as.get(`/api/v1/me/calendar?subjectType=opportunity&subjectId=${closed.id}`).expect(404);
  });

  it('attaches deadlines to submissions and their sections; the submission feed holds both, for those who may see it', async () => {
    const lead = await makeOrganization(t);
    const drafter = await makeUser(t, { organizationId: lead.id });
    const submission = await makeSubmission(coordinator, { leadOrganizationId: lead.id, visibility: 'participants', title: 'Joint comment on GC26' });
    const section = await makeSection(coordinator, submission.id, { title: 'Access to justice' });
    const onSubmission = await makeDeadline(coordinator, { subjectType: 'submission', subjectId: submission.id, kind: 'external', dueDate: '2027-02-15', timeZone: 'Europe/Geneva', title: 'Comments due to the CRC Committee' });
    const onSection = await makeDeadline(coordinator, { subjectType: 'section', subjectId: section.id, dueAt: '2027-02-01T12:00', timeZone: 'Asia/Phnom_Penh', title: 'Section draft ready' });
    await drafter.as.get(`/api/v1/deadlines/${onSection.id}`).expect(200);
    await outsider.as.get(`/api/v1/deadlines/${onSubmission.id}`).expect(404);
    const feed = await drafter.as.get(`/api/v1/me/calendar?subjectType=submission&subjectId=${submission.id}`).expect(200);
    const ics = parseIcs((await t.http().get(new URL(feed.body.url).pathname).expect(200)).text);
    expect(ics.events.map((e) => e.props.UID).sort()).toEqual([`${onSection.id}@cjn-tracker`, `${onSubmission.id}@cjn-tracker`].sort());
    expect(ics.events.find((e) => e.props.UID === `${onSubmission.id}@cjn-tracker`)!.raw['DTSTART;VALUE=DATE']).toBe('20270215');
    await outsider.as.get(`/api/v1/me/calendar?subjectType=submission&subjectId=${submission.id}`).expect(404);
  });

  it('shows the queue dashboard to admins only', async () => {
    await t.http().get('/admin/queues').expect(401);
    await coordinator.as.get('/admin/queues').expect(403);
    const page = await admin.as.get('/admin/queues').expect(200);
    expect(page.text).toContain('<html');
    const api = await admin.as.get('/admin/queues/api/queues').expect(200);
    expect(JSON.stringify(api.body)).toContain('deliveries');
  });

  it('links a Telegram chat with a /start deep link delivered to the webhook', async () => {
    const link = await partnerMember.as.post('/api/v1/me/telegram/link').expect(201);
    expect(link.body.url).toMatch(/^https:\/\/t\.me\/cjn_test_bot\?start=/);
    const update = { update_id: 1, message: { text: link.body.startCommand, chat: { id: 777001, type: 'private' } } };
    await t.http().post('/api/v1/telegram/webhook').set('X-Telegram-Bot-Api-Secret-Token', 'wrong').send(update).expect(403);
    const secret = createHmac('sha256', t.config.sessionSecret).update('telegram-webhook').digest('hex').slice(0, 48);
    const ok = await t.http().post('/api/v1/telegram/webhook').set('X-Telegram-Bot-Api-Secret-Token', secret).send(update).expect(200);
    expect(ok.body).toEqual({ result: 'linked' });
    const me = await partnerMember.as.get('/api/v1/me').expect(200);
    expect(me.body.telegramLinked).toBe(true);
    expect(me.body.notificationPreferences.channels).toContain('telegram');
    await telegram.waitForSent('777001');
    const reused = await t.http().post('/api/v1/telegram/webhook').set('X-Telegram-Bot-Api-Secret-Token', secret).send(update).expect(200);
    expect(reused.body).toEqual({ result: 'refused' });
  });

  it('removes a deadline', async () => {
    const d = await makeDeadline(coordinator, { subjectType: 'opportunity', subjectId: network.id, dueAt: fromNow(DAY) });
    await coordinator.as.delete(`/api/v1/deadlines/${d.id}`).expect(204);
    await coordinator.as.get(`/api/v1/deadlines/${d.id}`).expect(404);
  });
});
