import { describe, expect, it } from '@jest/globals';
import { summarizeWords } from './word-count.js';

describe('summarizeWords', () => {
  const sections = [
    { id: '1', title: 'Intro', body: 'one two three' },
    { id: '2', title: 'Body', body: 'four five' },
  ];

  it('totals per section and estimates pages', () => {
    const s = summarizeWords(sections, { wordLimit: 10, pageLimit: null });
    expect(s.total).toBe(5);
    expect(s.sections).toEqual([
      { id: '1', title: 'Intro', words: 3 },
      { id: '2', title: 'Body', words: 2 },
    ]);
    expect(s.overWordLimit).toBe(false);
    expect(s.warning).toBeNull();
    expect(s.pageEstimate).toBe(0);
  });

  it('warns, without blocking, when over the word limit', () => {
    const s = summarizeWords(sections, { wordLimit: 4, pageLimit: null });
    expect(s.overWordLimit).toBe(true);
    expect(s.warning).toContain('5 words is 1 over the limit of 4');
  });

  it('warns when the page estimate exceeds the page limit', () => {
    const long = [{ id: '1', title: 'Long', body: 'word '.repeat(1250) }];
    const s = summarizeWords(long, { wordLimit: null, pageLimit: 2 });
    expect(s.pageEstimate).toBe(2.5);
    expect(s.overPageLimit).toBe(true);
    expect(s.warning).toContain('2.5 pages');
  });
});
