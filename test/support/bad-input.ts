import { afterEach, beforeEach, expect } from '@jest/globals';
import type request from 'supertest';

export const MISSING = '00000000-0000-4000-8000-000000000000';
export const NUL = 'bad\u0000value';

export const badScalars: unknown[] = [
  null,
  [],
  {},
  ['a', 'b'],
  { $gt: '' },
  1e308,
  -1,
  1.5,
  true,
  '',
  ' ',
  NUL,
  'x'.repeat(100_001),
  '9999999999999999999999',
];

/** Every field of each body, in turn, set to each bad scalar. */
export function bodies(fields: string[], base: Record<string, unknown> = {}): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [[] as never, 'a string' as never, { unknownField: 1, ...base }];
  for (const f of fields) for (const v of badScalars) out.push({ ...base, [f]: v });
  return out;
}

export const badQueries = [
  'limit=0',
  'limit=101',
  'limit=abc',
  'limit=1e400',
  'limit=1&limit=2',
  'offset=-1',
  'offset=99999999999999999999',
  'cursor=!!',
  'cursor=a&cursor=b',
  'cursor=' + Buffer.from('o:99999999999').toString('base64url'),
  'sort=nope',
  'sort=a&sort=b',
  'stage=nope',
  'stage=a&stage=b',
  'status=nope',
  'status[a]=b',
  'kind=nope',
  'q=' + encodeURIComponent(NUL),
  'q=a&q=b',
  'closesFrom=2026-02-30',
  'closesFrom=99999-01-01',
  'closesTo=not-a-date',
  'funderId=nope',
  'ownerId=1',
  'tag=a&tag=b',
  'leadOrganizationId=x',
  'archived=maybe',
  'unread=maybe',
  'resolved=x',
  'from=0',
  'from=abc',
  'to=99999999999',
  'format=pdf',
  'includeWithdrawn=x',
  'partnerId=x',
  'visibility=secret',
  'dryRun=x',
  'unknown=1',
  'q=' + encodeURIComponent('%_\\'),
];

/**
 * Bad input must answer a 4xx with the error shape, never a 500. Problems are collected so one run
 * names every failing input; each test of the calling `describe` ends with `expect(problems).toEqual([])`.
 */
export function clientErrorChecker(): (res: request.Response, label: string) => void {
  let problems: string[] = [];
  beforeEach(() => {
    problems = [];
  });
  afterEach(() => {
    expect(problems).toEqual([]);
  });
  return (res, label) => {
    const shaped =
      typeof res.body?.message === 'string' && res.body.statusCode === res.status && typeof res.body.error === 'string';
    const ok = res.status < 500 && (res.status < 400 || shaped);
    if (!ok) problems.push(`${label} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
  };
}

/** Like clientErrorChecker, for tests that collect problems themselves; `expectPage` is for signed-link routes (an HTML page, never a 500). */
export function problemCollector() {
  const problems: string[] = [];
  return {
    problems,
    expectClientError(res: request.Response, label: string) {
      const shaped =
        typeof res.body?.message === 'string' &&
        res.body.statusCode === res.status &&
        typeof res.body.error === 'string';
      const ok = res.status < 500 && (res.status < 400 || shaped);
      if (!ok) problems.push(`${label} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
    },
    expectPage(res: request.Response, label: string) {
      if (res.status >= 500 || !String(res.headers['content-type']).startsWith('text/html'))
        problems.push(`${label} → ${res.status} ${res.headers['content-type']}`);
    },
  };
}

/** Calendar and signed-link tokens that are malformed, unknown or forged (`knownId`: a real id of another kind). */
export function badTokens(knownId: string): string[] {
  return [
    'x',
    '%00',
    'a'.repeat(5000),
    `${MISSING}.${'a'.repeat(32)}`,
    `${knownId}.${'a'.repeat(32)}`,
    `${MISSING}`,
    '..',
    'a.b.c',
    `${'g'.repeat(36)}.${'a'.repeat(32)}`,
  ];
}

/** Bodies no route can take, each with its label and content type: malformed JSON, a type no route reads, a form, null, an array, broken multipart. */
export const MALFORMED_BODIES: [label: string, contentType: string, body: string][] = [
  ['malformed', 'application/json', '{"title":'],
  ['text/plain', 'text/plain', 'title=x'],
  ['form', 'application/x-www-form-urlencoded', 'title=x&title=y'],
  ['null', 'application/json', 'null'],
  ['array', 'application/json', '[1,2]'],
  ['multipart', 'multipart/form-data; boundary=x', '--x\r\nbroken'],
];

/** Every path template (its `ID` replaced by each value) called with GET, PATCH, DELETE and POST, labelled. */
export function* requestsWithIds(
  actor: { as: Record<'get' | 'patch' | 'delete' | 'post', (url: string) => request.Test> },
  paths: string[],
  values: string[],
): Generator<[string, request.Test]> {
  for (const template of paths) {
    for (const value of values) {
      const path = template.replace('ID', value);
      for (const method of ['get', 'patch', 'delete', 'post'] as const) {
        yield [`${method.toUpperCase()} ${path}`, actor.as[method](path).send({})];
      }
    }
  }
}
