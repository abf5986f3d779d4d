import { createRequire } from 'node:module';
import { applyDecorators } from '@nestjs/common';
import { IsString, MaxLength, MinLength, registerDecorator } from 'class-validator';
import type { FieldCode } from '../../shared/refusal-codes.js';

/** OWASP ASVS 5.0 (V6.2): at least 8 characters, up to 128, any characters, no composition rules. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/**
 * About 49,000 of the passwords most often found in breaches, shipped with @zxcvbn-ts/language-common;
 * read on the first password set (about 13 MB that a process which never sets one does not hold).
 */
let commonPasswords: Set<string> | undefined;
function isCommonPassword(password: string): boolean {
  if (!commonPasswords) {
    const require = createRequire(import.meta.url);
    const { dictionary } = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    commonPasswords = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  }
  return commonPasswords.has(password.toLowerCase());
}
/**
 * Words anyone guessing at this service would try first: its name, the network's, the country and city
 * it works in. A password whose letters are only these (and the account's organisation's) is refused.
 */
const SERVICE_WORDS = [
  'cjn',
  'tracker',
  'child',
  'children',
  'justice',
  'network',
  'cambodia',
  'kampuchea',
  'khmer',
  'phnom',
  'penh',
  'phnompenh',
];
/** Runs of neighbouring characters a guesser tries (`abcdefgh`, `98765432`, `asdfghjk`), either way round. */
const RUNS = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'].flatMap((run) => [
  run,
  [...run].reverse().join(''),
]);
/** A word shorter than this (`of`, a two-letter name) is only refused as part of the whole it belongs to. */
const MIN_WORD = 3;

/** The account a password is for: its words are refused as a password too. */
export interface PasswordOwner {
  name?: string | null;
  email?: string | null;
  /** The account's organisation (its name and acronym). */
  organizations?: { name: string; acronym?: string | null }[];
}

/** Why a password is refused: the field code a 400 names, and the English problem after the field's name. */
export interface PasswordRefusal {
  constraint: string;
  code: FieldCode;
  problem: string;
}

const lettersOf = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{M}]/gu, '');

/** The words of a text (letters only, lower case), each, and all of them run together. */
function wordsOf(text: string | null | undefined): string[] {
  if (!text) return [];
  const words = text.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? [];
  return [...words.filter((w) => w.length >= MIN_WORD), words.join('')].filter((w) => w.length >= MIN_WORD);
}

/** Whether `letters` is nothing but words of `vocabulary` one after another. */
function madeOf(letters: string, vocabulary: Set<string>): boolean {
  if (!letters) return false;
  // reachable[i]: the first i letters are whole words.
  const reachable = [true, ...Array<boolean>(letters.length).fill(false)];
  for (let end = 1; end <= letters.length; end++)
    for (let start = 0; start < end && !reachable[end]; start++)
      reachable[end] = reachable[start] && vocabulary.has(letters.slice(start, end));
  return reachable[letters.length];
}

const isRun = (text: string) => text.length >= 4 && RUNS.some((run) => run.includes(text));

interface Rule extends PasswordRefusal {
  refuses: (password: string, words: { service: Set<string>; all: Set<string>; exact: Set<string> }) => boolean;
}

/** The password rules past length, in the order a refusal names them (one at a time). */
const RULES: Rule[] = [
  {
    constraint: 'commonPassword',
    code: 'common_password',
    refuses: isCommonPassword,
    problem: 'is one of the most common passwords; choose another',
  },
  {
    constraint: 'repeatedCharacter',
    code: 'repeated_character',
    refuses: (password) => /^(.)\1*$/u.test(password),
    problem: 'repeats a single character; choose another',
  },
  {
    constraint: 'sequentialPassword',
    code: 'sequential_password',
    refuses: (password) => {
      const lower = password.toLowerCase();
      const letters = lower.replace(/[^a-z]/g, '');
      if (letters) return isRun(letters) && lower.length - letters.length <= 4;
      return isRun(lower.replace(/[^0-9]/g, '')) && !/[^0-9\p{P}\p{S}\s]/u.test(lower);
    },
    problem: 'is a run of neighbouring letters or digits (like abcdefgh); choose another',
  },
  {
    constraint: 'guessablePassword',
    code: 'guessable_password',
    refuses: (password, words) => madeOf(lettersOf(password), words.service),
    problem: 'is too easy to guess here; choose another',
  },
  {
    constraint: 'personalPassword',
    code: 'personal_password',
    refuses: (password, words) =>
      words.exact.has(password.trim().toLowerCase()) || madeOf(lettersOf(password), words.all),
    problem: 'contains your own name or e-mail address; choose another',
  },
];

function vocabularyFor(owner: PasswordOwner = {}) {
  const service = new Set([
    ...SERVICE_WORDS,
    ...(owner.organizations ?? []).flatMap((org) => [...wordsOf(org.name), ...wordsOf(org.acronym)]),
  ]);
  const email = owner.email?.trim().toLowerCase() ?? '';
  const [local = '', domain = ''] = email.split('@');
  const personal = [...wordsOf(owner.name), ...wordsOf(local), ...domain.split('.').flatMap((label) => wordsOf(label))];
  return {
    service,
    all: new Set([...service, ...personal]),
    exact: new Set([email, local, owner.name?.trim().toLowerCase() ?? ''].filter(Boolean)),
  };
}

const NO_OWNER = vocabularyFor();

/** The first rule `password` breaks, for the account `owner` (its name, address, organisation) when known. */
export function passwordRefusal(password: string, owner?: PasswordOwner): PasswordRefusal | null {
  const words = owner ? vocabularyFor(owner) : NO_OWNER;
  const rule = RULES.find((r) => r.refuses(password, words));
  return rule ? { constraint: rule.constraint, code: rule.code, problem: rule.problem } : null;
}

/** Why a password is refused, or null when it may be used. */
export function passwordProblem(password: string, owner?: PasswordOwner): string | null {
  return passwordRefusal(password, owner)?.problem ?? null;
}

/**
 * A new password: 8–128 characters and not one that guessers try first (one refusal at a time). The
 * rules that need the account (its name, address, organisation) run again where it is known, in the
 * service that sets the password (`PasswordRules`).
 */
export function AcceptablePassword(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MinLength(PASSWORD_MIN),
    MaxLength(PASSWORD_MAX),
    ...RULES.map(
      (rule, i) => (target: object, property: string | symbol) =>
        registerDecorator({
          name: rule.constraint,
          target: target.constructor,
          propertyName: String(property),
          validator: {
            // Only the first rule a password breaks is reported.
            validate: (value: unknown) =>
              typeof value !== 'string' ||
              !rule.refuses(value, NO_OWNER) ||
              RULES.slice(0, i).some((r) => r.refuses(value, NO_OWNER)),
            defaultMessage: (args) => `${args?.property} ${rule.problem}`,
          },
        }),
    ),
  );
}
