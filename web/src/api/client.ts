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

/** What every openapi-fetch call resolves to: `data` on a 2xx answer, `error` otherwise, and the response. */
interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The success branch of an openapi-fetch answer: the body its path and method declare (`undefined` for a 204). */
type Success<R> = R extends { data: infer Data; error?: never } ? Data : never;

/**
 * The body of a successful answer, typed from the call itself: `await unwrap(api.GET('/api/v1/…', …))` is the
 * response schema of that path and method, with no type argument to get wrong. A refusal throws an ApiError.
 *
 * The overload states what openapi-fetch's own `FetchResponse` union states: a 2xx answer carries `data`
 * (`response.ok` is how openapi-fetch itself chooses the branch, and TypeScript cannot narrow a union on it).
 */
export function unwrap<R extends FetchResult>(call: Promise<R>): Promise<Success<R>>;
export async function unwrap(call: Promise<FetchResult>): Promise<unknown> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const body = (error ?? {}) as Partial<components['schemas']['Error']> & { message?: string | string[] };
    const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? response.statusText);
    const code = body.code ?? (response.status >= 500 ? 'server_error' : 'refused');
    throw new ApiError(response.status, message, body.details, code, body.params ?? {});
  }
  return data;
}

export const isUnauthorized = (error: unknown) => error instanceof ApiError && error.status === 401;
/**
 * Worth asking again: the network or the server failed, not a refusal that would be the same next time. Not
 * while offline: the error (or the copy kept on this device) shows at once, and reconnecting asks again.
 */
export const shouldRetry = (count: number, error: unknown) =>
  navigator.onLine && !(error instanceof ApiError && error.status < 500) && count < 2;
export const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;
