import type { NextFunction, Request, Response } from 'express';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ANY_UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

const lower = (value: string) => (UUID.test(value) ? value.toLowerCase() : value);

/**
 * One id form: every UUID in the path, the query string and the JSON body is lower-cased before
 * anything compares ids as strings (PostgreSQL would accept either case, JavaScript's === does not).
 */
export function lowerCaseUuids(req: Request, _res: Response, next: NextFunction): void {
  if ((req.url.match(ANY_UUID) ?? []).some((id) => id !== id.toLowerCase())) req.url = lowerInUrl(req.url);
  if (req.body !== null && typeof req.body === 'object') req.body = lowerInTree(req.body);
  next();
}

function lowerInUrl(url: string): string {
  const [path, query] = splitOnce(url, '?');
  const segments = path.split('/').map(lower).join('/');
  if (query === undefined) return segments;
  const params = [...new URLSearchParams(query)].map(([key, value]): [string, string] => [key, lower(value)]);
  return `${segments}?${new URLSearchParams(params)}`;
}

function lowerInTree(value: unknown): unknown {
  if (typeof value === 'string') return lower(value);
  if (Array.isArray(value)) return value.map(lowerInTree);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, lowerInTree(v)]));
  }
  return value;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
