import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeOrganization, makeUser } from './support/factories.js';
import { makeDeadline } from './support/reminder-factories.js';
import { SmtpSink } from './support/smtp-sink.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Findings of the review of the deadlines and reminders engine, each pinned by a test. */
describe('deadlines and reminders review', () => {
  let t: TestApp;
  const smtp = new SmtpSink();
  const inAYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

  beforeAll(async () => {
    await smtp.start();
    // Workers in this process so their services can be called; nothing here is due before a year.
    t = await startTestApp({ overrides: { appRole: 'all', smtpUrl: smtp.url } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('a deadline whose section was removed does not break lists, feeds or new deadlines (no 500)', async () => {
    const org = await makeOrganization(t);
    const c = await makeUser(t, { role: 'coordinator' });
    const member = await makeUser(t, { organizationId: org.id });
    const sub = await makeSubmission(c, { leadOrganizationId: org.id, visibility: 'participants' });
    const section = await makeSection(c, sub.id);
    const d = await makeDeadline(c, { subjectType: 'section', subjectId: section.id, dueAt: inAYear() });
    await c.as.delete(`/api/v1/submissions/${sub.id}/sections/${section.id}`).expect(204);

    for (const actor of [c, member]) {
      const list = await actor.as.get('/api/v1/deadlines');
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(d.id);
      expect((await actor.as.get(`/api/v1/deadlines?subjectType=section&subjectId=${section.id}`)).status).toBe(200);
      expect((await actor.as.get(`/api/v1/deadlines/${d.id}`)).status).toBe(404);
      const feed = await actor.as.get('/api/v1/me/calendar').expect(200);
      const ics = await t.http().get(new URL(feed.body.url).pathname);
      expect(ics.status).toBe(200);
      expect(ics.text).not.toContain(d.id);
    }
    const again = await c.as
      .post('/api/v1/deadlines')
      .send({ subjectType: 'section', subjectId: section.id, title: 'x', kind: 'internal', dueAt: inAYear(), timeZone: 'Europe/Geneva' });
    expect(again.status).toBe(404);
  });
});
