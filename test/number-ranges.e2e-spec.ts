import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { makeOpportunity } from './support/opportunity-factories.js';
import { makeDeadline } from './support/reminder-factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Numbers beyond what their columns hold are refused at the boundary with a 400 naming the field, never a 500. */
describe('numbers out of range', () => {
  let t: TestApp;
  let coordinator: Actor;
  let urls: { deadline: string; section: string; submission: string };
  const TOO_BIG = [2_147_483_648, 1e308, Number.MAX_SAFE_INTEGER];

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await makeUser(t, { role: 'coordinator' });
    const org = await makeOrganization(t);
    const opp = await makeOpportunity(coordinator);
    const d = await makeDeadline(coordinator, { subjectType: 'opportunity', subjectId: opp.id, dueDate: '2031-01-31' });
    const submission = await makeSubmission(coordinator, { leadOrganizationId: org.id });
    const section = await makeSection(coordinator, submission.id);
    urls = {
      deadline: `/api/v1/deadlines/${d.id}`,
      section: `/api/v1/submissions/${submission.id}/sections/${section.id}`,
      submission: `/api/v1/submissions/${submission.id}`,
    };
  });
  afterAll(() => t.close());

  const expectFieldRefused = (res: { status: number; body: { message?: unknown } }, field: string) => {
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain(field);
  };

  it.each(TOO_BIG)('refuses version %p on a deadline and a section', async (n) => {
    expectFieldRefused(await coordinator.as.patch(urls.deadline).send({ title: 'Moved', version: n }), 'version');
    expectFieldRefused(await coordinator.as.patch(urls.section).send({ body: 'Text', version: n }), 'version');
  });

  it.each(TOO_BIG)('refuses a section position, a submission word limit and revision numbers of %p', async (n) => {
    expectFieldRefused(await coordinator.as.patch(urls.section).send({ position: n }), 'position');
    expectFieldRefused(await coordinator.as.patch(urls.submission).send({ wordLimit: n }), 'wordLimit');
    expectFieldRefused(await coordinator.as.get(`${urls.section}/revisions/diff?from=${n}`), 'from');
    expectFieldRefused(await coordinator.as.get(`${urls.section}/revisions/diff?from=1&to=${n}`), 'to');
  });

  it('answers a revision number beyond any revision with a 4xx naming it', async () => {
    const res = await coordinator.as.get(`${urls.section}/revisions/2147483648`);
    expect([400, 404]).toContain(res.status);
    expect(JSON.stringify(res.body.message)).toMatch(/version|[Rr]evision/);
  });

  it('refuses an offset beyond what a page can start at', async () => {
    expectFieldRefused(await coordinator.as.get('/api/v1/deadlines?offset=2147483648'), 'offset');
  });
});
