import { describe, expect, it } from '@jest/globals';
import { keepBoth } from './keep-both.js';

describe('keepBoth', () => {
  it('keeps both versions of a paragraph both sides changed, theirs first', () => {
    const base = 'Intro.\n\n';
    expect(keepBoth(`${base}Coordinator line.`, `${base}FI line.`)).toBe(`${base}Coordinator line.\nFI line.`);
  });

  it('keeps lines only they added and lines only I added', () => {
    expect(keepBoth('one\ntheirs\ntwo', 'one\ntwo\nmine')).toBe('one\ntheirs\ntwo\nmine');
  });

  it('gives my text back unchanged when nothing differs, and theirs when mine is empty', () => {
    expect(keepBoth('same\ntext', 'same\ntext')).toBe('same\ntext');
    expect(keepBoth('only theirs', '')).toBe('only theirs');
  });

  it('puts back a line I deleted that they kept', () => {
    expect(keepBoth('a\nb\nc', 'a\nc')).toBe('a\nb\nc');
  });
});

describe('keepBoth with the text both started from', () => {
  const base = 'Intro.\nOld point.\nClosing.';

  it('applies each side’s changes, including a deletion made on one side only', () => {
    const start = 'Intro.\nMiddle.\nOld point.\nClosing.';
    const theirs = 'Intro, rewritten.\nMiddle.\nOld point.\nClosing.';
    const mine = 'Intro.\nMiddle.\nClosing.\nMy new paragraph.';
    expect(keepBoth(theirs, mine, start)).toBe('Intro, rewritten.\nMiddle.\nClosing.\nMy new paragraph.');
  });

  it('keeps both versions of a line both changed, theirs first', () => {
    expect(keepBoth('Intro.\nTheir point.\nClosing.', 'Intro.\nMy point.\nClosing.', base)).toBe(
      'Intro.\nTheir point.\nMy point.\nClosing.',
    );
  });

  it('takes the same change once', () => {
    expect(keepBoth('Intro.\nSame fix.\nClosing.', 'Intro.\nSame fix.\nClosing.', base)).toBe(
      'Intro.\nSame fix.\nClosing.',
    );
  });
});
