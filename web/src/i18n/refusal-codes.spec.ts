import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { FIELD_CODES, RECORD_KINDS, REFUSAL_CODES } from '../../../shared/refusal-codes.js';

type Catalogue = { [key: string]: string | Catalogue };
const errors = (language: string) =>
  JSON.parse(readFileSync(`web/src/i18n/${language}/errors.json`, 'utf8')) as Catalogue;
/** The sentence at a dotted path, as i18next reads `errors.<path>`. */
const sentence = (catalogue: Catalogue, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Catalogue | undefined)?.[key], catalogue);

describe('every code the server refuses with has its sentence in both of the web app’s catalogues', () => {
  for (const language of ['en', 'km']) {
    it(`${language}: every refusal code, every field code and every kind of record`, () => {
      const catalogue = errors(language);
      const missing = [
        ...[...REFUSAL_CODES, 'server_error'].map((code) => `refusal.${code}`),
        ...FIELD_CODES.map((code) => `field.${code}`),
        ...RECORD_KINDS.map((kind) => `record.${kind}`),
      ].filter((path) => typeof sentence(catalogue, path) !== 'string');
      expect(missing).toEqual([]);
    });
  }

  it('the Khmer sentences are Khmer, not English left in place', () => {
    const en = errors('en');
    const km = errors('km');
    const same = [...REFUSAL_CODES.map((c) => `refusal.${c}`), ...FIELD_CODES.map((c) => `field.${c}`)].filter(
      (path) => sentence(en, path) === sentence(km, path),
    );
    expect(same).toEqual([]);
    const untranslated = FIELD_CODES.filter((code) => !/[\u1780-\u17FF]/.test(String(sentence(km, `field.${code}`))));
    expect(untranslated).toEqual([]);
  });
});
