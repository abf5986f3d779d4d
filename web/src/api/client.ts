import createClient from 'openapi-fetch';
import type { paths } from './schema';

/** The API client generated from the OpenAPI document (`npm run openapi:client`); same origin, session cookie. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

/** An API refusal in the server's error shape `{ statusCode, error, message, details? }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
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
    const body = (error ?? {}) as { message?: string | string[]; details?: unknown };
    const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? response.statusText);
    throw new ApiError(response.status, message, body.details);
  }
  return data as T;
}

export const isUnauthorized = (error: unknown) => error instanceof ApiError && error.status === 401;
/** Worth asking again: the network or the server failed, not a refusal that would be the same next time. */
export const shouldRetry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;
export const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/** The server's per-field problems (`details: [{ field, problems }]`) keyed by field name. */
export function fieldProblems(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const entries = (error.details as { field?: unknown; problems?: unknown }[])
    .filter((d) => typeof d.field === 'string' && Array.isArray(d.problems))
    .map((d) => [String(d.field).split('.')[0], (d.problems as string[]).join(', ')]);
  return Object.fromEntries(entries);
}
