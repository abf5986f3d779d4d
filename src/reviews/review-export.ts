import { stringify } from 'csv-stringify/sync';
import { tOr } from '../i18n/translate.js';
import { CSV_IMPORT_COLUMNS } from './recommendation-csv.js';
import type { Evidence } from './recommendation.entity.js';
import type { RecommendationView } from './recommendations.service.js';

/** A recommendation as the exports show it, with the evidence of its latest assessment. */
export interface ExportRow extends RecommendationView {
  evidence: Evidence[];
  summary: string | null;
}

export const evidenceText = (evidence: Evidence[]) =>
  evidence.map((e) => [e.reference, e.url, e.fileId && `file ${e.fileId}`].filter(Boolean).join(' ')).join('; ');

export const statusIn = (language: string, status: string) => tOr(language, `assessmentStatus.${status}`, status);

export const CSV_COLUMNS = [
  ...CSV_IMPORT_COLUMNS,
  'responsible',
  'following',
  'status',
  'assessedOn',
  'summary',
  'evidence',
] as const;

/** The follow-up matrix as CSV: the fields as the API names them (the CSV import reads the first ones back). */
export function reviewCsv(rows: ExportRow[]): string {
  const names = (refs: { name: string }[]) => refs.map((r) => r.name).join('; ');
  return stringify(
    rows.map((r) => ({
      paragraph: r.paragraph,
      parentParagraph: r.parentParagraph ?? '',
      cluster: r.cluster ?? '',
      subheading: r.subheading ?? '',
      urgent: r.urgent ? 'true' : 'false',
      text: r.text,
      textKm: r.textKm ?? '',
      tags: r.tags.join('; '),
      inScope: r.inScope ? 'true' : 'false',
      recommendingState: r.recommendingState ?? '',
      response: r.response ?? '',
      responsible: names(r.responsibleOrganizations),
      following: names(r.followingOrganizations),
      status: r.status,
      assessedOn: r.assessedOn ?? '',
      summary: r.summary ?? '',
      evidence: evidenceText(r.evidence),
    })),
    { header: true, columns: [...CSV_COLUMNS], bom: true },
  );
}
