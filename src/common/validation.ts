import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { MUST_NOT_BE_NULL } from './validators.js';

export interface FieldProblem {
  field: string;
  problems: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // Null for a field that may not be null is one problem, not every validator's complaint about null.
    const constraints = error.constraints;
    const problems =
      constraints &&
      (error.value === null && !constraints.whitelistValidation ? [MUST_NOT_BE_NULL] : Object.values(constraints));
    const own = problems ? [{ field, problems }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Whitelist, reject unknown fields, transform, and name every field's problem in `details`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The value is read to recognise null (see flatten) and never sent back.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const message = details.map((d) => `${d.field}: ${d.problems.join(', ')}`).join('; ');
      return new BadRequestException({ message: `Invalid input: ${message}`, details });
    },
  });
}
