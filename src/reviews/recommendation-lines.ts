/**
 * The first pass of `parseRecommendations`: what each line of a pasted text is (blank, dropped page
 * furniture, the start of a numbered paragraph, a possible heading, or text), and the clean-up of a line
 * and of Khmer digits.
 */

export const KHMER_DIGITS = '០១២៣៤៥៦៧៨៩';

/** "48. …", "៤៨. …", or a UPR report's "110.45 …" (paragraph and recommendation). */
export const PARAGRAPH_START = /^([0-9០-៩]{1,3}\.[0-9០-៩]{1,3}(?=[\s.])|[0-9០-៩]{1,3}(?=\s*[.)។]))\s*[.)។]?\s*(.*)$/u;

export const LETTERED_HEADING = /^(?:[A-Z]|[IVX]{1,5}|[ក-អ])\s*[.)]\s+\S/u;
export const DROPPED_LINE = [
  /^[A-Z][A-Za-z.]*\d*(?:\/[\w.\-–]+){2,}(?:\s.*)?$/u, // a document symbol: CRC/C/KHM/CO/4-6, A/HRC/41/17
  /^GE\.\d{2}-\d+/u, // the UN's job number
  /^(?:page\s+)?[0-9០-៩]{1,3}(?:\s*(?:\/|of)\s*[0-9០-៩]{1,3})?$/iu, // a page number
];
export const URGENT = /urgent\s+measures|វិធានការ(?:\s*)បន្ទាន់/iu;

export type LineKind = 'blank' | 'dropped' | 'paragraph' | 'candidate' | 'text';

export function classify(raw: string): LineKind {
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
export function headingLines(kinds: LineKind[]): boolean[] {
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
export function clean(raw: string): string {
  return raw
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu, '')
    .replace(/([a-z\u00C0-\u024F)]|[a-z)][.,;:])\d{1,3}(?=\s|$)/gu, '$1')
    .replace(/[\t\u00A0 ]+/gu, ' ')
    .trim();
}

export function toAsciiDigits(value: string): string {
  return value.replace(/[០-៩]/gu, (digit) => String(KHMER_DIGITS.indexOf(digit)));
}

export function isKhmer(text: string): boolean {
  const khmer = (text.match(/[\u1780-\u17FF]/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/gu) ?? []).length;
  return khmer > latin;
}
