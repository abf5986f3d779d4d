import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { CONCLUDING_OBSERVATIONS, importDemo, makeReview } from './support/review-factories.js';
import { binary, unzipEntry } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface DeadlineRow {
  id: string;
  title: string;
  kind: string;
  status: string;
  dueDate: string | null;
  timeZone: string;
  subjectType: string;
  subjectId: string;
  parentId: string | null;
  templateId: string | null;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('reviews: dates become deadlines, pasted recommendations are imported, assessed and exported', () => {
  let t: TestApp;
  let coordinator: Actor;
  /** A day `days` from the app's today, YYYY-MM-DD. */
  const day = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const addDays = (date: string, days: number) =>
    new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestApp({ overrides: { appRole: 'api' } });
    coordinator = await makeUser(t, { role: 'coordinator' });
  });
  afterAll(() => t.close());

  async function deadlinesOf(reviewId: string): Promise<DeadlineRow[]> {
    const res = await coordinator.as
      .get(`/api/v1/deadlines?subjectType=review&subjectId=${reviewId}&limit=100`)
      .expect(200);
    return res.body.items;
  }

  describe('dates and deadlines', () => {
    it('makes each date a deadline of the review, with its template’s steps and reminders', async () => {
      const preSession = day(400);
      const review = await makeReview(coordinator, {
        dates: [
          { kind: 'follow_up_report', date: day(200) },
          { kind: 'pre_session', date: preSession },
          { kind: 'session', date: day(500) },
          { kind: 'other', date: day(300), label: 'Debrief with Committee members' },
        ],
      });
      expect(review.dates.map((d) => d.kind)).toEqual(['follow_up_report', 'pre_session', 'session', 'other']);
      const deadlines = await deadlinesOf(review.id);
      const anchors = deadlines.filter((d) => d.templateId?.startsWith('review.date:'));
      expect(anchors).toHaveLength(4);
      expect(deadlines.every((d) => d.subjectType === 'review' && d.subjectId === review.id)).toBe(true);
      const session = anchors.find((d) => d.title.startsWith('Pre-sessional'))!;
      expect(session).toMatchObject({
        kind: 'external',
        status: 'open',
        dueDate: preSession,
        timeZone: 'Europe/Zurich',
      });
      // the CRC alternative report's six steps before the pre-session, the follow-up template's five before the report
      expect(deadlines.filter((d) => d.templateId === 'crc-alternative-report')).toHaveLength(6);
      expect(deadlines.filter((d) => d.templateId === 'recommendations-follow-up')).toHaveLength(5);
      expect(deadlines).toHaveLength(4 + 6 + 5);
      const submitted = deadlines.find((d) => d.title === 'Alternative report submitted to the CRC Committee')!;
      expect(submitted).toMatchObject({ parentId: session.id, kind: 'external', dueDate: addDays(preSession, -90) });
      const reminders = await coordinator.as.get(`/api/v1/deadlines/${session.id}/reminders`).expect(200);
      expect(reminders.body.items.map((r: { status: string }) => r.status)).toEqual([
        'scheduled',
        'scheduled',
        'scheduled',
        'scheduled',
      ]);
      expect(anchors.map((d) => d.title)).toContain('Debrief with Committee members: CRC review of Cambodia (demo)');
    });

    it('moving a date moves its deadline and the steps before it; taking a date off cancels them', async () => {
      const preSession = day(400);
      const review = await makeReview(coordinator, {
        dates: [
          { kind: 'pre_session', date: preSession },
          { kind: 'session', date: day(500) },
        ],
      });
      const before = await deadlinesOf(review.id);
      const moved = addDays(preSession, 30);
      const res = await coordinator.as
        .patch(`/api/v1/reviews/${review.id}`)
        .send({ dates: [{ kind: 'pre_session', date: moved }] })
        .expect(200);
      expect(res.body.dates).toEqual([expect.objectContaining({ kind: 'pre_session', date: moved })]);
      const after = await deadlinesOf(review.id);
      expect(after.map((d) => d.id).sort()).toEqual(before.map((d) => d.id).sort());
      const anchor = after.find((d) => d.title.startsWith('Pre-sessional'))!;
      expect(anchor).toMatchObject({ dueDate: moved, status: 'open' });
      for (const step of after.filter((d) => d.parentId === anchor.id)) {
        const was = before.find((d) => d.id === step.id)!;
        expect(step.dueDate).toBe(addDays(was.dueDate!, 30));
      }
      expect(after.find((d) => d.title.startsWith('Session'))!.status).toBe('cancelled');
      // the date's own deadline moves only with the review's date
      const refused = await coordinator.as
        .patch(`/api/v1/deadlines/${anchor.id}`)
        .send({ dueDate: addDays(moved, 1) })
        .expect(409);
      expect(refused.body.code).toBe('deadline.drivenByReviewDate');
      await coordinator.as.patch(`/api/v1/deadlines/${anchor.id}`).send({ title: 'Pre-session in Geneva' }).expect(200);
      const activity = await coordinator.as.get(`/api/v1/reviews/${review.id}/activity`).expect(200);
      expect(activity.body.items.map((a: { action: string }) => a.action)).toEqual(
        expect.arrayContaining([
          'review.created',
          'review.updated',
          'deadline.created',
          'deadline.moved',
          'deadline.cancelled',
        ]),
      );
    });

    it('refuses bad dates and an unnamed "other", naming the field', async () => {
      const bad = async (body: Record<string, unknown>, field: string) => {
        const res = await coordinator.as
          .post('/api/v1/reviews')
          .send({ mechanism: 'crc', name: 'x', visibility: 'network', ...body })
          .expect(400);
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      };
      await bad({ dates: [{ kind: 'other', date: day(10) }] }, 'dates.0.label');
      await bad({ dates: [{ kind: 'session', date: '2027-02-30' }] }, 'dates.0.date');
      await bad({ dates: [{ kind: 'deadline', date: day(10) }] }, 'dates.0.kind');
      await bad({ mechanism: 'other' }, 'mechanismName');
      await bad({ adoptedOn: 'yesterday' }, 'adoptedOn');
      await bad({ surprise: true }, 'surprise');
      const other = await makeReview(coordinator, { mechanism: 'other', mechanismName: 'Special Rapporteur (demo)' });
      const res = await coordinator.as.patch(`/api/v1/reviews/${other.id}`).send({ mechanismName: null }).expect(400);
      expect(res.body.details[0]).toMatchObject({ field: 'mechanismName' });
    });
  });

  describe('importing pasted Concluding Observations', () => {
    it('a dry run answers the preview and saves nothing', async () => {
      const review = await makeReview(coordinator);
      const res = await coordinator.as
        .post(`/api/v1/reviews/${review.id}/recommendations/import`)
        .send({ text: CONCLUDING_OBSERVATIONS, dryRun: true })
        .expect(200);
      expect(res.body).toMatchObject({ dryRun: true, created: 39, updated: 0, unchanged: 0 });
      expect(res.body.counts).toMatchObject({ items: 39, paragraphs: 17, subItems: 22, urgent: 18 });
      expect(res.body.items.find((i: { paragraph: string }) => i.paragraph === '48(b)')).toMatchObject({
        parent: '48',
        urgent: true,
        cluster: expect.stringMatching(/^J\. Special protection measures/),
      });
      expect(res.body.unplaced).toHaveLength(1);
      const list = await coordinator.as.get(`/api/v1/reviews/${review.id}/recommendations`).expect(200);
      expect(list.body.total).toBe(0);
    });

    it('saves every recommendation with its sub-items, clusters and urgency; the same text again changes nothing', async () => {
      const review = await makeReview(coordinator);
      const first = await coordinator.as
        .post(`/api/v1/reviews/${review.id}/recommendations/import`)
        .send({ text: CONCLUDING_OBSERVATIONS, dryRun: false })
        .expect(200);
      expect(first.body).toMatchObject({ dryRun: false, created: 39, updated: 0, unchanged: 0 });
      const list = await coordinator.as.get(`/api/v1/reviews/${review.id}/recommendations?limit=100`).expect(200);
      expect(list.body.total).toBe(39);
      expect(list.body.items.slice(0, 3).map((r: { paragraph: string }) => r.paragraph)).toEqual(['4', '5', '6']);
      const stamps = await t.db.query(`SELECT id, updated_at FROM recommendations WHERE review_id = $1 ORDER BY id`, [
        review.id,
      ]);

      const again = await coordinator.as
        .post(`/api/v1/reviews/${review.id}/recommendations/import`)
        .send({ text: CONCLUDING_OBSERVATIONS, dryRun: false })
        .expect(200);
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 39 });
      expect(
        await t.db.query(`SELECT id, updated_at FROM recommendations WHERE review_id = $1 ORDER BY id`, [review.id]),
      ).toEqual(stamps);
      const [{ count }] = await t.db.query(
        `SELECT count(*)::int AS count FROM activity WHERE subject_id = $1 AND action = 'review.recommendations_imported'`,
        [review.id],
      );
      expect(count).toBe(1);

      const urgent = await coordinator.as
        .get(`/api/v1/reviews/${review.id}/recommendations?urgent=true&limit=100`)
        .expect(200);
      expect(urgent.body.total).toBe(18);
      const cluster = list.body.items.find((r: { paragraph: string }) => r.paragraph === '48').cluster;
      const justice = await coordinator.as
        .get(`/api/v1/reviews/${review.id}/recommendations`)
        .query({ cluster, limit: 100 })
        .expect(200);
      expect(justice.body.items.map((r: { paragraph: string }) => r.paragraph)).toEqual([
        '48',
        '48(a)',
        '48(b)',
        '48(c)',
        '48(d)',
        '48(e)',
        '48(f)',
        '50',
        '55',
        '56',
      ]);
    });

    it('saves all or nothing: a failure on one row leaves none saved', async () => {
      const review = await makeReview(coordinator);
      await t.db.query(`
        CREATE FUNCTION refuse_48f() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.paragraph = '48(f)' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
      await t.db.query(
        `CREATE TRIGGER refuse_48f BEFORE INSERT ON recommendations FOR EACH ROW EXECUTE FUNCTION refuse_48f()`,
      );
      try {
        const res = await coordinator.as
          .post(`/api/v1/reviews/${review.id}/recommendations/import`)
          .send({ text: CONCLUDING_OBSERVATIONS, dryRun: false });
        expect(res.status).toBe(500);
      } finally {
        await t.db.query(`DROP TRIGGER refuse_48f ON recommendations`);
        await t.db.query(`DROP FUNCTION refuse_48f()`);
      }
      const list = await coordinator.as.get(`/api/v1/reviews/${review.id}/recommendations`).expect(200);
      expect(list.body.total).toBe(0);
    });

    it('imports the CSV export of one review into another, with the same dry run, and again changes nothing', async () => {
      const source = await makeReview(coordinator);
      await importDemo(coordinator, source.id);
      const csv = (await coordinator.as.get(`/api/v1/reviews/${source.id}/export.csv`).expect(200)).text;
      const target = await makeReview(coordinator, { name: 'Copy of the demo review' });
      const url = `/api/v1/reviews/${target.id}/recommendations/import`;
      const preview = await coordinator.as.post(url).send({ text: csv, dryRun: true, format: 'csv' }).expect(200);
      expect(preview.body).toMatchObject({ created: 39, unplaced: [] });
      expect((await coordinator.as.get(`/api/v1/reviews/${target.id}/recommendations`)).body.total).toBe(0);
      await coordinator.as.post(url).send({ text: csv, dryRun: false, format: 'csv' }).expect(200);
      const again = await coordinator.as.post(url).send({ text: csv, dryRun: false, format: 'csv' }).expect(200);
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 39 });
      const urgent = await coordinator.as.get(`/api/v1/reviews/${target.id}/recommendations?urgent=true`).expect(200);
      expect(urgent.body.total).toBe(18);
      const bad = await coordinator.as.post(url).send({ text: 'a,b\n1,2', dryRun: true, format: 'csv' }).expect(400);
      expect(bad.body.details[0]).toMatchObject({ field: 'text', code: 'wrong_format' });
    });

    it('keeps a Khmer translation pasted below the English beside it, and a later Khmer paste fills it in', async () => {
      const review = await makeReview(coordinator);
      const url = `/api/v1/reviews/${review.id}/recommendations/import`;
      const english =
        '48. Demo text: the Committee recommends that the State party:\n(a) Raise the age;\n(b) Provide legal aid.';
      const khmer = '៤៨. អត្ថបទសាកល្បង៖ គណៈកម្មាធិការផ្តល់អនុសាសន៍ដល់រដ្ឋភាគី៖\n(ក) បង្កើនអាយុ;\n(ខ) ផ្តល់ជំនួយផ្លូវច្បាប់។';
      await coordinator.as.post(url).send({ text: english, dryRun: false }).expect(200);
      const both = await coordinator.as
        .post(url)
        .send({ text: `${english}\n\n${khmer}`, dryRun: false })
        .expect(200);
      expect(both.body).toMatchObject({ created: 0, updated: 3, unchanged: 0 });
      const list = await coordinator.as.get(`/api/v1/reviews/${review.id}/recommendations`).expect(200);
      expect(list.body.items[2]).toMatchObject({
        paragraph: '48(b)',
        text: 'Provide legal aid.',
        textKm: 'ផ្តល់ជំនួយផ្លូវច្បាប់។',
      });
      // the English alone again leaves the Khmer text where it is
      const again = await coordinator.as.post(url).send({ text: english, dryRun: false }).expect(200);
      expect(again.body).toMatchObject({ updated: 0, unchanged: 3 });
    });

    it('refuses an empty paste and one over 1 MB with a 400 naming the limit; a larger body is a 413', async () => {
      const review = await makeReview(coordinator);
      const url = `/api/v1/reviews/${review.id}/recommendations/import`;
      for (const text of ['', '   \n  ']) {
        const res = await coordinator.as.post(url).send({ text, dryRun: true }).expect(400);
        expect(res.body.details).toEqual([expect.objectContaining({ field: 'text', params: { maxBytes: 1048576 } })]);
        expect(res.body.message).toMatch(/1 MB/);
      }
      const big = await coordinator.as
        .post(url)
        .send({ text: `5. ${'x'.repeat(1024 * 1024)}`, dryRun: true })
        .expect(400);
      expect(big.body.message).toMatch(/1 MB \(1048576 bytes\)/);
      const huge = await coordinator.as
        .post(url)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ text: 'x'.repeat(4 * 1024 * 1024), dryRun: true }))
        .expect(413);
      expect(huge.body.message).toMatch(/3mb/);
      await coordinator.as.post(url).send({ text: 'x', dryRun: 'yes' }).expect(400);
      const member = await makeUser(t);
      await member.as.post(url).send({ text: CONCLUDING_OBSERVATIONS, dryRun: true }).expect(403);
    });
  });

  describe('assessments and who may do what', () => {
    let reviewId: string;
    let recommendations: Map<string, { id: string }>;
    let following: Actor;
    let followingViewer: Actor;
    let otherMember: Actor;
    let ministryId: string;
    let followingOrgId: string;

    beforeAll(async () => {
      const followingOrg = await makeOrganization(t);
      const otherOrg = await makeOrganization(t);
      const ministry = await makeOrganization(t, { name: 'Ministry of Justice (demo)', kind: 'government' });
      followingOrgId = followingOrg.id;
      ministryId = ministry.id;
      following = await makeUser(t, { organizationId: followingOrg.id });
      followingViewer = await makeUser(t, { role: 'viewer', organizationId: followingOrg.id });
      otherMember = await makeUser(t, { organizationId: otherOrg.id });
      const review = await makeReview(coordinator, {
        visibility: 'participants',
        dates: [{ kind: 'session', date: day(100) }],
      });
      reviewId = review.id;
      recommendations = await importDemo(coordinator, reviewId);
      await coordinator.as
        .patch(`/api/v1/recommendations/${recommendations.get('48(b)')!.id}`)
        .send({
          tags: ['child justice', 'legal aid'],
          responsibleOrganizationIds: [ministry.id],
          followingOrganizationIds: [followingOrg.id],
        })
        .expect(200);
    });

    it('a coordinator sets tags and organisations; responsible bodies must be government', async () => {
      const id = recommendations.get('48(c)')!.id;
      const cso = await makeOrganization(t);
      const res = await coordinator.as
        .patch(`/api/v1/recommendations/${id}`)
        .send({ responsibleOrganizationIds: [cso.id] })
        .expect(400);
      expect(res.body.details[0]).toMatchObject({ field: 'responsibleOrganizationIds' });
      await following.as
        .patch(`/api/v1/recommendations/${id}`)
        .send({ tags: ['diversion'] })
        .expect(403);
      const filtered = await coordinator.as
        .get(`/api/v1/reviews/${reviewId}/recommendations?responsibleOrganizationId=${ministryId}&tag=legal%20aid`)
        .expect(200);
      expect(filtered.body.items.map((r: { paragraph: string }) => r.paragraph)).toEqual(['48(b)']);
      expect(filtered.body.items[0].responsibleOrganizations[0].name).toBe('Ministry of Justice (demo)');
    });

    it('members of a following organisation assess what it follows; the history is kept and the latest is current', async () => {
      const id = recommendations.get('48(b)')!.id;
      const url = `/api/v1/recommendations/${id}/assessments`;
      await coordinator.as
        .post(url)
        .send({ status: 'not_started', summary: 'No legal aid fund yet (demo).', assessedOn: day(-60) })
        .expect(201);
      const partner = await following.as
        .post(url)
        .send({
          status: 'in_progress',
          summary: 'Legal aid lawyers in two provinces (demo).',
          evidence: [{ url: 'https://example.org/legal-aid-report' }, { reference: 'Demo: sub-decree on legal aid' }],
        })
        .expect(201);
      expect(partner.body).toMatchObject({ status: 'in_progress', organizationId: followingOrgId });
      await followingViewer.as.post(url).send({ status: 'implemented', summary: 'x' }).expect(403);
      // a member of another organisation does not see a participants-only review at all
      await otherMember.as.post(url).send({ status: 'implemented', summary: 'x' }).expect(404);
      await otherMember.as.get(`/api/v1/recommendations/${id}`).expect(404);
      await otherMember.as.get(`/api/v1/reviews/${reviewId}`).expect(404);
      const deadlines = `/api/v1/deadlines?subjectType=review&subjectId=${reviewId}`;
      expect((await otherMember.as.get(deadlines).expect(200)).body.items).toEqual([]);
      expect((await following.as.get(deadlines).expect(200)).body.items).toHaveLength(1);
      // another recommendation that the organisation does not follow
      await following.as
        .post(`/api/v1/recommendations/${recommendations.get('48(a)')!.id}/assessments`)
        .send({ status: 'implemented', summary: 'x' })
        .expect(403);

      const detail = await followingViewer.as.get(`/api/v1/recommendations/${id}`).expect(200);
      expect(detail.body).toMatchObject({ paragraph: '48(b)', parentParagraph: '48', status: 'in_progress' });
      expect(detail.body.can).toEqual({ change: false, assess: false });
      expect(detail.body.history.map((a: { status: string }) => a.status)).toEqual(['in_progress', 'not_started']);
      expect(detail.body.history[0]).toMatchObject({
        organization: { id: followingOrgId },
        assessor: { id: following.user.id, name: following.user.name },
        evidence: [{ url: 'https://example.org/legal-aid-report' }, { reference: 'Demo: sub-decree on legal aid' }],
      });
      expect(detail.body.review).toMatchObject({ id: reviewId, symbol: 'CRC/C/KHM/CO/4-6' });
      const byStatus = await following.as
        .get(`/api/v1/reviews/${reviewId}/recommendations?status=in_progress&followingOrganizationId=${followingOrgId}`)
        .expect(200);
      expect(byStatus.body.items.map((r: { paragraph: string }) => r.paragraph)).toEqual(['48(b)']);
    });

    it('refuses unknown statuses, evidence that is not an http(s) link and bad dates, naming the field', async () => {
      const url = `/api/v1/recommendations/${recommendations.get('48(b)')!.id}/assessments`;
      const fieldOf = async (body: Record<string, unknown>) =>
        (await following.as.post(url).send(body).expect(400)).body.details.map((d: { field: string }) => d.field);
      expect(await fieldOf({ status: 'done', summary: 'x' })).toContain('status');
      expect(
        await fieldOf({ status: 'in_progress', summary: 'x', evidence: [{ url: 'javascript:alert(1)' }] }),
      ).toContain('evidence.0.url');
      expect(
        await fieldOf({ status: 'in_progress', summary: 'x', evidence: [{ url: 'ftp://example.org/x' }] }),
      ).toContain('evidence.0.url');
      expect(await fieldOf({ status: 'in_progress', summary: 'x', evidence: [{}] })).toContain('evidence.0');
      expect(
        await fieldOf({
          status: 'in_progress',
          summary: 'x',
          evidence: [{ reference: 'a' }, { fileId: randomUUID() }],
        }),
      ).toContain('evidence.1.fileId');
      expect(await fieldOf({ status: 'in_progress', summary: 'x', assessedOn: '2026-13-01' })).toContain('assessedOn');
    });

    it('on a network review, other members and viewers read but do not assess; every change is in the activity', async () => {
      const review = await makeReview(coordinator, { visibility: 'network' });
      const rows = await importDemo(coordinator, review.id);
      const id = rows.get('19(a)')!.id;
      await coordinator.as
        .patch(`/api/v1/recommendations/${id}`)
        .send({ followingOrganizationIds: [followingOrgId] })
        .expect(200);
      const viewer = await makeUser(t, { role: 'viewer' });
      for (const reader of [otherMember, viewer]) {
        const detail = await reader.as.get(`/api/v1/recommendations/${id}`).expect(200);
        expect(detail.body.can).toEqual({ change: false, assess: false });
        await reader.as
          .post(`/api/v1/recommendations/${id}/assessments`)
          .send({ status: 'implemented', summary: 'x' })
          .expect(403);
        await reader.as.patch(`/api/v1/reviews/${review.id}`).send({ name: 'Renamed' }).expect(403);
      }
      await following.as
        .post(`/api/v1/recommendations/${id}/assessments`)
        .send({ status: 'in_progress', summary: 'x' })
        .expect(201);
      const activity = await otherMember.as.get(`/api/v1/reviews/${review.id}/activity`).expect(200);
      expect(activity.body.items.map((a: { action: string }) => a.action)).toEqual([
        'recommendation.assessed',
        'recommendation.updated',
        'review.recommendations_imported',
        'review.created',
      ]);
    });

    it('exports the matrix as CSV and as .docx with a table per cluster', async () => {
      const csv = await coordinator.as.get(`/api/v1/reviews/${reviewId}/export.csv`).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toBe(
        'paragraph,parentParagraph,cluster,subheading,urgent,text,textKm,tags,inScope,recommendingState,response,responsible,following,status,assessedOn,summary,evidence',
      );
      expect(lines).toHaveLength(40);
      expect(lines.find((l) => l.startsWith('48(b),'))).toContain('in_progress');

      const res = await coordinator.as
        .get(`/api/v1/reviews/${reviewId}/export.docx`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).toBe(DOCX);
      const xml = unzipEntry(res.body as Buffer, 'word/document.xml');
      expect(xml.match(/<w:tbl>/g)).toHaveLength(7);
      expect(xml).toContain('Responsible body');
      expect(xml).toContain('Ministry of Justice (demo)');
      expect(xml).toContain('in progress');

      const khmerReader = await makeUser(t, { role: 'coordinator', language: 'km' });
      const km = await khmerReader.as
        .get(`/api/v1/reviews/${reviewId}/export.docx`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const kmXml = unzipEntry(km.body as Buffer, 'word/document.xml');
      expect(kmXml).toContain('ស្ថាប័នទទួលខុសត្រូវ');
      expect(kmXml).toContain('កំពុងអនុវត្ត');
    });
  });
});
