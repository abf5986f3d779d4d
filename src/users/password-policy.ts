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

/** Why a password is refused, or null when it may be used. */
export function passwordProblem(password: string): string | null {
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'is one of the most common passwords; choose another';
  if (/^(.)\1*$/u.test(password)) return 'repeats a single character; choose another';
  const letters = lower.replace(/[^\p{L}]/gu, '');
  if (CONTEXT_WORDS.has(letters) || CONTEXT_WORDS.has(lower)) return 'is too easy to guess here; choose another';
  return null;
}

/** A new password: 8–128 characters and not one that guessers try first. */
export function AcceptablePassword(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MinLength(PASSWORD_MIN),
    MaxLength(PASSWORD_MAX),
    (target: object, property: string | symbol) =>
      registerDecorator({
        name: 'acceptablePassword',
        target: target.constructor,
        propertyName: String(property),
        validator: {
          validate: (value: unknown) => typeof value !== 'string' || passwordProblem(value) === null,
          defaultMessage: (args) => `${args?.property} ${passwordProblem(String(args?.value)) ?? 'is not acceptable'}`,
        },
      }),
  );
}
