import { describe, expect, it } from '@jest/globals';
import { CsvRefused, parseRecommendationCsv } from './recommendation-csv.js';

describe('parseRecommendationCsv', () => {
  it('reads the export’s columns, derives the parent of a sub-item and sends bad rows to unplaced', () => {
    const csv = [
      'paragraph,cluster,urgent,text,tags,inScope,response,status',
      '48,J. Special protection measures,true,Demo text: the Committee recommends:,,true,,in_progress',
      '48(b),J. Special protection measures,true,Demo text: legal aid.,child justice; legal aid,true,,',
      '110.4,,false,Demo text: expand legal aid (State D).,,false,supported,',
      'x,,false,no number,,,,',
      '49,,maybe,text,,,,',
      '48,,false,again,,,,',
    ].join('\n');
    const { items, unplaced, counts } = parseRecommendationCsv(csv);
    expect(items.map((i) => [i.paragraph, i.parent, i.urgent, i.tags, i.inScope, i.response ?? null])).toEqual([
      ['48', null, true, [], true, null],
      ['48(b)', '48', true, ['child justice', 'legal aid'], true, null],
      ['110.4', null, false, [], false, 'supported'],
    ]);
    expect(unplaced.map((u) => u.line)).toEqual([5, 6, 7]);
    expect(unplaced[2].text).toMatch(/paragraph 48 is there twice/);
    expect(counts).toMatchObject({ items: 3, paragraphs: 2, subItems: 1, urgent: 2, unplaced: 3 });
  });

  it('refuses text that is not CSV or names no paragraph and text', () => {
    expect(() => parseRecommendationCsv('"unclosed,quote\n1,2')).toThrow(CsvRefused);
    expect(() => parseRecommendationCsv('a,b\n1,2')).toThrow(/paragraph and text/);
  });
});
