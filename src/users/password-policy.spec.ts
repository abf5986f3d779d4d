import { describe, expect, it } from '@jest/globals';
import { passwordProblem, passwordRefusal } from './password-policy.js';

describe('passwordProblem', () => {
  it('refuses passwords from the breached-password list, whatever their case', () => {
    for (const password of ['password12', 'Password12', 'qwertyuiop', '1234567890', 'iloveyou1']) {
      expect(passwordProblem(password)).toMatch(/most common passwords/);
    }
  });

  it('refuses one character repeated, and the names of this service', () => {
    expect(passwordProblem('aaaaaaaaaa')).toMatch(/single character/);
    expect(passwordProblem('ឥឥឥឥឥឥឥឥ')).toMatch(/single character/);
    expect(passwordProblem('CJN-Tracker!')).toMatch(/too easy to guess/);
  });

  it('accepts passphrases in any script, with no composition rules', () => {
    for (const password of ['correct horse battery', 'kampot pepper rain', 'យុត្តិធម៌កុមារ', 'lac-legal-aid-2026']) {
      expect(passwordProblem(password)).toBeNull();
    }
  });

  it('refuses a run along the alphabet, the digits or a keyboard row, with a few characters added', () => {
    for (const password of [
      'abcdefgh',
      'Abcdefgh1',
      'ghijklmnop',
      'zyxwvuts!',
      'abcdefgh2026',
      'asdfghjk1',
      '23456789',
    ]) {
      expect(passwordRefusal(password)).toMatchObject({ code: 'sequential_password' });
    }
    for (const password of ['abcd-kampot-rain', 'abc51942x7q']) expect(passwordRefusal(password)).toBeNull();
  });

  it("refuses this service's own words, its country and city, with digits and symbols added", () => {
    for (const password of ['cjntracker1', 'Phnompenh1', 'Cambodia2026!', 'ChildJusticeNetwork', 'tracker-cjn-99']) {
      expect(passwordRefusal(password)).toMatchObject({ code: 'guessable_password' });
    }
  });
});

describe('passwordRefusal with the account it is for', () => {
  const owner = {
    name: 'Sokha Chan',
    email: 'sokha.chan@legalaid.org.kh',
    organizations: [{ name: 'Legal Aid of Cambodia', acronym: 'LAC' }],
  };

  it("refuses the person's own name and e-mail address, or its parts, with digits and symbols added", () => {
    for (const password of [
      'sokha.chan',
      'Sokha.Chan@legalaid.org.kh',
      'SokhaChan1',
      'chan-sokha!',
      'Sokha2026!',
      'legalaid.org',
    ]) {
      expect(passwordRefusal(password, owner)).toMatchObject({
        code: 'personal_password',
        problem: 'contains your own name or e-mail address; choose another',
      });
    }
  });

  it("refuses the organisation's name or acronym plus digits as too easy to guess here", () => {
    for (const password of ['LegalAidofCambodia1', 'LAC12345678', 'legal aid 2026', 'lac-cjn-2026']) {
      expect(passwordRefusal(password, owner)).toMatchObject({ code: 'guessable_password' });
    }
  });

  it('takes a passphrase that merely contains one of those words among others', () => {
    for (const password of ['sokha likes kampot rain', 'correct horse battery', 'legal aid for every child now']) {
      expect(passwordRefusal(password, owner)).toBeNull();
    }
  });

  it('ignores name parts too short to mean anything, yet refuses the whole name', () => {
    const li = { name: 'Li An', email: 'li@un.org', organizations: [] };
    expect(passwordRefusal('lian2026!', li)).toMatchObject({ code: 'personal_password' });
    expect(passwordRefusal('a long river in the rain', li)).toBeNull();
  });

  it('names the common list first: one refusal at a time, the most telling', () => {
    expect(passwordRefusal('password12', owner)).toMatchObject({ code: 'common_password' });
  });
});
