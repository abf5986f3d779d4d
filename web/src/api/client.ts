import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** The API client generated from the OpenAPI document (`npm run openapi:client`); same origin, session cookie. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

/** An API refusal in the server's error shape `{ statusCode, error, message, details? }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** In English; what the reader sees is written from `code` and `params` (`api/refusals.ts`). */
    message: string,
    readonly details?: unknown,
    readonly code: string = 'refused',
    readonly params: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * The body of a successful answer, typed by the caller. The current OpenAPI document declares request
 * bodies but not response bodies, so each feature's hooks file types the few fields it reads.
 */
export async function unwrap<T>(call: Promise<FetchResult>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const body = (error ?? {}) as Partial<components['schemas']['Error']> & { message?: string | string[] };
    const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? response.statusText);
    const code = body.code ?? (response.status >= 500 ? 'server_error' : 'refused');
    throw new ApiError(response.status, message, body.details, code, body.params ?? {});
  }
  return data as T;
}

export const isUnauthorized = (error: unknown) => error instanceof ApiError && error.status === 401;
/**
 * Worth asking again: the network or the server failed, not a refusal that would be the same next time. Not
 * while offline: the error (or the copy kept on this device) shows at once, and reconnecting asks again.
 */
export const shouldRetry = (count: number, error: unknown) =>
  navigator.onLine && !(error instanceof ApiError && error.status < 500) && count < 2;
export const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;
