import { CODE_BY_STATUS } from './refusal.js';

/** The one error shape of the HTTP contract. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  /** Stable: what the reader is told, in their language, is chosen by it (`REFUSAL_CODES`). */
  code: string;
  params: Record<string, unknown>;
  message: string;
  details?: unknown;
  errorId?: string;
}

export const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function errorBody(
  statusCode: number,
  message: string,
  details?: unknown,
  code: string = CODE_BY_STATUS[statusCode] ?? (statusCode >= 500 ? 'server_error' : 'refused'),
  params: Record<string, unknown> = {},
): ErrorBody {
  const body: ErrorBody = { statusCode, error: STATUS_NAMES[statusCode] ?? 'Error', code, params, message };
  if (details !== undefined) body.details = details;
  return body;
}
