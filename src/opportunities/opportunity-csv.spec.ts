import { describe, expect, it } from '@jest/globals';
import { checkHeader, parseImportRow, safeCell } from './opportunity-csv.js';

const lookups = {
  funders: new Map([
    ['eu', 'funder-1'],
    ['european union', 'funder-1'],
  ]),
  owners: new Map([['coord@cjn.org', 'owner-1']]),
  zone: 'Asia/Phnom_Penh',
};

describe('CSV import rows', () => {
  it('turns a good row into opportunity fields', () => {
    const { row, problems } = parseImportRow(
      {
        title: ' Access to justice for children ',
        funder: 'EU',
        tags: 'child-justice; diversion',
        amountMin: '100,000',
        amountMax: '250000.50',
        currency: 'eur',
        closesAt: '2026-03-31',
        owner: 'Coord@cjn.org',
        visibility: 'participants',
        stage: 'screening',
      },
      2,
      lookups,
    );
    expect(problems).toEqual([]);
    expect(row).toMatchObject({
      title: 'Access to justice for children',
      funderId: 'funder-1',
      tags: ['child-justice', 'diversion'],
      amountMin: '100000',
      amountMax: '250000.50',
      currency: 'EUR',
      ownerId: 'owner-1',
      visibility: 'participants',
      stage: 'screening',
    });
    // A date-only closing date means the end of that day in Phnom Penh (UTC+7).
    expect(row!.closesAt!.toISOString()).toBe('2026-03-31T16:59:59.999Z');
  });

  it('names every problem of a bad row with its line', () => {
    const { row, problems } = parseImportRow(
      {
        title: '',
        funder: 'Nobody',
        amountMin: '5',
        amountMax: '1',
        currency: 'EURO',
        closesAt: '31/03/2026',
        owner: 'x@y.z',
        stage: 'won',
      },
      7,
      lookups,
    );
    expect(row).toBeUndefined();
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [7, 'title'],
      [7, 'funder'],
      [7, 'amountMax'],
      [7, 'currency'],
      [7, 'closesAt'],
      [7, 'owner'],
      [7, 'stage'],
    ]);
  });

  it('rejects an instant without its zone', () => {
    expect(parseImportRow({ title: 'x', closesAt: '2026-03-31T17:00' }, 2, lookups).problems).toHaveLength(1);
    expect(parseImportRow({ title: 'x', closesAt: '2026-03-31T17:00:00+02:00' }, 2, lookups).problems).toEqual([]);
  });

  it('rejects unknown columns and a missing title column on line 1', () => {
    expect(checkHeader(['title', 'id', 'partners'])).toEqual([]);
    expect(checkHeader(['name', 'funder']).map((p) => p.line)).toEqual([1, 1]);
  });

  it('defuses formula cells', () => {
    expect(safeCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(safeCell('Plan International')).toBe('Plan International');
  });
});
