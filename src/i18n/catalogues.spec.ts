import { describe, expect, it } from '@jest/globals';
import { en } from './en.catalogue.js';
import { km } from './km.catalogue.js';
import { t } from './translate.js';

const KHMER = /[\u1780-\u17FF]/;
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('server message catalogues', () => {
  it.each(Object.keys(en) as (keyof typeof en)[])('%s has Khmer text with the same placeholders', (key) => {
    expect(km[key]).toMatch(KHMER);
    expect(placeholders(km[key])).toEqual(placeholders(en[key]));
  });

  it('Khmer has no key English lacks', () => {
    expect(Object.keys(km).filter((key) => !(key in en))).toEqual([]);
  });

  it('fills placeholders, and an unknown language reads English', () => {
    expect(t('km', 'reminder.overdue', { title: 'X' })).toBe('ហួសកាលកំណត់៖ X');
    expect(t('fr', 'reminder.overdue', { title: 'X' })).toBe('Overdue: X');
  });
});
