import type request from 'supertest';

/** Checks for routes that must answer bad input with a 4xx (or a page), never a 500; each failure is collected as a line. */
export const MISSING = '00000000-0000-4000-8000-000000000000';
export const NUL = 'bad\u0000value';

const badScalars: unknown[] = [null, [], {}, ['a', 'b'], { $gt: '' }, 1e308, -1, 1.5, true, '', ' ', NUL, 'x'.repeat(100_001), '9999999999999999999999'];

/** Bodies that are not objects, carry an unknown field, or put a bad value in one of `fields` (on top of `base`). */
export function badBodies(fields: string[], base: Record<string, unknown> = {}): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [[] as never, 'a string' as never, { unknownField: 1, ...base }];
  for (const f of fields) for (const v of badScalars) out.push({ ...base, [f]: v });
  return out;
}

export function problemCollector() {
  const problems: string[] = [];
  return {
    problems,
    /** A 4xx must have the error shape; anything below 400 is fine, 500 never. */
    expectClientError(res: request.Response, label: string) {
      const shaped = typeof res.body?.message === 'string' && res.body.statusCode === res.status && typeof res.body.error === 'string';
      const ok = res.status < 500 && (res.status < 400 || shaped);
      if (!ok) problems.push(`${label} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
    },
    /** Signed-link routes answer people in a browser: an HTML page, never a 500. */
    expectPage(res: request.Response, label: string) {
      if (res.status >= 500 || !String(res.headers['content-type']).startsWith('text/html')) problems.push(`${label} → ${res.status} ${res.headers['content-type']}`);
    },
  };
}

/** Calendar and signed-link tokens that are malformed, unknown or forged (`knownId`: a real id of another kind). */
export function badTokens(knownId: string): string[] {
  return ['x', '%00', 'a'.repeat(5000), `${MISSING}.${'a'.repeat(32)}`, `${knownId}.${'a'.repeat(32)}`, `${MISSING}`, '..', 'a.b.c', `${'g'.repeat(36)}.${'a'.repeat(32)}`];
}
