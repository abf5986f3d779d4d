/**
 * Word counting shared by the server (limits, exports) and the editor (the live count), so both agree.
 * Scripts written without spaces between words (Khmer, Thai, Lao, Myanmar, Chinese, Japanese) are split
 * into words by the platform's dictionary-based segmenter; everything else counts space-separated words.
 */
const UNSPACED =
  /[\p{Script=Khmer}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*/gu;

let segmenter: Intl.Segmenter | undefined;

function segmentedWords(token: string): number {
  segmenter ??= new Intl.Segmenter('km', { granularity: 'word' });
  let words = 0;
  for (const part of segmenter.segment(token)) if (part.isWordLike) words++;
  return Math.max(words, 1);
}

/**
 * Counts the words a reader sees in Markdown: markup, link targets and HTML tags do not count;
 * hyphenated and apostrophised words count once; numbers count as words.
 */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/```[^\n]*\n?/g, ' ') // code fences (their content still counts)
    .replace(/<[^>]+>/g, ' ') // HTML tags
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links: their text
    .replace(/^\s{0,3}(#{1,6}|>+|[-*+]|\d+[.)])\s+/gm, ' ') // headings, quotes, list markers
    .replace(/[*_~`|]+/g, ' '); // emphasis, code, tables
  let words = 0;
  for (const [token] of text.matchAll(WORD)) words += UNSPACED.test(token) ? segmentedWords(token) : 1;
  return words;
}

/** Whether the count depends on a word dictionary, which differs between browsers and the server. */
export function needsDictionary(markdown: string): boolean {
  return UNSPACED.test(markdown);
}
