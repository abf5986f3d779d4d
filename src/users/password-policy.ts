import { dictionary } from '@zxcvbn-ts/language-common';
import { applyDecorators } from '@nestjs/common';
import { IsString, MaxLength, MinLength, registerDecorator } from 'class-validator';

/** OWASP ASVS 5.0 (V6.2): at least 8 characters, up to 128, any characters, no composition rules. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** About 49,000 of the passwords most often found in breaches, shipped with @zxcvbn-ts/language-common. */
const COMMON_PASSWORDS = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
/** Words anyone guessing at this service would try first. */
const CONTEXT_WORDS = new Set(['cjn', 'cjntracker', 'childjustice', 'childjusticenetwork', 'tracker']);

/** The password rules past length, each with the constraint name a refusal is coded by. */
const RULES = [
  {
    constraint: 'commonPassword',
    refuses: (password: string) => COMMON_PASSWORDS.has(password.toLowerCase()),
    problem: 'is one of the most common passwords; choose another',
  },
  {
    constraint: 'repeatedCharacter',
    refuses: (password: string) => /^(.)\1*$/u.test(password),
    problem: 'repeats a single character; choose another',
  },
  {
    constraint: 'guessablePassword',
    refuses: (password: string) => {
      const lower = password.toLowerCase();
      const letters = lower.replace(/[^\p{L}]/gu, '');
      return CONTEXT_WORDS.has(letters) || CONTEXT_WORDS.has(lower);
    },
    problem: 'is too easy to guess here; choose another',
  },
] as const;

/** Why a password is refused, or null when it may be used. */
export function passwordProblem(password: string): string | null {
  return RULES.find((rule) => rule.refuses(password))?.problem ?? null;
}

/** A new password: 8–128 characters and not one that guessers try first (one refusal at a time). */
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
              typeof value !== 'string' || !rule.refuses(value) || RULES.slice(0, i).some((r) => r.refuses(value)),
            defaultMessage: (args) => `${args?.property} ${rule.problem}`,
          },
        }),
    ),
  );
}
