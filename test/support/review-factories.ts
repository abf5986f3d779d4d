import { CRC_CONCLUDING_OBSERVATIONS_DEMO } from '../../src/seed/crc-concluding-observations.demo.js';
import type { Actor } from './factories.js';

/** The demo Concluding Observations (real-shaped, demo wording): 17 paragraphs, 22 sub-items. */
export const CONCLUDING_OBSERVATIONS = CRC_CONCLUDING_OBSERVATIONS_DEMO;

export interface ReviewRow {
  id: string;
  name: string;
  visibility: string;
  dates: { id: string; kind: string; date: string; label: string | null }[];
}

export async function makeReview(coordinator: Actor, fields: Record<string, unknown> = {}): Promise<ReviewRow> {
  const res = await coordinator.as.post('/api/v1/reviews').send({
    mechanism: 'crc',
    name: 'CRC review of Cambodia (demo)',
    symbol: 'CRC/C/KHM/CO/4-6',
    adoptedOn: '2022-05-27',
    visibility: 'network',
    ...fields,
  });
  if (res.status !== 201) throw new Error(`makeReview: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ReviewRow;
}

/** Imports the demo text into the review; answers the recommendations by paragraph. */
export async function importDemo(coordinator: Actor, reviewId: string): Promise<Map<string, { id: string }>> {
  await coordinator.as
    .post(`/api/v1/reviews/${reviewId}/recommendations/import`)
    .send({ text: CONCLUDING_OBSERVATIONS, dryRun: false })
    .expect(200);
  const res = await coordinator.as.get(`/api/v1/reviews/${reviewId}/recommendations?limit=100`).expect(200);
  return new Map((res.body.items as { id: string; paragraph: string }[]).map((r) => [r.paragraph, r]));
}
