import { HttpException } from '@nestjs/common';
import type { FieldCode, RecordKind, RefusalCode } from '../../shared/refusal-codes.js';

/** The code a refusal gets when its thrower named none. */
export const CODE_BY_STATUS: Record<number, RefusalCode> = {
  400: 'bad_request',
  401: 'sign_in_required',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  428: 'version_required',
  429: 'too_many_requests',
};

/**
 * A 4xx with a stable code: `new Refusal(404, 'not_found', 'Opportunity not found', { record: 'opportunity' })`.
 * `details` carries structured extras the client acts on (a workflow's blockers, a stale save's current text).
 */
export class Refusal extends HttpException {
  constructor(
    status: number,
    readonly code: RefusalCode,
    message: string,
    readonly params: Record<string, unknown> = {},
    details?: unknown,
  ) {
    super({ message, code, params, details }, status);
  }
}

export const notFound = (record: RecordKind, message: string) => new Refusal(404, 'not_found', message, { record });

/** One field's problem, as bad input's `details` lists them (see `common/validation.ts`). */
export interface FieldProblem {
  field: string;
  /** The web app says it in the reader's language. */
  code: FieldCode;
  /** Its limits or allowed values, e.g. `{ max: 200 }`, `{ allowed: ['en', 'km'] }`. */
  params: Record<string, unknown>;
  /** In English, for API clients and logs. */
  problems: string[];
}

export const fieldProblem = (
  field: string,
  code: FieldCode,
  problem: string,
  params: Record<string, unknown> = {},
): FieldProblem => ({ field, code, params, problems: [problem] });

/** A 400 about one field that the DTO could not check (a reference to a record that does not exist, say). */
export const badField = (field: string, code: FieldCode, problem: string, params: Record<string, unknown> = {}) =>
  new Refusal(400, 'invalid_input', `${field}: ${problem}`, { fields: [field] }, [
    fieldProblem(field, code, problem, params),
  ]);
