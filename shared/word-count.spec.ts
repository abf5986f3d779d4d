import { describe, expect, it } from '@jest/globals';
import { countWords } from './word-count.js';

describe('countWords', () => {
  it('counts plain words', () => {
    expect(countWords('Children have a right to access justice.')).toBe(7);
    expect(countWords('')).toBe(0);
    expect(countWords('   \n\n ')).toBe(0);
  });

  it('ignores Markdown markup and link targets', () => {
    expect(
      countWords(
        '## Access to justice\n\n- **Legal aid** for _every_ child\n- See [the draft](https://www.ohchr.org/en/gc26)',
      ),
    ).toBe(11);
    expect(countWords('1. First point\n2) Second point')).toBe(4);
    expect(countWords('> A quoted line')).toBe(3);
    expect(countWords('<br/>one <em>two</em>')).toBe(2);
  });

  it('counts hyphenated words, apostrophes and numbers once each', () => {
    expect(countWords("people-centred justice for children's rights")).toBe(5);
    expect(countWords('General Comment No. 26 (2023)')).toBe(5);
  });

  it('counts Khmer and other scripts', () => {
    expect(countWords('សិទ្ធិ កុមារ')).toBe(2);
    // Khmer writes words without spaces between them: the segmenter finds them.
    expect(countWords('ក្រុមប្រឹក្សាយុវជនកម្ពុជា ការពារសិទ្ធិកុមារ')).toBe(6);
    expect(countWords('**ការពារ** [សិទ្ធិកុមារ](https://example.org) and children')).toBe(5);
    expect(countWords('droits de l’enfant')).toBe(3);
  });
});
