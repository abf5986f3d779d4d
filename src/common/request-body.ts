import type { NextFunction, Request, Response } from 'express';
import { errorBody } from './errors.js';

export const BODY_LIMIT = '1mb';
/** Pasted recommendations may hold 1 MB of text; their JSON body gets room for that and its escapes. */
export const IMPORT_BODY_LIMIT = '3mb';
const LARGE_BODY_ROUTES = [/^\/api\/v1\/reviews\/[^/]+\/recommendations\/import$/];

/** The routes that read a larger JSON body than BODY_LIMIT (run before the general JSON parser). */
export function largeBodyRoute(req: Request): boolean {
  return req.method === 'POST' && LARGE_BODY_ROUTES.some((route) => route.test(req.path));
}
/** Deeper JSON than any request of ours needs; checked on the raw bytes, before anything recurses into it. */
export const MAX_JSON_DEPTH = 32;
const ACCEPTED_TYPES = ['json', 'urlencoded', 'multipart'];

class BodyRefused extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** A body in a content type no route reads is a 415, not a body that seems to miss every field. */
export function requireKnownContentType(req: Request, res: Response, next: NextFunction): void {
  if (req.headers['content-length'] === '0' || req.is(ACCEPTED_TYPES) !== false) return next();
  res
    .status(415)
    .json(
      errorBody(
        415,
        `Send the request body as application/json (got ${req.headers['content-type'] ?? 'no content type'})`,
      ),
    );
}

/** body-parser's `verify` hook: refuses JSON nested deeper than MAX_JSON_DEPTH without parsing it. */
export function refuseDeepJson(_req: unknown, _res: unknown, raw: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > MAX_JSON_DEPTH)
        throw new BodyRefused('json.too.deep', `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`);
    } else if (byte === 0x5d || byte === 0x7d) {
      depth--;
    }
  }
}

/**
 * A lone surrogate (e.g. "\ud800") or a NUL character is valid JSON but no text anyone writes, and
 * PostgreSQL cannot store it: refuse it naming where it is.
 */
export function refuseIllFormedText(req: Request, res: Response, next: NextFunction): void {
  const found = illFormedPath(req.body);
  if (found === null) return next();
  const [where, what] = found;
  res.status(400).json(errorBody(400, `${where || 'The body'} holds ${what}`, { field: where }));
}

function problemIn(text: string): string | null {
  if (!text.isWellFormed()) return 'ill-formed Unicode (a lone surrogate)';
  if (text.includes('\u0000')) return 'a NUL character';
  return null;
}

function illFormedPath(body: unknown): [string, string] | null {
  const stack: [unknown, string][] = [[body, '']];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      const problem = problemIn(value);
      if (problem) return [path, problem];
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
        const problem = problemIn(key);
        if (problem) return [childPath, problem];
        stack.push([child, childPath]);
      }
    }
  }
  return null;
}

/** Malformed JSON is the client's fault (400); an oversize body is 413; both in the API's error shape. */
export function bodyParserErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const e = err as { type?: string; status?: number; message?: string };
  if (e?.type === 'json.too.deep') {
    res.status(400).json(errorBody(400, e.message ?? 'The JSON body is nested too deeply'));
  } else if (e?.type === 'entity.parse.failed') {
    res.status(400).json(errorBody(400, 'Malformed JSON in the request body'));
  } else if (e?.type === 'entity.too.large') {
    const limit =
      typeof (e as { limit?: unknown }).limit === 'number'
        ? `${Math.round((e as { limit: number }).limit / 1048576)}mb`
        : BODY_LIMIT;
    res.status(413).json(errorBody(413, `The request body is larger than ${limit}`));
  } else if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') {
    res.status(415).json(errorBody(415, e.message ?? 'Unsupported body encoding'));
  } else if (e?.status && e.status >= 400 && e.status < 500) {
    res.status(e.status).json(errorBody(e.status, 'The request body could not be read'));
  } else {
    next(err);
  }
}
