import { describe, expect, it } from '@jest/globals';
import { CRC_CONCLUDING_OBSERVATIONS_DEMO as fixture } from '../seed/crc-concluding-observations.demo.js';
import { paragraphOrder, parseRecommendations } from './recommendation-parser.js';
import { referencedParagraphs, splitSubItems } from './recommendation-items.js';

describe('parseRecommendations', () => {
  it('splits a paragraph into its chapeau and lettered sub-items', () => {
    const { items, unplaced } = parseRecommendations(
      '48. The Committee recommends that the State party: (a) Raise the age; (b) Provide legal aid; and (c) Promote diversion.',
    );
    expect(items.map((item) => [item.paragraph, item.parent, item.text])).toEqual([
      ['48', null, 'The Committee recommends that the State party:'],
      ['48(a)', '48', 'Raise the age;'],
      ['48(b)', '48', 'Provide legal aid;'],
      ['48(c)', '48', 'Promote diversion.'],
    ]);
    expect(unplaced).toEqual([]);
  });

  it('reads a real-shaped Concluding Observations text: clusters, gaps, sub-items, urgent paragraphs', () => {
    const { items, unplaced, counts } = parseRecommendations(fixture);
    expect(counts).toMatchObject({ paragraphs: 17, subItems: 22, items: 39, unplaced: 1, dropped: 3 });
    expect(unplaced).toEqual([{ line: 1, text: expect.stringMatching(/^Demo text:/) }]);
    const byParagraph = new Map(items.map((item) => [item.paragraph, item]));
    // numbering gaps (9 → 11, 27 → 48) are kept as written
    expect(byParagraph.has('10')).toBe(false);
    expect(byParagraph.get('11')?.cluster).toBe('A. General measures of implementation (arts. 4, 42 and 44 (6))');
    expect(byParagraph.get('11')?.subheading).toBe('Independent monitoring');
    const childJustice = items.filter((item) => item.parent === '48');
    expect(childJustice.map((item) => item.paragraph)).toEqual(['48(a)', '48(b)', '48(c)', '48(d)', '48(e)', '48(f)']);
    expect(childJustice.every((item) => item.subheading === 'Administration of child justice')).toBe(true);
    expect(byParagraph.get('48')?.cluster).toMatch(/^J\. Special protection measures/);
    // a sub-item running across lines is one item; the footnote mark is gone
    expect(byParagraph.get('6(a)')?.text).toBe(
      'Adopt a comprehensive national policy on children, with a costed plan of action and clear targets;',
    );
    expect(byParagraph.get('48(f)')?.text).toMatch(/train judges, prosecutors and police\.$/);
    expect(byParagraph.get('7')?.text).toMatch(/National Council for Children\.$/);
    expect(byParagraph.get('9')?.text).toMatch(/justice system\.$/);
    // "(a)" inside a sentence is a reference, not a sub-item
    expect(byParagraph.has('23(a)')).toBe(false);
    // the paragraphs named in the urgent-measures paragraph, with their sub-items; not the list itself
    const urgent = items.filter((item) => item.urgent).map((item) => item.paragraph);
    expect(urgent).toEqual(expect.arrayContaining(['15', '15(a)', '19', '23', '24', '24(c)', '48', '48(f)']));
    expect(urgent).not.toContain('4');
    expect(urgent).not.toContain('5');
    expect(counts.urgent).toBe(18);
    // the page header, page number and job number are dropped, not glued to paragraph 8
    expect(byParagraph.get('8(c)')?.text).toBe('Ensure transparency of public spending on children.');
  });

  it('takes a heading without letters as the cluster, and "Urgent measures" as a flag', () => {
    const { items } = parseRecommendations(
      [
        'General measures of implementation',
        '5. Review the legislation.',
        '',
        'Urgent measures',
        '12. Release children held in adult prisons.',
        'Children in conflict with the law',
        '40. Provide legal aid to every child.',
        '41. Take urgent measures to end pre-trial detention of children.',
      ].join('\n'),
    );
    expect(items.map((item) => [item.paragraph, item.cluster, item.urgent])).toEqual([
      ['5', 'General measures of implementation', false],
      ['12', 'Urgent measures', true],
      ['40', 'Children in conflict with the law', false],
      ['41', 'Children in conflict with the law', true],
    ]);
  });

  it('reads Khmer digits and letters, and a Khmer translation pasted below fills textKm', () => {
    const english = '48. The Committee recommends that the State party:\n(a) Raise the age;\n(b) Provide legal aid.';
    const khmer = '៤៨. អត្ថបទសាកល្បង គណៈកម្មាធិការផ្តល់អនុសាសន៍ដល់រដ្ឋភាគី៖\n(ក) បង្កើនអាយុ;\n(ខ) ផ្តល់ជំនួយផ្លូវច្បាប់។';
    const onlyKhmer = parseRecommendations(khmer);
    expect(onlyKhmer.items.map((item) => item.paragraph)).toEqual(['48', '48(a)', '48(b)']);
    expect(onlyKhmer.items[1].text).toBe('បង្កើនអាយុ;');

    const both = parseRecommendations(`${english}\n\n${khmer}`);
    expect(both.items).toHaveLength(3);
    expect(both.items[2]).toMatchObject({ paragraph: '48(b)', text: 'Provide legal aid.', textKm: 'ផ្តល់ជំនួយផ្លូវច្បាប់។' });
    expect(both.counts.translated).toBe(3);
    expect(both.unplaced).toEqual([]);
  });

  it('keeps sub-items on lines of their own written "a)" and superscript footnotes out of the text', () => {
    const { items } = parseRecommendations(
      '30. The Committee urges the State party to:\na) End child detention;¹²\nb) Fund diversion.',
    );
    expect(items.map((item) => [item.paragraph, item.text])).toEqual([
      ['30', 'The Committee urges the State party to:'],
      ['30(a)', 'End child detention;'],
      ['30(b)', 'Fund diversion.'],
    ]);
  });

  it('reads a UPR report’s numbering and the State that made each recommendation', () => {
    const { items, unplaced } = parseRecommendations(
      [
        'Demo text: shaped like a UPR working group report; not its wording.',
        '110. The following recommendations will be examined by the State:',
        '110.1 Demo text: ratify the third Optional Protocol to the Convention (State A);',
        '110.2 Demo text: raise the minimum age of criminal responsibility (State B);',
        '110.10 Demo text: end the detention of children for minor offences (State C).',
      ].join('\n'),
    );
    expect(items.map((item) => [item.paragraph, item.recommendingState])).toEqual([
      ['110', null],
      ['110.1', 'State A'],
      ['110.2', 'State B'],
      ['110.10', 'State C'],
    ]);
    expect(unplaced).toHaveLength(1);
  });

  it('reads a megabyte of text in linear time, whatever its shape', () => {
    const shapes = [
      'Short Capitalised Line\n'.repeat(45_000),
      '1. (a) x; '.repeat(100_000),
      `7. The State party:\n${'(a) item;\n'.repeat(80_000)}`,
    ];
    for (const text of shapes) {
      const started = Date.now();
      const result = parseRecommendations(text);
      expect(result.counts.items + result.counts.unplaced).toBeGreaterThan(0);
      expect(Date.now() - started).toBeLessThan(3000);
    }
  });

  it('answers what it cannot place instead of throwing', () => {
    expect(parseRecommendations('').items).toEqual([]);
    const odd = parseRecommendations('some words without a number\n\u0000\u200b\n(a) orphan sub-item;');
    expect(odd.items).toEqual([]);
    expect(odd.unplaced.map((line) => line.line)).toEqual([1, 2, 3]);
    const repeated = parseRecommendations('5. First text.\n5. The same number again.');
    expect(repeated.items).toHaveLength(1);
    expect(repeated.unplaced).toEqual([{ line: 2, text: '5. The same number again.' }]);
  });
});

describe('splitSubItems', () => {
  it('needs at least two sub-items in order', () => {
    expect(splitSubItems('Recommends: (a) only one.')).toEqual([{ letter: null, text: 'Recommends: (a) only one.' }]);
    expect(splitSubItems('Recommends: (a) one; (c) skipped')).toHaveLength(1);
  });
});

describe('paragraphOrder', () => {
  it('orders paragraphs as the document numbers them', () => {
    const written = ['110.10', '48(b)', '49', '48', '110.2', '48(a)', '5', '48(aa)', '48(z)'];
    expect([...written].sort((a, b) => paragraphOrder(a) - paragraphOrder(b))).toEqual([
      '5',
      '48',
      '48(a)',
      '48(b)',
      '48(z)',
      '48(aa)',
      '49',
      '110.2',
      '110.10',
    ]);
  });
});

describe('referencedParagraphs', () => {
  it('reads single paragraphs, lists and ranges', () => {
    expect(referencedParagraphs('(para. 20), (paras. 31–33 and 48), (paras. ៤៥)')).toEqual([
      '20',
      '31',
      '32',
      '33',
      '48',
      '45',
    ]);
  });
});
