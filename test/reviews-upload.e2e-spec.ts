import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { CONCLUDING_OBSERVATIONS, makeReview } from './support/review-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The demo Concluding Observations as a Word document would hold them: one paragraph per line, numbers typed. */
async function asDocx(text: string): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) }],
  });
  return Packer.toBuffer(doc);
}

/** Importing from an uploaded .docx, .txt or .csv answers as pasting the same text does. */
describe('reviews: importing recommendations from an uploaded document', () => {
  let t: TestApp;
  let coordinator: Actor;

  beforeAll(async () => {
    t = await startTestApp({ overrides: { appRole: 'api' } });
    coordinator = await makeUser(t, { role: 'coordinator' });
  });
  afterAll(() => t.close());

  const upload = (actor: Actor, reviewId: string, file: Buffer, name: string, dryRun: boolean) =>
    actor.as
      .post(`/api/v1/reviews/${reviewId}/recommendations/import-file`)
      .field('dryRun', String(dryRun))
      .attach('file', file, name);

  it('previews and saves a Word document as the pasted text, and a second upload changes nothing', async () => {
    const review = await makeReview(coordinator);
    const pasted = await coordinator.as
      .post(`/api/v1/reviews/${review.id}/recommendations/import`)
      .send({ text: CONCLUDING_OBSERVATIONS, dryRun: true })
      .expect(200);
    const docx = await asDocx(CONCLUDING_OBSERVATIONS);

    const preview = await upload(coordinator, review.id, docx, 'CRC_C_KHM_CO_4-6.docx', true).expect(200);
    expect(preview.body.counts).toEqual(pasted.body.counts);
    expect(preview.body.items.map((i: { paragraph: string }) => i.paragraph)).toEqual(
      pasted.body.items.map((i: { paragraph: string }) => i.paragraph),
    );
    const listed = () => coordinator.as.get(`/api/v1/reviews/${review.id}/recommendations?limit=100`).expect(200);
    expect((await listed()).body.items).toHaveLength(0);

    const saved = await upload(coordinator, review.id, docx, 'CRC_C_KHM_CO_4-6.docx', false).expect(200);
    expect(saved.body).toMatchObject({ dryRun: false, created: pasted.body.counts.items, updated: 0 });
    expect((await listed()).body.items).toHaveLength(pasted.body.counts.items);
    const again = await upload(coordinator, review.id, docx, 'CRC_C_KHM_CO_4-6.docx', false).expect(200);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: pasted.body.counts.items });
  });

  it('reads a UTF-8 text file (a byte-order mark is dropped) and a CSV file by its name', async () => {
    const review = await makeReview(coordinator);
    const txt = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CONCLUDING_OBSERVATIONS, 'utf8')]);
    const preview = await upload(coordinator, review.id, txt, 'observations.txt', true).expect(200);
    expect(preview.body.counts).toMatchObject({ items: 39, paragraphs: 17, subItems: 22 });
    const csv = Buffer.from('paragraph,text,cluster\n12,Demo text: strengthen legal aid,Child justice\n', 'utf8');
    const fromCsv = await upload(coordinator, review.id, csv, 'matrix.csv', true).expect(200);
    expect(fromCsv.body.items).toEqual([expect.objectContaining({ paragraph: '12', cluster: 'Child justice' })]);
  });

  it('refuses what is not a document, an empty file, a missing dryRun, and anyone who may not import', async () => {
    const review = await makeReview(coordinator);
    const refusals: [Buffer, string, string][] = [
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]), 'scan.png', 'wrong_format'],
      [Buffer.from('   \n  \n'), 'blank.txt', 'too_short'],
    ];
    for (const [bytes, name, code] of refusals) {
      const res = await upload(coordinator, review.id, bytes, name, true);
      expect({ name, status: res.status }).toEqual({ name, status: 400 });
      expect(res.body.details[0]).toMatchObject({ field: 'file', code });
    }
    const noFlag = await coordinator.as
      .post(`/api/v1/reviews/${review.id}/recommendations/import-file`)
      .attach('file', Buffer.from(CONCLUDING_OBSERVATIONS), 'observations.txt');
    expect(noFlag.status).toBe(400);
    expect(noFlag.body.details.map((p: { field: string }) => p.field)).toContain('dryRun');

    const member = await makeUser(t, { organizationId: (await makeOrganization(t)).id });
    expect((await upload(member, review.id, Buffer.from(CONCLUDING_OBSERVATIONS), 'o.txt', true)).status).toBe(403);
    expect((await listRecommendations(review.id)).length).toBe(0);
  });

  async function listRecommendations(reviewId: string): Promise<unknown[]> {
    return (await coordinator.as.get(`/api/v1/reviews/${reviewId}/recommendations?limit=100`).expect(200)).body.items;
  }
});
