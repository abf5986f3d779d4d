import { describe, expect, it } from '@jest/globals';
import { en } from './en.catalogue.js';
import { km } from './km.catalogue.js';
import { t } from './translate.js';

const KHMER = /[\u1780-\u17FF]/;
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('server message catalogues', () => {
  it.each(Object.keys(en) as (keyof typeof en)[])('%s has Khmer text with the same placeholders', (key) => {
    const words = km[key].replace(/\{\{\w+\}\}|CJN|Tracker/g, '');
    // Only a bare frame around a placeholder (Khmer quotation marks) may go without Khmer letters.
    if (/[A-Za-z]/.test(words) || words.replace(/[\s\p{P}]/gu, '')) expect(words).toMatch(KHMER);
    expect(words).not.toMatch(/[A-Za-z]{2,}/);
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
