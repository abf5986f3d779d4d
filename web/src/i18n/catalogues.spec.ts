import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';

type Catalogue = { [key: string]: string | Catalogue };
/** A language's catalogue: one file per area, `web/src/i18n/<language>/<area>.json`, read as `<area>.<key>`. */
function load(language: string): Catalogue {
  const folder = `web/src/i18n/${language}`;
  return Object.fromEntries(
    readdirSync(folder)
      .filter((file) => file.endsWith('.json'))
      .map((file) => [
        file.slice(0, -'.json'.length),
        JSON.parse(readFileSync(`${folder}/${file}`, 'utf8')) as Catalogue,
      ]),
  );
}

function entries(catalogue: Catalogue, prefix = ''): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : entries(value, `${prefix}${key}.`),
  );
}

const en = new Map(entries(load('en')));
const km = new Map(entries(load('km')));
/** A key without its plural suffix: English needs `_one` and `_other`, Khmer only `_other`. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('the English and Khmer catalogues of the web app', () => {
  it('have the same keys: no English text without its Khmer, and no Khmer text left over', () => {
    const enBases = new Set([...en.keys()].map(base));
    const kmBases = new Set([...km.keys()].map(base));
    expect([...enBases].filter((key) => !kmBases.has(key))).toEqual([]);
    expect([...kmBases].filter((key) => !enBases.has(key))).toEqual([]);
  });

  it('give each plural the forms its language’s rules choose from', () => {
    for (const [language, catalogue] of [
      ['en', en],
      ['km', km],
    ] as const) {
      const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const plurals = new Set([...catalogue.keys()].filter((key) => PLURAL.test(key)).map(base));
      const missing = [...plurals].flatMap((key) =>
        forms.filter((form) => !catalogue.has(`${key}_${form}`)).map((form) => `${language}: ${key}_${form}`),
      );
      expect(missing).toEqual([]);
    }
  });

  it('give every key a text in Khmer script, apart from names that stay as they are', () => {
    const sameInEveryLanguage = new Set(['languages.en']);
    const notKhmer = [...km].filter(([key, text]) => !sameInEveryLanguage.has(key) && !/[\u1780-\u17FF]/.test(text));
    expect(notKhmer).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const khmer = (key: string) => km.get(key) ?? km.get(`${base(key)}_other`) ?? '';
    const differing = [...en].filter(([key, text]) => placeholders(text).join() !== placeholders(khmer(key)).join());
    expect(differing).toEqual([]);
  });
});
