import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { STAGES, type Stage } from '../shared/opportunity.workflow.js';
import { SUBMISSION_STATUSES, type SubmissionStatus } from '../shared/submission.workflow.js';
import type { Role } from '../src/users/user.entity.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { makeOpportunity } from './support/opportunity-factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The pairing of `can` and the rules: every action a record's `can` offers its reader is carried out
 * for that reader, and every action it leaves out is refused. The web app shows only what `can` offers.
 */
describe('what a reader may do (can.*) is what the server then allows', () => {
  let t: TestApp;
  let coordinator: Actor;
  let leadOrg: { id: string };
  let partnerOrg: { id: string };
  const people = {} as Record<string, Actor>;

  beforeAll(async () => {
    t = await startTestApp();
    leadOrg = await makeOrganization(t);
    partnerOrg = await makeOrganization(t);
    coordinator = await makeUser(t, { role: 'coordinator' });
    people.admin = await makeUser(t, { role: 'admin' });
    people.coordinator = coordinator;
    people.leadMember = await makeUser(t, { role: 'member', organizationId: leadOrg.id });
    people.partnerMember = await makeUser(t, { role: 'member', organizationId: partnerOrg.id });
    people.partnerViewer = await makeUser(t, { role: 'viewer', organizationId: partnerOrg.id });
  });
  afterAll(() => t.close());

  const refused = (res: Response) => expect([400, 403, 404, 409]).toContain(res.status);

  describe('opportunities: can.move, can.edit, can.archive', () => {
    const readers: Role[] = ['viewer', 'member', 'coordinator', 'admin'];
    let actors: Record<string, Actor>;
    beforeAll(async () => {
      actors = {
        viewer: people.partnerViewer,
        member: people.partnerMember,
        coordinator: people.coordinator,
        admin: people.admin,
      };
    });

    const opportunityIn = async (stage: Stage) => {
      const opportunity = await makeOpportunity(coordinator, { title: `Call in ${stage}` });
      await t.db.query(`UPDATE opportunities SET stage = $1 WHERE id = $2`, [stage, opportunity.id]);
      return opportunity.id;
    };
    const move = (actor: Actor, id: string, to: Stage) =>
      actor.as.post(`/api/v1/opportunities/${id}/transitions`).send({
        to,
        ...(to === 'awarded' ? { awardedAmount: '1000.00' } : {}),
        // A submit that its readiness blocks is offered to coordinators with an override.
        ...(to === 'submitted' ? { override: true, reason: 'The funder extended the checks' } : {}),
      });

    it.each(readers)('a %s is offered exactly the moves they may make, from every stage', async (role) => {
      const actor = actors[role];
      for (const stage of STAGES) {
        const id = await opportunityIn(stage);
        const { body } = await actor.as.get(`/api/v1/opportunities/${id}`).expect(200);
        const listed = await actor.as.get(
          `/api/v1/opportunities?q=${encodeURIComponent(`Call in ${stage}`)}&limit=100`,
        );
        expect(listed.body.items.find((o: { id: string }) => o.id === id).can).toEqual(body.can);
        for (const to of STAGES.filter((s) => !body.can.move.includes(s))) refused(await move(actor, id, to));
        for (const to of body.can.move as Stage[]) {
          const fresh = await opportunityIn(stage);
          const res = await move(actor, fresh, to);
          expect({ stage, to, status: res.status, body: res.body }).toMatchObject({ status: 200 });
        }
        if (role === 'viewer' || role === 'member') expect(body.can).toMatchObject({ move: [], edit: false });
      }
    });

    it.each(readers)('a %s may edit and archive exactly when offered', async (role) => {
      const actor = actors[role];
      const id = await opportunityIn('identified');
      const { body } = await actor.as.get(`/api/v1/opportunities/${id}`).expect(200);
      expect(body.canEdit).toBe(body.can.edit);
      const edit = await actor.as.patch(`/api/v1/opportunities/${id}`).send({ title: 'Renamed call' });
      if (body.can.edit) expect(edit.status).toBe(200);
      else refused(edit);
      const archive = await actor.as.delete(`/api/v1/opportunities/${id}`);
      if (body.can.archive) expect(archive.status).toBe(204);
      else refused(archive);
    });

    it('an archived opportunity offers nothing', async () => {
      const id = await opportunityIn('screening');
      await coordinator.as.delete(`/api/v1/opportunities/${id}`).expect(204);
      const { body } = await coordinator.as.get(`/api/v1/opportunities/${id}`).expect(200);
      expect(body.can).toEqual({ edit: false, move: [], override: false, archive: false });
      refused(await move(coordinator, id, 'preparing'));
    });
  });

  describe('submissions: can.move, can.withdraw, can.edit, can.endorse, can.comment', () => {
    const readers = ['partnerViewer', 'partnerMember', 'leadMember', 'coordinator'] as const;

    /** A submission led by `leadOrg` with `partnerOrg` co-drafting, one ready section, moved to `status`. */
    const submissionIn = async (status: SubmissionStatus) => {
      const submission = await makeSubmission(coordinator, {
        title: `Submission in ${status}`,
        leadOrganizationId: leadOrg.id,
        partnerOrganizationIds: [partnerOrg.id],
      });
      const section = await makeSection(coordinator, submission.id, { title: 'Recommendations' });
      await t.db.query(`UPDATE submission_sections SET status = 'ready' WHERE id = $1`, [section.id]);
      await t.db.query(`UPDATE submissions SET status = $1 WHERE id = $2`, [status, submission.id]);
      return { id: submission.id, sectionId: section.id };
    };
    const move = (actor: Actor, id: string, to: SubmissionStatus) =>
      actor.as.post(`/api/v1/submissions/${id}/transitions`).send({ to });

    it.each(readers)('a %s is offered exactly the moves they may make, from every status', async (reader) => {
      const actor = people[reader];
      for (const status of SUBMISSION_STATUSES) {
        const { id } = await submissionIn(status);
        const { body } = await actor.as.get(`/api/v1/submissions/${id}`).expect(200);
        expect(body.can.withdraw).toBe(body.can.move.includes('withdrawn'));
        for (const to of SUBMISSION_STATUSES.filter((s) => !body.can.move.includes(s))) {
          refused(await move(actor, id, to));
        }
        for (const to of body.can.move as SubmissionStatus[]) {
          const fresh = await submissionIn(status);
          const res = await move(actor, fresh.id, to);
          // Offered means allowed for this reader; a condition of the move (signers missing) may still hold it
          // back with its own code, which a coordinator may override with a reason.
          if (res.status === 409) expect(res.body.details?.code).toBe('submission.conditionsNotMet');
          else expect({ status, to, status_: res.status, body: res.body }).toMatchObject({ status_: 200 });
        }
      }
    });

    it.each(readers)('a %s may edit, sign on and comment exactly when offered', async (reader) => {
      const actor = people[reader];
      const { id, sectionId } = await submissionIn('drafting');
      const { body } = await actor.as.get(`/api/v1/submissions/${id}`).expect(200);
      const edit = await actor.as.patch(`/api/v1/submissions/${id}`).send({ title: 'Renamed submission' });
      if (body.can.edit) expect(edit.status).toBe(200);
      else refused(edit);
      const comment = await actor.as
        .post(`/api/v1/submissions/${id}/sections/${sectionId}/comments`)
        .send({ body: 'Please add the 2025 figures.' });
      if (body.can.comment) expect(comment.status).toBe(201);
      else refused(comment);
      const endorse = await actor.as.post(`/api/v1/submissions/${id}/endorsements`).send({});
      if (body.can.endorse) expect(endorse.status).toBe(201);
      else refused(endorse);
      const after = await actor.as.get(`/api/v1/submissions/${id}`).expect(200);
      expect(after.body.can.endorse).toBe(false);
    });

    it('an archived submission offers nothing, and refuses each action', async () => {
      const { id, sectionId } = await submissionIn('drafting');
      await coordinator.as.delete(`/api/v1/submissions/${id}`).expect(204);
      const { body } = await coordinator.as.get(`/api/v1/submissions/${id}`).expect(200);
      expect(body.can).toEqual({
        edit: false,
        move: [],
        override: false,
        withdraw: false,
        endorse: false,
        comment: false,
      });
      refused(await move(coordinator, id, 'review'));
      refused(await coordinator.as.patch(`/api/v1/submissions/${id}`).send({ title: 'Renamed' }));
      refused(await coordinator.as.post(`/api/v1/submissions/${id}/endorsements`).send({}));
      refused(
        await coordinator.as.post(`/api/v1/submissions/${id}/sections/${sectionId}/comments`).send({ body: 'Still?' }),
      );
    });

    it('a submitted submission offers no signing on', async () => {
      const { id } = await submissionIn('submitted');
      const { body } = await people.partnerMember.as.get(`/api/v1/submissions/${id}`).expect(200);
      expect(body.can).toMatchObject({ endorse: false, move: [], withdraw: false });
      refused(await people.partnerMember.as.post(`/api/v1/submissions/${id}/endorsements`).send({}));
    });
  });

  describe('the channels a server can deliver through', () => {
    it('are named on /me, so the web app does not offer the others', async () => {
      const { body } = await coordinator.as.get('/api/v1/me').expect(200);
      expect(body.channels).toEqual({ email: false, telegram: false });
      const other = await startTestApp({
        overrides: { smtpUrl: 'smtp://127.0.0.1:2525', telegramBotToken: '123:test-token' },
      });
      try {
        const someone = await makeUser(other);
        const me = await someone.as.get('/api/v1/me').expect(200);
        expect(me.body.channels).toEqual({ email: true, telegram: true });
        const patched = await someone.as.patch('/api/v1/me').send({ name: 'Sophea Chan' }).expect(200);
        expect(patched.body.channels).toEqual({ email: true, telegram: true });
      } finally {
        await other.close();
      }
    });
  });
});
