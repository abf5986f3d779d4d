import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { badTokens, MISSING, problemCollector } from './support/bad-input.js';
import { PasswordResetService } from '../src/auth/password-reset.service.js';
import { UsersService } from '../src/users/users.service.js';
import { type Actor, makeOrganization, makeUser, signIn, TEST_PASSWORD } from './support/factories.js';
import { addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { makeDeadline, parseIcs } from './support/reminder-factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('calendar feeds', () => {
  let t: TestApp;
  let coordinator: Actor;
  let partnerMember: Actor;
  let outsider: Actor;
  let network: { id: string };
  let closed: { id: string };

  beforeAll(async () => {
    t = await startTestApp({ overrides: { appRole: 'api' } });
    const partnerOrg = await makeOrganization(t);
    const otherOrg = await makeOrganization(t);
    coordinator = await makeUser(t, { role: 'coordinator' });
    partnerMember = await makeUser(t, { organizationId: partnerOrg.id, timeZone: 'America/New_York' });
    outsider = await makeUser(t, { organizationId: otherOrg.id });
    network = await makeOpportunity(coordinator, { visibility: 'network', title: 'EU child justice call' });
    closed = await makeOpportunity(coordinator, { visibility: 'participants', title: 'Confidential consortium bid' });
    await addPartner(coordinator, closed.id, { organizationId: partnerOrg.id, role: 'lead' });
    await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: network.id,
      dueAt: '2027-04-01T12:00',
      timeZone: 'Europe/Geneva',
      title: 'Concept note',
    });
  });
  afterAll(() => t.close());

  it('serves a calendar feed by secret URL with only what the user can see; regenerating revokes the old URL', async () => {
    const visible = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: closed.id,
      dueAt: '2027-05-05T17:00',
      timeZone: 'Europe/Geneva',
      title: 'Consortium budget final',
      reminderOffsets: ['P2D'],
    });
    const secretOne = await makeOpportunity(coordinator, { visibility: 'participants', title: 'Secret bid' });
    await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: secretOne.id,
      dueAt: '2027-05-06T17:00',
      title: 'Secret deadline',
    });

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
    await t
      .http()
      .get('/api/v1/calendar/00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')
      .expect(404);

    const scoped = await partnerMember.as
      .get(`/api/v1/me/calendar?subjectType=opportunity&subjectId=${network.id}`)
      .expect(200);
    const scopedIcs = parseIcs((await t.http().get(new URL(scoped.body.url).pathname).expect(200)).text);
    expect(scopedIcs.events.length).toBeGreaterThan(0);
    expect(scopedIcs.events.every((e) => e.props.URL.endsWith(`/opportunities/${network.id}`))).toBe(true);
    await outsider.as.get(`/api/v1/me/calendar?subjectType=opportunity&subjectId=${closed.id}`).expect(404);
  });

  it('attaches deadlines to submissions and their sections; the submission feed holds both, for those who may see it', async () => {
    const lead = await makeOrganization(t);
    const drafter = await makeUser(t, { organizationId: lead.id });
    const submission = await makeSubmission(coordinator, {
      leadOrganizationId: lead.id,
      visibility: 'participants',
      title: 'Joint comment on GC26',
    });
    const section = await makeSection(coordinator, submission.id, { title: 'Access to justice' });
    const onSubmission = await makeDeadline(coordinator, {
      subjectType: 'submission',
      subjectId: submission.id,
      kind: 'external',
      dueDate: '2027-02-15',
      timeZone: 'Europe/Geneva',
      title: 'Comments due to the CRC Committee',
    });
    const onSection = await makeDeadline(coordinator, {
      subjectType: 'section',
      subjectId: section.id,
      dueAt: '2027-02-01T12:00',
      timeZone: 'Asia/Phnom_Penh',
      title: 'Section draft ready',
    });
    await drafter.as.get(`/api/v1/deadlines/${onSection.id}`).expect(200);
    await outsider.as.get(`/api/v1/deadlines/${onSubmission.id}`).expect(404);
    const feed = await drafter.as
      .get(`/api/v1/me/calendar?subjectType=submission&subjectId=${submission.id}`)
      .expect(200);
    const ics = parseIcs((await t.http().get(new URL(feed.body.url).pathname).expect(200)).text);
    expect(ics.events.map((e) => e.props.UID).sort()).toEqual(
      [`${onSection.id}@cjn-tracker`, `${onSubmission.id}@cjn-tracker`].sort(),
    );
    expect(ics.events.find((e) => e.props.UID === `${onSubmission.id}@cjn-tracker`)!.raw['DTSTART;VALUE=DATE']).toBe(
      '20270215',
    );
    await outsider.as.get(`/api/v1/me/calendar?subjectType=submission&subjectId=${submission.id}`).expect(404);
  });

  it('calendar routes survive bad tokens and scopes (never 500)', async () => {
    const { problems, expectClientError } = problemCollector();
    for (const q of [
      'subjectType=opportunity',
      `subjectId=${closed.id}`,
      'subjectType=nope&subjectId=x',
      `subjectType=submission&subjectId=${closed.id}`,
      `subjectType=opportunity&subjectId=${MISSING}`,
      'subjectType=a&subjectType=b',
      `subjectType=opportunity&subjectId=${closed.id}&subjectId=${closed.id}`,
    ]) {
      expectClientError(await coordinator.as.get(`/api/v1/me/calendar?${q}`), `GET me/calendar?${q}`);
      expectClientError(await coordinator.as.post(`/api/v1/me/calendar/regenerate?${q}`), `POST regenerate?${q}`);
    }
    for (const token of badTokens(closed.id)) {
      expectClientError(await t.http().get(`/api/v1/calendar/${token}.ics`), `GET calendar ${token.slice(0, 40)}.ics`);
      expectClientError(await t.http().get(`/api/v1/calendar/${token}`), `GET calendar ${token.slice(0, 40)}`);
    }
    expect(problems).toEqual([]);
  });

  describe('every feed of a user ends with their password, and with "regenerate"', () => {
    /** The user's feed of everything and a feed of one opportunity, both working. */
    async function twoFeeds(actor: Actor): Promise<string[]> {
      const all = await actor.as.get('/api/v1/me/calendar').expect(200);
      const one = await actor.as.get(`/api/v1/me/calendar?subjectType=opportunity&subjectId=${network.id}`).expect(200);
      const paths = [all, one].map((res) => new URL(res.body.url as string).pathname);
      for (const path of paths) await t.http().get(path).expect(200);
      return paths;
    }
    const ended = async (paths: string[]) => {
      for (const path of paths) await t.http().get(path).expect(404);
    };

    it('regenerating ends the scoped feeds too, and hands out a URL that works', async () => {
      const member = await makeUser(t);
      const before = await twoFeeds(member);
      const fresh = await member.as.post('/api/v1/me/calendar/regenerate').expect(201);
      await ended(before);
      await t.http().get(new URL(fresh.body.url).pathname).expect(200);
      const scoped = await member.as
        .get(`/api/v1/me/calendar?subjectType=opportunity&subjectId=${network.id}`)
        .expect(200);
      expect(new URL(scoped.body.url).pathname).not.toBe(before[1]);
      await t.http().get(new URL(scoped.body.url).pathname).expect(200);
    });

    it('regenerating a scoped feed ends the feed of everything as well', async () => {
      const member = await makeUser(t);
      const before = await twoFeeds(member);
      await member.as
        .post(`/api/v1/me/calendar/regenerate?subjectType=opportunity&subjectId=${network.id}`)
        .expect(201);
      await ended(before);
    });

    it('an admin setting a new password ends them', async () => {
      const member = await makeUser(t);
      const admin = await makeUser(t, { role: 'admin' });
      const before = await twoFeeds(member);
      await admin.as
        .patch(`/api/v1/users/${member.user.id}`)
        .send({ password: 'a password the admin chose' })
        .expect(200);
      await ended(before);
    });

    it('the user changing their password ends them; new URLs work', async () => {
      const member = await makeUser(t);
      const before = await twoFeeds(member);
      const browser = await signIn(t, member.user.email);
      await browser
        .patch('/api/v1/me')
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'kampot pepper in the rain' })
        .expect(200);
      await ended(before);
      const fresh = await browser.get('/api/v1/me/calendar').expect(200);
      await t.http().get(new URL(fresh.body.url).pathname).expect(200);
    });

    it('a new password through a reset link ends them', async () => {
      const member = await makeUser(t);
      const before = await twoFeeds(member);
      const withHash = await t.app.get(UsersService).findWithPasswordHash(member.user.id);
      const link = t.app.get(PasswordResetService).link(withHash as typeof withHash & { passwordHash: string });
      const token = new URL(link).searchParams.get('token');
      await t
        .http()
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token, password: 'a password from the reset link' })
        .expect(200);
      await ended(before);
    });
  });
});
