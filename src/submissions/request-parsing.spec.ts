import { describe, expect, it } from '@jest/globals';
import { parseIfMatch } from '../common/if-match.js';
import { chooseFormat, DOCX_TYPE, mentionedEmails } from './request-parsing.js';

describe('parseIfMatch', () => {
  it('reads plain, quoted and weak versions', () => {
    expect(parseIfMatch('3')).toBe(3);
    expect(parseIfMatch('"12"')).toBe(12);
    expect(parseIfMatch('W/"7"')).toBe(7);
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('')).toBeUndefined();
  });

  it('rejects anything else', () => {
    expect(() => parseIfMatch('*')).toThrow('If-Match');
    expect(() => parseIfMatch('"abc"')).toThrow('If-Match');
    expect(() => parseIfMatch('99999999999')).toThrow('If-Match');
  });
});

describe('mentionedEmails', () => {
  it('finds @e-mail mentions, once each, lower-cased', () => {
    expect(
      mentionedEmails('@Dara@LAC.example please check; cc @yan.lay@crc-cambodia.example. And @dara@lac.example again'),
    ).toEqual(['dara@lac.example', 'yan.lay@crc-cambodia.example']);
  });

  it('ignores plain e-mail addresses and bare handles', () => {
    expect(mentionedEmails('write to info@cjn.example or @sophea')).toEqual([]);
  });
});

describe('chooseFormat', () => {
  it('prefers ?format, then Accept, then Markdown', () => {
    expect(chooseFormat('docx', 'text/markdown')).toBe('docx');
    expect(chooseFormat(undefined, DOCX_TYPE)).toBe('docx');
    expect(chooseFormat(undefined, 'application/json')).toBe('json');
    expect(chooseFormat(undefined, '*/*')).toBe('md');
    expect(chooseFormat(undefined, undefined)).toBe('md');
  });
});
