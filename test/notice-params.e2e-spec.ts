import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NoticeParams1764400000000 } from '../migrations/1764400000000-notice-params.js';
import { ReminderFiring } from '../src/reminders/reminder-firing.service.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { makeDeadline, setNotificationPrefs } from './support/reminder-factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  params: Record<string, unknown> | null;
}

/** In-app notices keep their kind's params, so the reader's language writes them when they are read. */
describe('in-app notices keep what they say as params', () => {
  let t: TestApp;
  let coordinator: Actor;
  let sophea: Actor;
  let orgId: string;
  const inbox = async (actor: Actor) =>
    (await actor.as.get('/api/v1/notifications?limit=100').expect(200)).body.items as Notice[];

  beforeAll(async () => {
    t = await startTestApp({ overrides: { appRole: 'all' } });
    coordinator = await makeUser(t, { role: 'coordinator', name: 'Sokha Coordinator' });
    await setNotificationPrefs(t, coordinator.user.id, { channels: [] });
    orgId = (await makeOrganization(t, { name: 'Legal Aid of Cambodia' })).id;
    sophea = await makeUser(t, { organizationId: orgId, name: 'Sophea Partner', language: 'km' });
    await setNotificationPrefs(t, sophea.user.id, { channels: ['inApp'] });
  });
  afterAll(() => t.close());

  it('a reminder’s notice stores the deadline as it was, its zone, its offset and its record’s title', async () => {
    const opp = await makeOpportunity(coordinator, { title: 'EU child justice call', visibility: 'participants' });
    await addPartner(coordinator, opp.id, { organizationId: orgId, role: 'lead', contactUserIds: [sophea.user.id] });
    const d = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: opp.id,
      title: 'Concept note',
      kind: 'external',
      dueDate: '2031-03-01',
      timeZone: 'Europe/Geneva',
      reminderOffsets: ['P7D'],
      assigneeIds: [sophea.user.id],
    });
    const [[reminder]] = await t.db.query(
      `UPDATE reminders SET fire_at = now() WHERE deadline_id = $1 RETURNING id, version`,
      [d.id],
    );
    await t.app.get(ReminderFiring).fire(reminder.id, reminder.version);

    const notice = (await inbox(sophea)).find((n) => n.kind === 'deadline.reminder')!;
    expect(notice.params).toEqual({
      deadlineId: d.id,
      deadline: 'Concept note',
      deadlineKind: 'external',
      dueAt: d.dueAt,
      dueDate: '2031-03-01',
      timeZone: d.timeZone,
      offset: 'P7D',
      subjectType: 'opportunity',
      subject: 'EU child justice call',
    });
    // The stored text stays, in the recipient's language of the time, for API clients.
    expect(notice.title).toMatch(/[\u1780-\u17FF]/);
  });

  it('a mention stores who mentioned whom, in which section of which submission, and the comment', async () => {
    const submission = await makeSubmission(coordinator, { leadOrganizationId: orgId });
    const section = await makeSection(coordinator, submission.id, { title: 'Children in detention' });
    const comment = await coordinator.as
      .post(`/api/v1/submissions/${submission.id}/sections/${section.id}/comments`)
      .send({
        body: `Please check the figures @[${sophea.user.name}](${sophea.user.id})`,
        mentionedUserIds: [sophea.user.id],
      })
      .expect(201);

    const notice = (await inbox(sophea)).find((n) => n.kind === 'mention')!;
    expect(notice.params).toEqual({
      actorId: coordinator.user.id,
      actor: 'Sokha Coordinator',
      submissionId: submission.id,
      sectionId: section.id,
      section: 'Children in detention',
      commentId: comment.body.id,
    });
    expect(notice.body).toContain('Please check the figures');
  });

  it('an invitation stores the organisation, the call and the role', async () => {
    const opp = await makeOpportunity(coordinator, { title: 'UNICEF grant', visibility: 'network' });
    const partner = await addPartner(coordinator, opp.id, { organizationId: orgId, role: 'co_applicant' });
    const notice = (await inbox(sophea)).find((n) => n.params?.opportunityId === opp.id)!;
    expect(notice.params).toEqual({
      partnerId: partner.id,
      organizationId: orgId,
      organization: 'Legal Aid of Cambodia',
      opportunityId: opp.id,
      opportunity: 'UNICEF grant',
      role: 'co_applicant',
    });
  });

  it('the migration reads back from older rows the params the server stores, and leaves the rest null', async () => {
    const before = await inbox(sophea);
    expect(new Set(before.map((n) => n.kind))).toEqual(new Set(['deadline.reminder', 'mention', 'partner.invited']));
    // A notice about a deadline that moved after it was written no longer says what the deadline says.
    const moved = await makeDeadline(coordinator, {
      subjectType: 'opportunity',
      subjectId: (await makeOpportunity(coordinator, { title: 'OECD consultation' })).id,
      title: 'Response',
      dueAt: '2031-05-01T10:00:00.000Z',
      reminderOffsets: ['P1D'],
      assigneeIds: [sophea.user.id],
    });
    const [[reminder]] = await t.db.query(
      `UPDATE reminders SET fire_at = now() WHERE deadline_id = $1 RETURNING id, version`,
      [moved.id],
    );
    await t.app.get(ReminderFiring).fire(reminder.id, reminder.version);
    await coordinator.as.patch(`/api/v1/deadlines/${moved.id}`).send({ dueAt: '2031-05-08T10:00:00.000Z' }).expect(200);

    const runner = t.db.createQueryRunner();
    try {
      const migration = new NoticeParams1764400000000();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const after = new Map((await inbox(sophea)).map((n) => [n.id, n]));
    for (const notice of before) expect(after.get(notice.id)?.params).toEqual(notice.params);
    const stale = [...after.values()].find((n) => n.title.includes('Response'))!;
    expect(stale.params).toBeNull();
  });
});
