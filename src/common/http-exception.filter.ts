import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { type ErrorBody, errorBody } from './errors.js';
import { REFUSAL_CODES, type RefusalCode } from '../../shared/refusal-codes.js';
import { CODE_BY_STATUS } from './refusal.js';

/** Postgres errors that mean the request was wrong, not the server. */
const PG_CLIENT_ERRORS: Record<string, [number, RefusalCode, string]> = {
  '23505': [409, 'value_exists', 'A record with these values already exists'],
  '23503': [409, 'reference_missing', 'A referenced record does not exist or is still in use'],
  '23514': [400, 'value_invalid', 'A value is outside what is allowed'],
  '22P02': [400, 'value_invalid', 'A value has the wrong format'],
  '22001': [400, 'value_invalid', 'A value is too long'],
  '22003': [400, 'value_invalid', 'A number is out of range'],
  '22007': [400, 'value_invalid', 'A date or time has the wrong format'],
  '22008': [400, 'value_invalid', 'A date or time is out of range'],
  '22021': [400, 'value_invalid', 'A text value holds a character that cannot be stored (e.g. a NUL byte)'],
  '22P05': [400, 'value_invalid', 'A text value holds a character that cannot be stored'],
};

const KNOWN_CODES = new Set<string>(REFUSAL_CODES);

/** The thrower's code; else a known `details.code`; else one by status. */
function codeOf(status: number, r: { code?: unknown; details?: unknown }): string | undefined {
  if (typeof r.code === 'string') return r.code;
  const legacy = (r.details as { code?: unknown } | undefined)?.code;
  if (typeof legacy === 'string' && KNOWN_CODES.has(legacy)) return legacy;
  return CODE_BY_STATUS[status];
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (response.headersSent) return;
    const retryAfter = (body.details as { retryAfter?: number } | undefined)?.retryAfter;
    if (body.statusCode === 429 && retryAfter) response.setHeader('Retry-After', String(retryAfter));
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      if (typeof res === 'string') return errorBody(status, res);
      const r = res as { message?: unknown; details?: unknown; code?: unknown; params?: unknown };
      const message = Array.isArray(r.message) ? r.message.join('; ') : String(r.message ?? exception.message);
      const params = r.params && typeof r.params === 'object' ? (r.params as Record<string, unknown>) : {};
      return errorBody(status, message, r.details, codeOf(status, r), params);
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code ?? '';
      const known = PG_CLIENT_ERRORS[code];
      if (known) return errorBody(known[0], known[2], undefined, known[1]);
    }
    const errorId = randomUUID();
    this.logger.error({ errorId, err: exception }, `Unhandled error ${errorId}`);
    return { ...errorBody(500, 'Something went wrong on our side; the error id helps us find it'), errorId };
  }
}
