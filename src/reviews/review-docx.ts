import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type MessageKey, t } from '../i18n/translate.js';
import { evidenceText, type ExportRow, statusIn } from './review-export.js';
import type { Review } from './review.entity.js';

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

/**
 * The follow-up matrix as .docx, the annex of an alternative report: one table per cluster (paragraph,
 * recommendation, responsible body, status, evidence), the product's words in the reader's language and
 * the recommendations' own text as imported.
 */
export async function reviewDocx(review: Review, rows: ExportRow[], language: string): Promise<Buffer> {
  const word = (key: MessageKey, params: Record<string, string> = {}) => t(language, key, params);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: word('reviewExport.title', { name: review.name }), heading: HeadingLevel.TITLE }),
  ];
  if (review.symbol) children.push(new Paragraph({ text: word('reviewExport.symbol', { symbol: review.symbol }) }));
  const clusters = new Map<string, ExportRow[]>();
  for (const row of rows) {
    const key = row.cluster ?? '';
    clusters.set(key, [...(clusters.get(key) ?? []), row]);
  }
  for (const [cluster, members] of clusters) {
    children.push(new Paragraph({ text: cluster || word('reviewExport.noCluster'), heading: HeadingLevel.HEADING_1 }));
    const header = new TableRow({
      tableHeader: true,
      children: (['paragraph', 'recommendation', 'responsible', 'status', 'evidence'] as const).map((key) =>
        cell(word(`reviewExport.${key}`), true),
      ),
    });
    const body = members.map(
      (r) =>
        new TableRow({
          children: [
            cell(r.urgent ? `${r.paragraph} (${word('reviewExport.urgent')})` : r.paragraph),
            cell(r.text),
            cell(r.responsibleOrganizations.map((o) => o.acronym ?? o.name).join(', ')),
            cell(statusIn(language, r.status)),
            cell([r.summary, evidenceText(r.evidence)].filter(Boolean).join(' — ')),
          ],
        }),
    );
    children.push(new Table({ rows: [header, ...body], width: { size: 100, type: WidthType.PERCENTAGE } }));
    children.push(new Paragraph({ text: '', alignment: AlignmentType.LEFT }));
  }
  const document = new Document({ creator: 'CJN Tracker', title: review.name, sections: [{ children }] });
  return Packer.toBuffer(document);
}
