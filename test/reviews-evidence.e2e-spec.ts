import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { PDF_BYTES } from './support/opportunity-factories.js';
import { importDemo, makeReview } from './support/review-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A partner attaches a file to an assessment; its readers download it from the history. */
describe('reviews: files of evidence for an assessment', () => {
  let t: TestApp;
  let coordinator: Actor;

  beforeAll(async () => {
    t = await startTestApp({ overrides: { appRole: 'api', maxUploadBytes: 64 * 1024 } });
    coordinator = await makeUser(t, { role: 'coordinator' });
  });
  afterAll(() => t.close());

  it('a member of a following organisation uploads a file, names it as evidence, and readers download it', async () => {
    const review = await makeReview(coordinator);
    const recommendation = (await importDemo(coordinator, review.id)).get('48(b)')!;
    const org = await makeOrganization(t);
    await coordinator.as
      .patch(`/api/v1/recommendations/${recommendation.id}`)
      .send({ followingOrganizationIds: [org.id] })
      .expect(200);
    const member = await makeUser(t, { organizationId: org.id });

    const stored = await member.as
      .post(`/api/v1/recommendations/${recommendation.id}/evidence-files`)
      .attach('file', PDF_BYTES, 'ច្បាប់ legal aid.pdf')
      .expect(201);
    expect(stored.body).toMatchObject({ name: 'ច្បាប់ legal aid.pdf', contentType: 'application/pdf' });
    await member.as
      .post(`/api/v1/recommendations/${recommendation.id}/assessments`)
      .send({ status: 'in_progress', summary: 'Decree signed', evidence: [{ fileId: stored.body.id }] })
      .expect(201);

    const detail = await coordinator.as.get(`/api/v1/recommendations/${recommendation.id}`).expect(200);
    expect(detail.body.history[0].evidence).toEqual([{ fileId: stored.body.id, fileName: 'ច្បាប់ legal aid.pdf' }]);
    const download = await coordinator.as
      .get(`/api/v1/recommendations/${recommendation.id}/evidence-files/${stored.body.id}`)
      .expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('refuses an upload from someone who may not assess, and a file no assessment of it names', async () => {
    const review = await makeReview(coordinator);
    const recommendation = (await importDemo(coordinator, review.id)).get('48(b)')!;
    const outsider = await makeUser(t, { organizationId: (await makeOrganization(t)).id });
    await outsider.as
      .post(`/api/v1/recommendations/${recommendation.id}/evidence-files`)
      .attach('file', PDF_BYTES, 'a.pdf')
      .expect(403);
    // Refused before the file is read: told "may not", not "too big".
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(65 * 1024, 0x20)]);
    const tooBig = await outsider.as
      .post(`/api/v1/recommendations/${recommendation.id}/evidence-files`)
      .attach('file', big, 'big.pdf');
    expect(tooBig.status).toBe(403);
    const fromCoordinator = await coordinator.as
      .post(`/api/v1/recommendations/${recommendation.id}/evidence-files`)
      .attach('file', big, 'big.pdf');
    expect(fromCoordinator.status).toBe(413);
    const stored = await coordinator.as
      .post(`/api/v1/recommendations/${recommendation.id}/evidence-files`)
      .attach('file', PDF_BYTES, 'a.pdf')
      .expect(201);
    // Uploaded but named by no assessment: not served through this recommendation.
    await coordinator.as
      .get(`/api/v1/recommendations/${recommendation.id}/evidence-files/${stored.body.id}`)
      .expect(404);
    const empty = await coordinator.as
      .post(`/api/v1/recommendations/${recommendation.id}/evidence-files`)
      .attach('file', Buffer.alloc(0), 'empty.pdf');
    expect(empty.status).toBe(415);
  });
});
