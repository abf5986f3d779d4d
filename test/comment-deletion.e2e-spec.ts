import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('a deleted comment leaves no text behind', () => {
  let t: TestApp;
  let coordinator: Actor;
  let submission: { id: string };
  let section: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await makeUser(t, { role: 'coordinator' });
    const lead = await makeOrganization(t);
    submission = await makeSubmission(coordinator, { leadOrganizationId: lead.id });
    section = await makeSection(coordinator, submission.id);
  });
  afterAll(() => t.close());

  const comments = () => `/api/v1/submissions/${submission.id}/sections/${section.id}/comments`;
  const activityText = async () =>
    JSON.stringify(
      (await coordinator.as.get(`/api/v1/submissions/${submission.id}/activity?limit=100`).expect(200)).body,
    );

  it('takes a thread’s text, its edits and its replies out of the activity, and keeps everything else', async () => {
    const kept = await coordinator.as.post(comments()).send({ body: 'Kept: the 2025 figures are in.' }).expect(201);
    await coordinator.as
      .patch(`${comments()}/${kept.body.id}`)
      .send({ body: 'Kept: the 2025 figures are in, with sources.' })
      .expect(200);
    const thread = await coordinator.as.post(comments()).send({ body: 'Secret draft wording one' }).expect(201);
    await coordinator.as
      .patch(`${comments()}/${thread.body.id}`)
      .send({ body: 'Secret draft wording two' })
      .expect(200);
    const reply = await coordinator.as
      .post(comments())
      .send({ body: 'Secret reply wording', parentId: thread.body.id })
      .expect(201);
    await coordinator.as.patch(`${comments()}/${reply.body.id}`).send({ body: 'Secret reply edited' }).expect(200);
    expect(await activityText()).toContain('Secret draft wording');

    await coordinator.as.delete(`${comments()}/${thread.body.id}`).expect(204);
    const after = await activityText();
    expect(after).not.toMatch(/Secret/);
    expect(after).toContain('comment.deleted');
    expect(after).toContain('Kept: the 2025 figures are in, with sources.');
  });

  it('still refuses any other rewrite of the activity log', async () => {
    const [row] = await t.db.query(`SELECT id FROM activity WHERE changes <> '{}'::jsonb LIMIT 1`);
    await expect(t.db.query(`UPDATE activity SET summary = 'rewritten' WHERE id = $1`, [row.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query(`UPDATE activity SET changes = '{}'::jsonb WHERE id = $1`, [row.id])).rejects.toThrow(
      /append-only/,
    );
  });
});
