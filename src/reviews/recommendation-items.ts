/**
 * The second pass of `parseRecommendations`: numbered paragraphs become items, split into their chapeau
 * and lettered sub-items, matched with their translation and marked urgent.
 */
import type { ParsedRecommendation, UnplacedLine } from './recommendation-parser.js';
import { isKhmer, toAsciiDigits, URGENT } from './recommendation-lines.js';

/** The order Khmer documents letter their sub-items in. */
const KHMER_LETTERS = [...'កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអ'];
const LATIN_LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];

/** A UPR recommendation ends with the State that made it: "… (Norway);". */
const RECOMMENDING_STATE = /\s*\(([^()]{2,80})\)\s*[;.]?$/u;

const PARAGRAPH_REFERENCES = /paras?\.\s*([^)]*)/giu;

export interface RawParagraph {
  number: string;
  line: number;
  lines: string[];
  cluster: string | null;
  subheading: string | null;
  urgentHeading: boolean;
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

export function assemble(paragraphs: RawParagraph[], unplaced: UnplacedLine[]): ParsedRecommendation[] {
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

export function markUrgent(items: ParsedRecommendation[], paragraphs: RawParagraph[]): void {
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
