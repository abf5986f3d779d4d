import { describe, expect, it } from '@jest/globals';
import { passwordProblem } from './password-policy.js';

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
});
