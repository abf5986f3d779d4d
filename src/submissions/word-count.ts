import { countWords } from '../../shared/word-count.js';

/** Words per page used for the page estimate: a single-spaced A4 page of 12-point text. */
export const WORDS_PER_PAGE = 500;

export interface WordCountSummary {
  total: number;
  wordLimit: number | null;
  pageLimit: number | null;
  pageEstimate: number;
  overWordLimit: boolean;
  overPageLimit: boolean;
  /** A visible warning when a limit is exceeded; never a block. */
  warning: string | null;
  sections: { id: string; title: string; words: number }[];
}

export function summarizeWords(
  sections: { id: string; title: string; body: string }[],
  limits: { wordLimit: number | null; pageLimit: number | null },
): WordCountSummary {
  const counted = sections.map((s) => ({ id: s.id, title: s.title, words: countWords(s.body) }));
  const total = counted.reduce((sum, s) => sum + s.words, 0);
  const pageEstimate = Math.round((total / WORDS_PER_PAGE) * 10) / 10;
  const overWordLimit = limits.wordLimit !== null && total > limits.wordLimit;
  const overPageLimit = limits.pageLimit !== null && pageEstimate > limits.pageLimit;
  const warnings: string[] = [];
  if (overWordLimit)
    warnings.push(`${total} words is ${total - limits.wordLimit!} over the limit of ${limits.wordLimit}`);
  if (overPageLimit) warnings.push(`about ${pageEstimate} pages is over the limit of ${limits.pageLimit}`);
  return {
    total,
    wordLimit: limits.wordLimit,
    pageLimit: limits.pageLimit,
    pageEstimate,
    overWordLimit,
    overPageLimit,
    warning: warnings.length ? `The text is too long: ${warnings.join('; ')}` : null,
    sections: counted,
  };
}
