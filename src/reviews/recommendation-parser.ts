/**
 * Splits the recommendations part of a treaty body's Concluding Observations (or a UPR report), pasted
 * as text, into numbered paragraphs and lettered sub-items. A pure function: it never throws; a line it
 * cannot place is answered in `unplaced`.
 *
 * - "48. The Committee recommends that the State party: (a) …; (b) …" gives 48 (its chapeau as text),
 *   48(a) and 48(b), whether the sub-items run inline, on lines of their own or across lines.
 * - Headings (a short line with no number, followed by a paragraph) become the cluster of the paragraphs
 *   under them. Where the text has lettered headings ("J. Administration of child justice"), those are
 *   the clusters and the unlettered ones under them are kept as `subheading`.
 * - Urgency: a paragraph that lists where "urgent measures must be taken … (paras. 20 and 48)" marks the
 *   paragraphs it names; any other paragraph mentioning urgent measures, or under an "Urgent measures"
 *   heading, is urgent itself. Sub-items follow their paragraph.
 * - Footnote marks ("law.12", "law¹²"), page headers (a document symbol, "GE.22-…") and page numbers are
 *   dropped; Khmer digits number paragraphs and Khmer letters (ក ខ គ …) sub-items. A paragraph met again in
 *   the other script (a Khmer translation pasted below the English) fills `textKm` of the same items.
 */

import { assemble, markUrgent, type RawParagraph } from './recommendation-items.js';
import {
  classify,
  clean,
  headingLines,
  isKhmer,
  LETTERED_HEADING,
  PARAGRAPH_START,
  toAsciiDigits,
  URGENT,
} from './recommendation-lines.js';

export interface ParsedRecommendation {
  /** As the document numbers it, in ASCII digits and Latin letters: `48`, `48(a)`. */
  paragraph: string;
  /** The paragraph a sub-item belongs to (`48` for `48(a)`); null for a paragraph. */
  parent: string | null;
  cluster: string | null;
  subheading: string | null;
  urgent: boolean;
  text: string;
  /** The Khmer text where the paste carried both languages. */
  textKm: string | null;
  /** A UPR recommendation's State, from the brackets that end it ("… (Norway);"). */
  recommendingState: string | null;
  /** 1-based line of the paste where the item starts. */
  line: number;
}

export interface UnplacedLine {
  line: number;
  text: string;
}

export interface ParseCounts {
  items: number;
  paragraphs: number;
  subItems: number;
  urgent: number;
  clusters: number;
  translated: number;
  unplaced: number;
  dropped: number;
}

export interface ParseResult {
  items: ParsedRecommendation[];
  unplaced: UnplacedLine[];
  counts: ParseCounts;
}

export function parseRecommendations(input: string): ParseResult {
  const lines = (input ?? '').normalize('NFC').replace(/\r\n?/g, '\n').split('\n');
  const kinds = lines.map(classify);
  const unplaced: UnplacedLine[] = [];
  const paragraphs: RawParagraph[] = [];
  const headings = headingLines(kinds);
  const hasLetteredHeadings = kinds.some((_kind, i) => headings[i] && LETTERED_HEADING.test(clean(lines[i])));
  let cluster: string | null = null;
  let subheading: string | null = null;
  let underUrgentHeading = false;
  let current: RawParagraph | null = null;
  let dropped = 0;

  lines.forEach((raw, i) => {
    const text = clean(raw);
    const kind = kinds[i];
    if (kind === 'blank') return;
    if (kind === 'dropped') {
      dropped += 1;
      return;
    }
    const start = kind === 'paragraph' ? PARAGRAPH_START.exec(text) : null;
    if (start) {
      current = {
        number: toAsciiDigits(start[1])
          .split('.')
          .map((part) => String(Number(part)))
          .join('.'),
        line: i + 1,
        lines: start[2] ? [start[2]] : [],
        cluster,
        subheading,
        urgentHeading: underUrgentHeading,
      };
      paragraphs.push(current);
      return;
    }
    if (headings[i]) {
      const khmer = isKhmer(text);
      if (!khmer) {
        // A Khmer translation's headings leave the English clusters as they are.
        if (!hasLetteredHeadings || LETTERED_HEADING.test(text)) {
          cluster = text;
          subheading = null;
        } else {
          subheading = text;
        }
      }
      underUrgentHeading = URGENT.test(text);
      current = null;
      return;
    }
    if (current) (current as RawParagraph).lines.push(text);
    else unplaced.push({ line: i + 1, text });
  });

  const items = assemble(paragraphs, unplaced);
  markUrgent(items, paragraphs);
  unplaced.sort((a, b) => a.line - b.line);
  return { items, unplaced, counts: countOf(items, unplaced, dropped) };
}

/**
 * Where a paragraph sits in the document, from its number alone ("48" < "48(a)" < "48(b)" < "49" < "110.2"
 * < "110.10"), so that importing part of a text again never reorders the rest.
 */
export function paragraphOrder(paragraph: string): number {
  const match = /^(\d{1,3})(?:\.(\d{1,3}))?(?:\(([a-z]{1,2})\))?$/.exec(paragraph);
  if (!match) return 0;
  const letters = match[3] ? [...match[3]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 96, 0) : 0;
  return Number(match[1]) * 1_000_000 + Number(match[2] ?? 0) * 1_000 + letters;
}

export function countOf(items: ParsedRecommendation[], unplaced: UnplacedLine[], dropped: number): ParseCounts {
  return {
    items: items.length,
    paragraphs: items.filter((item) => item.parent === null).length,
    subItems: items.filter((item) => item.parent !== null).length,
    urgent: items.filter((item) => item.urgent).length,
    clusters: new Set(items.map((item) => item.cluster).filter((cluster) => cluster !== null)).size,
    translated: items.filter((item) => item.textKm !== null).length,
    unplaced: unplaced.length,
    dropped,
  };
}
