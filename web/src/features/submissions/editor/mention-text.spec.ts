import { describe, expect, it } from '@jest/globals';
import { insertMention } from './mention-text.js';

describe('insertMention', () => {
  it('adds one space after a mention at the end, the caret after it', () => {
    expect(insertMention('Thanks @so', 7, 10, 'Sophea Lim')).toEqual({ text: 'Thanks @Sophea Lim ', caret: 19 });
  });

  it('keeps the one space already there when the mention is written before a word (no double space)', () => {
    const text = 'Ask @so about it';
    expect(insertMention(text, 4, 7, 'Sophea Lim')).toEqual({ text: 'Ask @Sophea Lim about it', caret: 16 });
  });

  it('keeps a line break after the mention as it is, and adds a space before a word glued to the caret', () => {
    expect(insertMention('@da\nnext line', 0, 3, 'Dara Sok')).toEqual({ text: '@Dara Sok\nnext line', caret: 9 });
    expect(insertMention('@dathere', 0, 3, 'Dara Sok').text).toBe('@Dara Sok there');
  });

  it('writes Khmer names as they are', () => {
    expect(insertMention('សួស្ដី @ដា', 7, 10, 'ដារ៉ា សុខ').text).toBe('សួស្ដី @ដារ៉ា សុខ ');
  });
});
