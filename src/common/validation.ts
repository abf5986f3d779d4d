import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { FieldCode } from '../../shared/refusal-codes.js';
import type { FieldProblem } from './refusal.js';
import { MUST_NOT_BE_NULL } from './validators.js';

/** class-validator's constraint names (and ours) → the field codes the web app knows. */
const CODE_OF_CONSTRAINT: Record<string, FieldCode> = {
  isNotEmpty: 'required',
  isDefined: 'required',
  notNull: 'required',
  arrayNotEmpty: 'required',
  whitelistValidation: 'unknown_field',
  maxLength: 'too_long',
  minLength: 'too_short',
  min: 'too_small',
  max: 'too_large',
  arrayMinSize: 'too_few_items',
  arrayMaxSize: 'too_many_items',
  isString: 'not_text',
  isIn: 'not_one_of',
  isEnum: 'not_one_of',
  isUuid: 'not_uuid',
  isInt: 'not_integer',
  isNumber: 'not_number',
  isBoolean: 'not_boolean',
  isArray: 'not_list',
  isIso8601: 'not_date',
  isDateString: 'not_date',
  isUrl: 'not_url',
  isEmail: 'not_email',
  isAmount: 'not_amount',
  isCurrency: 'not_currency',
  isISO31661Alpha2: 'not_country',
  isTimeZone: 'not_time_zone',
  isDeadlineZone: 'not_time_zone',
  isOffset: 'not_duration',
  matches: 'wrong_format',
  arrayUnique: 'duplicates',
  nestedValidation: 'invalid',
  commonPassword: 'common_password',
  repeatedCharacter: 'repeated_character',
  sequentialPassword: 'sequential_password',
  guessablePassword: 'guessable_password',
  personalPassword: 'personal_password',
};

/** The limits a constraint was declared with, read from class-validator's metadata for that property. */
function limitsOf(error: ValidationError, constraint: string): Record<string, unknown> {
  const target = error.target?.constructor;
  if (!target) return {};
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name ?? m.type) === constraint);
  const args = metadata?.constraints ?? [];
  switch (constraint) {
    case 'maxLength':
    case 'max':
    case 'arrayMaxSize':
      return { max: args[0] };
    case 'minLength':
    case 'min':
    case 'arrayMinSize':
      return { min: args[0] };
    case 'isIn':
      return { allowed: args[0] };
    case 'isEnum':
      return { allowed: Object.values(args[0] as object) };
    default:
      return {};
  }
}

function codeOf(error: ValidationError, constraint: string): FieldCode {
  if (constraint === 'matches' && error.property.toLowerCase().includes('time')) return 'not_time_of_day';
  return CODE_OF_CONSTRAINT[constraint] ?? 'invalid';
}

/** The constraint that says most: a missing value before its format, an unknown field before all. */
function firstConstraint(constraints: Record<string, string>): string {
  const names = Object.keys(constraints);
  return (
    names.find((n) => n === 'whitelistValidation') ??
    names.find((n) => CODE_OF_CONSTRAINT[n] === 'required') ??
    names.find((n) => n !== 'isString' && n !== 'isArray') ??
    names[0]
  );
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = error.constraints;
    const own: FieldProblem[] = [];
    if (constraints) {
      // Null for a field that may not be null is one problem, not every validator's complaint about null.
      if (error.value === null && !constraints.whitelistValidation) {
        own.push({ field, code: 'required', params: {}, problems: [MUST_NOT_BE_NULL] });
      } else {
        const first = firstConstraint(constraints);
        own.push({
          field,
          code: codeOf(error, first),
          params: limitsOf(error, first),
          problems: Object.values(constraints),
        });
      }
    }
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Whitelist, reject unknown fields, transform, and name every field's problem in `details`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The value is read to recognise null (see flatten) and the target to read a constraint's limits;
    // neither is sent back.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const message = details.map((d) => `${d.field}: ${d.problems.join(', ')}`).join('; ');
      return new BadRequestException({
        message: `Invalid input: ${message}`,
        code: 'invalid_input',
        params: { fields: details.map((d) => d.field) },
        details,
      });
    },
  });
}
