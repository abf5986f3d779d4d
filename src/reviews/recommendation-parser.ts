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

const KHMER_DIGITS = '០១២៣៤៥៦៧៨៩';
/** The order Khmer documents letter their sub-items in. */
const KHMER_LETTERS = [...'កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអ'];
const LATIN_LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];

/** "48. …", "៤៨. …", or a UPR report's "110.45 …" (paragraph and recommendation). */
const PARAGRAPH_START = /^([0-9០-៩]{1,3}\.[0-9០-៩]{1,3}(?=[\s.])|[0-9០-៩]{1,3}(?=\s*[.)។]))\s*[.)។]?\s*(.*)$/u;
/** A UPR recommendation ends with the State that made it: "… (Norway);". */
const RECOMMENDING_STATE = /\s*\(([^()]{2,80})\)\s*[;.]?$/u;
const LETTERED_HEADING = /^(?:[A-Z]|[IVX]{1,5}|[ក-អ])\s*[.)]\s+\S/u;
const DROPPED_LINE = [
  /^[A-Z][A-Za-z.]*\d*(?:\/[\w.\-–]+){2,}(?:\s.*)?$/u, // a document symbol: CRC/C/KHM/CO/4-6, A/HRC/41/17
  /^GE\.\d{2}-\d+/u, // the UN's job number
  /^(?:page\s+)?[0-9០-៩]{1,3}(?:\s*(?:\/|of)\s*[0-9០-៩]{1,3})?$/iu, // a page number
];
const URGENT = /urgent\s+measures|វិធានការ(?:\s*)បន្ទាន់/iu;
const PARAGRAPH_REFERENCES = /paras?\.\s*([^)]*)/giu;

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

interface RawParagraph {
  number: string;
  line: number;
  lines: string[];
  cluster: string | null;
  subheading: string | null;
  urgentHeading: boolean;
}

type LineKind = 'blank' | 'dropped' | 'paragraph' | 'candidate' | 'text';

function classify(raw: string): LineKind {
  const text = clean(raw);
  if (!text) return 'blank';
  if (DROPPED_LINE.some((pattern) => pattern.test(text))) return 'dropped';
  if (PARAGRAPH_START.test(text)) return 'paragraph';
  const words = text.split(/\s+/).length;
  const startsLower = /^[a-z(]/u.test(text);
  const endsSentence = /[.,;:។៖]$/u.test(text) && !LETTERED_HEADING.test(text);
  if (!startsLower && !endsSentence && words <= 20 && text.length <= 200) return 'candidate';
  return 'text';
}

/**
 * Which lines are headings: a candidate followed (after blank and dropped lines, and perhaps further
 * headings) by a paragraph. One pass from the end, so a paste of many short lines stays linear.
 */
function headingLines(kinds: LineKind[]): boolean[] {
  const headings = new Array<boolean>(kinds.length).fill(false);
  let next: LineKind | null = null;
  for (let i = kinds.length - 1; i >= 0; i--) {
    const kind = kinds[i];
    if (kind === 'candidate') headings[i] = next === 'paragraph';
    else if (kind !== 'blank' && kind !== 'dropped') next = kind;
  }
  return headings;
}

/** Trims, removes superscript digits and footnote numbers stuck to a word ("law.12" → "law."). */
function clean(raw: string): string {
  return raw
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu, '')
    .replace(/([a-z\u00C0-\u024F)]|[a-z)][.,;:])\d{1,3}(?=\s|$)/gu, '$1')
    .replace(/[\t\u00A0 ]+/gu, ' ')
    .trim();
}

function toAsciiDigits(value: string): string {
  return value.replace(/[០-៩]/gu, (digit) => String(KHMER_DIGITS.indexOf(digit)));
}

function isKhmer(text: string): boolean {
  const khmer = (text.match(/[\u1780-\u17FF]/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/gu) ?? []).length;
  return khmer > latin;
}

interface SplitItem {
  letter: string | null;
  text: string;
}

/** Splits a paragraph's text into its chapeau and sub-items, each marker expected in order. */
export function splitSubItems(text: string): SplitItem[] {
  const letters = isKhmer(text) ? KHMER_LETTERS : LATIN_LETTERS;
  const cuts: { index: number; end: number; letter: string }[] = [];
  let from = 0;
  for (let n = 0; n < letters.length; n++) {
    // The first sub-item follows the chapeau's colon or starts a line; a mere "(a)" mid-sentence
    // ("article 37 (a) of the Convention") is a reference.
    const before = n === 0 ? '(^|\\n|[:៖]\\s*)' : '(^|\\n|[:;.,។៖—–]\\s*|\\b(?:and|or)\\s+|\\s)';
    const marker = new RegExp(`${before}(?:\\(${letters[n]}\\)|(?<=(?:^|\\n))${letters[n]}[.)])(?=\\s|$)`, 'u');
    const match = marker.exec(text.slice(from));
    if (!match) break;
    const precededBy = match[1];
    const index = from + match.index + precededBy.length;
    cuts.push({ index, end: from + match.index + match[0].length, letter: LATIN_LETTERS[n] });
    from = from + match.index + match[0].length;
  }
  if (cuts.length < 2) return [{ letter: null, text: tidy(text) }];
  const parts: SplitItem[] = [{ letter: null, text: tidy(text.slice(0, cuts[0].index)) }];
  cuts.forEach((cut, n) => {
    const end = n + 1 < cuts.length ? cuts[n + 1].index : text.length;
    parts.push({ letter: cut.letter, text: tidy(text.slice(cut.end, end)).replace(/;\s*(?:and|or)$/u, ';') });
  });
  return parts;
}

function tidy(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function assemble(paragraphs: RawParagraph[], unplaced: UnplacedLine[]): ParsedRecommendation[] {
  const items: ParsedRecommendation[] = [];
  const byParagraph = new Map<string, ParsedRecommendation>();
  for (const paragraph of paragraphs) {
    const parts = splitSubItems(paragraph.lines.join('\n'));
    const khmer = isKhmer(parts.map((part) => part.text).join(' '));
    const existing = byParagraph.get(paragraph.number);
    if (existing) {
      if (!addTranslation(existing, parts, khmer, byParagraph)) {
        unplaced.push({ line: paragraph.line, text: `${paragraph.number}. ${tidy(paragraph.lines.join(' '))}` });
      }
      continue;
    }
    const upr = paragraph.number.includes('.');
    for (const part of parts) {
      const state = upr ? RECOMMENDING_STATE.exec(part.text) : null;
      const item: ParsedRecommendation = {
        paragraph: part.letter ? `${paragraph.number}(${part.letter})` : paragraph.number,
        parent: part.letter ? paragraph.number : null,
        cluster: paragraph.cluster,
        subheading: paragraph.subheading,
        urgent: paragraph.urgentHeading,
        text: part.text,
        textKm: null,
        recommendingState: state ? state[1].trim() : null,
        line: paragraph.line,
      };
      items.push(item);
      byParagraph.set(item.paragraph, item);
    }
  }
  return items;
}

/** A paragraph met again in the other script is the translation of the first. */
function addTranslation(
  existing: ParsedRecommendation,
  parts: SplitItem[],
  khmer: boolean,
  byParagraph: Map<string, ParsedRecommendation>,
): boolean {
  if (existing.textKm !== null || khmer === isKhmer(existing.text)) return false;
  const number = existing.paragraph;
  for (const part of parts) {
    const item = byParagraph.get(part.letter ? `${number}(${part.letter})` : number);
    if (!item) continue;
    if (khmer) item.textKm = part.text;
    else {
      item.textKm = item.text;
      item.text = part.text;
    }
  }
  return true;
}

function markUrgent(items: ParsedRecommendation[], paragraphs: RawParagraph[]): void {
  const urgentParagraphs = new Set<string>();
  for (const paragraph of paragraphs) {
    const text = paragraph.lines.join(' ');
    if (!URGENT.test(text)) continue;
    const named = referencedParagraphs(text);
    if (named.length > 0) named.forEach((number) => urgentParagraphs.add(number));
    else urgentParagraphs.add(paragraph.number);
  }
  for (const item of items) {
    if (urgentParagraphs.has(item.parent ?? item.paragraph)) item.urgent = true;
  }
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

/** The paragraphs named in "(para. 20)", "(paras. 20 and 48)", "(paras. 31–33)". */
export function referencedParagraphs(text: string): string[] {
  const numbers: string[] = [];
  for (const match of text.matchAll(PARAGRAPH_REFERENCES)) {
    const list = toAsciiDigits(match[1]);
    for (const range of list.matchAll(/(\d{1,3})(?:\s*[–-]\s*(\d{1,3}))?/gu)) {
      const first = Number(range[1]);
      const last = range[2] ? Number(range[2]) : first;
      for (let n = first; n <= last && n - first < 50; n++) numbers.push(String(n));
    }
  }
  return numbers;
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
