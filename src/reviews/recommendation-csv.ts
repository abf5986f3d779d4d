import { parse } from 'csv-parse/sync';
import { UPR_RESPONSES, type UprResponse } from './recommendation.entity.js';
import { countOf, type ParsedRecommendation, type ParseResult, type UnplacedLine } from './recommendation-parser.js';

/** What a CSV row may say beyond what the parser finds in pasted text. */
export interface CsvRecommendation extends ParsedRecommendation {
  tags?: string[];
  inScope?: boolean;
  response?: UprResponse | null;
}

/** The columns the CSV import reads: those of the CSV export that hold the recommendation itself. */
export const CSV_IMPORT_COLUMNS = [
  'paragraph',
  'parentParagraph',
  'cluster',
  'subheading',
  'urgent',
  'text',
  'textKm',
  'tags',
  'inScope',
  'recommendingState',
  'response',
] as const;

export class CsvRefused extends Error {}

const PARAGRAPH = /^\d{1,3}(?:\.\d{1,3})?(?:\([a-z]{1,2}\))?$/;
const BOOLEAN: Record<string, boolean> = {
  true: true,
  yes: true,
  '1': true,
  false: false,
  no: false,
  '0': false,
  '': false,
};

/**
 * Reads recommendations from CSV (a header line naming columns of CSV_IMPORT_COLUMNS; the export's other
 * columns — organisations, status, evidence — are ignored). `paragraph` and `text` are required; a row
 * without them, or with a value it cannot read, goes to `unplaced` with the reason. Throws CsvRefused
 * when the text is not CSV or its header names no paragraph and text.
 */
export function parseRecommendationCsv(text: string): Omit<ParseResult, 'items'> & { items: CsvRecommendation[] } {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      columns: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      trim: true,
    });
  } catch (error) {
    throw new CsvRefused(`not valid CSV: ${(error as Error).message}`);
  }
  const header = rows.length ? Object.keys(rows[0].record) : [];
  if (!header.includes('paragraph') || !header.includes('text'))
    throw new CsvRefused('the header line must name the columns paragraph and text');
  const items: CsvRecommendation[] = [];
  const unplaced: UnplacedLine[] = [];
  const seen = new Set<string>();
  for (const { record, info } of rows) {
    const line = info.lines;
    const refuse = (reason: string) =>
      unplaced.push({ line, text: `${reason}: ${Object.values(record).join(', ').slice(0, 200)}` });
    const paragraph = record.paragraph ?? '';
    if (!PARAGRAPH.test(paragraph)) refuse('paragraph must be written like 48, 48(a) or 110.45');
    else if (!record.text) refuse('text is empty');
    else if (seen.has(paragraph)) refuse(`paragraph ${paragraph} is there twice`);
    else if (record.response && !(UPR_RESPONSES as readonly string[]).includes(record.response))
      refuse('response must be supported or noted');
    else if (
      !((record.urgent ?? '').toLowerCase() in BOOLEAN) ||
      !((record.inScope ?? 'true').toLowerCase() in BOOLEAN)
    )
      refuse('urgent and inScope must be true or false');
    else {
      seen.add(paragraph);
      const parent = record.parentParagraph || (/\(/.test(paragraph) ? paragraph.split('(')[0] : null);
      items.push({
        paragraph,
        parent,
        cluster: record.cluster || null,
        subheading: record.subheading || null,
        urgent: BOOLEAN[(record.urgent ?? '').toLowerCase()],
        text: record.text,
        textKm: record.textKm || null,
        recommendingState: record.recommendingState || null,
        line,
        ...(record.tags !== undefined
          ? {
              tags: record.tags
                .split(';')
                .map((tag) => tag.trim())
                .filter(Boolean)
                .slice(0, 30),
            }
          : {}),
        ...(record.inScope !== undefined ? { inScope: BOOLEAN[record.inScope.toLowerCase()] } : {}),
        ...(record.response !== undefined ? { response: (record.response || null) as UprResponse | null } : {}),
      });
    }
  }
  return { items, unplaced, counts: countOf(items, unplaced, 0) };
}
