import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type request from 'supertest';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { makeOpportunity } from './support/opportunity-factories.js';
import { makeDeadline } from './support/reminder-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Bad input on the deadlines, reminders, calendar, Telegram and signed-link routes:
 * each must answer a 4xx with the error shape, never a 500.
 */
describe('deadlines robustness: bad input never answers 500', () => {
  let t: TestApp;
  let c: Actor;
  let member: Actor;
  let ids: Record<string, string>;
  const MISSING = '00000000-0000-4000-8000-000000000000';
  const NUL = 'bad\u0000value';
  const future = () => new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();

  beforeAll(async () => {
    t = await startTestApp();
    const org = await makeOrganization(t, { name: 'Robust partner' });
    c = await makeUser(t, { role: 'coordinator' });
    member = await makeUser(t, { role: 'member', organizationId: org.id });
    const opp = await makeOpportunity(c, { title: 'Robust grant', visibility: 'network' });
    const d = await makeDeadline(c, { subjectType: 'opportunity', subjectId: opp.id, dueAt: future() });
    ids = { opp: opp.id, deadline: d.id };
  });
  afterAll(() => t.close());

  const badScalars: unknown[] = [null, [], {}, ['a', 'b'], { $gt: '' }, 1e308, -1, 1.5, true, '', ' ', NUL, 'x'.repeat(100_001), '9999999999999999999999'];

  function bodies(fields: string[], base: Record<string, unknown> = {}): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [[] as never, 'a string' as never, { unknownField: 1, ...base }];
    for (const f of fields) for (const v of badScalars) out.push({ ...base, [f]: v });
    return out;
  }

  let problems: string[] = [];
  beforeEach(() => {
    problems = [];
  });
  afterEach(() => {
    expect(problems).toEqual([]);
  });

  /** Signed-link routes answer people in a browser: an HTML page, never a 500. */
  function expectPage(res: request.Response, label: string) {
    if (res.status >= 500 || !String(res.headers['content-type']).startsWith('text/html')) problems.push(`${label} → ${res.status} ${res.headers['content-type']}`);
  }

  function expectClientError(res: request.Response, label: string) {
    const shaped = typeof res.body?.message === 'string' && res.body.statusCode === res.status && typeof res.body.error === 'string';
    const ok = res.status < 500 && (res.status < 400 || shaped);
    if (!ok) problems.push(`${label} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
  }

  const deadlineFields = ['subjectType', 'subjectId', 'title', 'description', 'kind', 'dueAt', 'dueDate', 'timeZone', 'assigneeIds', 'reminderOffsets', 'overdueReminder'];

  it('creating and changing deadlines survives bad bodies', async () => {
    const base = { subjectType: 'opportunity', subjectId: ids.opp, title: 'Fuzz', kind: 'external', dueAt: future(), timeZone: 'Europe/Geneva' };
    for (const body of bodies(deadlineFields, base)) {
      expectClientError(await c.as.post('/api/v1/deadlines').send(body as object), `POST deadlines ${JSON.stringify(body).slice(0, 80)}`);
    }
    for (const body of bodies([...deadlineFields.filter((f) => !f.startsWith('subject')), 'status'])) {
      expectClientError(await c.as.patch(`/api/v1/deadlines/${ids.deadline}`).send(body as object), `PATCH deadline ${JSON.stringify(body).slice(0, 80)}`);
    }
  });

  it('bad durations, offsets, zones and due times are 400s', async () => {
    const base = { subjectType: 'opportunity', subjectId: ids.opp, title: 'Fuzz', kind: 'external', timeZone: 'Europe/Geneva' };
    const variants: Record<string, unknown>[] = [
      { dueAt: future(), dueDate: '2027-01-01' },
      {},
      { dueAt: '2026-03-01' },
      { dueAt: '2026-02-30T17:00' },
      { dueAt: '99999-01-01T00:00Z' },
      { dueAt: '0000-01-01T00:00Z' },
      { dueAt: '+275760-09-13T00:00:00Z' },
      { dueDate: '2026-13-01' },
      { dueDate: '0000-01-01' },
      { dueDate: '9999-12-31' },
      { dueAt: future(), timeZone: 'Mars/Olympus' },
      { dueAt: future(), timeZone: 'EST5EDT' },
      { dueAt: future(), timeZone: '../../etc/passwd' },
      { dueAt: future(), timeZone: 'UTC+25' },
      { dueAt: future(), timeZone: 'x'.repeat(500) },
      ...['P', 'PT', 'P1M', 'P1Y', 'P0D', 'PT0S', '-P1D', 'P-1D', 'P367D', 'P99999999999999999999D', 'PT1.5H', 'P1D1D', 'p1d ', NUL, ''].map(
        (o) => ({ dueAt: future(), reminderOffsets: [o] }),
      ),
      { dueAt: future(), reminderOffsets: Array.from({ length: 11 }, (_, i) => `P${i + 1}D`) },
      { dueAt: future(), reminderOffsets: ['P1D', 'P1D'] },
      { dueAt: future(), reminderOffsets: ['PT24H', 'P1D'] },
      { dueAt: future(), assigneeIds: [MISSING] },
      { dueAt: future(), assigneeIds: ['nope'] },
      { dueAt: future(), subjectType: 'opportunity', subjectId: MISSING },
      { dueAt: future(), subjectType: 'organization', subjectId: ids.opp },
      { dueAt: future(), subjectType: 'submission', subjectId: ids.opp },
      { dueAt: future(), subjectType: 'section', subjectId: ids.opp },
      { dueAt: future(), subjectType: 'checklistItem', subjectId: ids.opp },
      { dueAt: future(), subjectType: 'partner', subjectId: ids.opp },
      { dueAt: future(), subjectType: '__proto__', subjectId: ids.opp },
    ];
    for (const v of variants) {
      const body = { ...base, ...v };
      const res = await c.as.post('/api/v1/deadlines').send(body);
      expectClientError(res, `POST ${JSON.stringify(v).slice(0, 80)}`);
      const patch = { ...v };
      delete patch.subjectType;
      delete patch.subjectId;
      expectClientError(await c.as.patch(`/api/v1/deadlines/${ids.deadline}`).send(patch), `PATCH ${JSON.stringify(patch).slice(0, 80)}`);
    }
    // dueAt and dueDate together, and neither, are refused outright.
    expect((await c.as.post('/api/v1/deadlines').send({ ...base, dueAt: future(), dueDate: '2027-01-01' })).status).toBe(400);
    expect((await c.as.patch(`/api/v1/deadlines/${ids.deadline}`).send({ dueAt: future(), dueDate: '2027-01-01' })).status).toBe(400);
    // A non-nullable field set to null is a 400 naming the field, not a database error.
    for (const field of ['title', 'kind', 'overdueReminder', 'timeZone', 'status']) {
      const res = await c.as.patch(`/api/v1/deadlines/${ids.deadline}`).send({ [field]: null });
      expect([res.status, String(res.body.message).includes(field)]).toEqual([400, true]);
    }
  });

  it('list, read and reminders routes survive bad queries and ids', async () => {
    const queries = [
      'from=abc', 'from=2026-02-30', 'from=99999-01-01', 'to=0', 'to=+275760-09-13', 'from=a&from=b', 'status=nope', 'status[a]=b',
      'mine=maybe', 'mine=true&mine=false', 'subjectType=nope', 'subjectType=__proto__', 'subjectId=nope', `subjectId=${MISSING}`,
      'subjectId=a&subjectId=b', 'limit=0', 'limit=101', 'limit=abc', 'offset=-1', 'cursor=!!', 'unknown=1', 'from=' + encodeURIComponent(NUL),
      'from=2026-01-01T00:00:00%2B99:00', 'to=2026-W01', 'from=2026-001',
    ];
    for (const q of queries) {
      for (const actor of [c, member]) expectClientError(await actor.as.get(`/api/v1/deadlines?${q}`), `GET deadlines?${q}`);
    }
    for (const v of ['nope', MISSING, ids.opp, '%00', '1e400', '-1']) {
      for (const path of [`/api/v1/deadlines/${v}`, `/api/v1/deadlines/${v}/reminders`]) {
        for (const method of ['get', 'patch', 'delete'] as const) expectClientError(await c.as[method](path).send({}), `${method} ${path}`);
      }
      expectClientError(await c.as.post(`/api/v1/deadlines/${v}/template`).send({ templateId: 'grant-application' }), `POST template ${v}`);
    }
    for (const body of bodies(['templateId'])) {
      expectClientError(await c.as.post(`/api/v1/deadlines/${ids.deadline}/template`).send(body as object), `POST template ${JSON.stringify(body).slice(0, 60)}`);
    }
  });

  it('calendar, Telegram and signed-link routes survive bad tokens and scopes', async () => {
    for (const q of ['subjectType=opportunity', `subjectId=${ids.opp}`, 'subjectType=nope&subjectId=x', `subjectType=submission&subjectId=${ids.opp}`,
      `subjectType=opportunity&subjectId=${MISSING}`, 'subjectType=a&subjectType=b', `subjectType=opportunity&subjectId=${ids.opp}&subjectId=${ids.opp}`]) {
      expectClientError(await c.as.get(`/api/v1/me/calendar?${q}`), `GET me/calendar?${q}`);
      expectClientError(await c.as.post(`/api/v1/me/calendar/regenerate?${q}`), `POST regenerate?${q}`);
    }
    const tokens = ['x', '%00', 'a'.repeat(5000), `${MISSING}.${'a'.repeat(32)}`, `${ids.opp}.${'a'.repeat(32)}`, `${MISSING}`, '..', 'a.b.c', `${'g'.repeat(36)}.${'a'.repeat(32)}`];
    for (const token of tokens) {
      expectClientError(await t.http().get(`/api/v1/calendar/${token}.ics`), `GET calendar ${token.slice(0, 40)}.ics`);
      expectClientError(await t.http().get(`/api/v1/calendar/${token}`), `GET calendar ${token.slice(0, 40)}`);
      for (const route of ['links', 'unsubscribe']) {
        expectPage(await t.http().get(`/api/v1/${route}/${token}`), `GET ${route} ${token.slice(0, 40)}`);
        expectPage(await t.http().post(`/api/v1/${route}/${token}`), `POST ${route} ${token.slice(0, 40)}`);
      }
    }
    for (const body of [[], 'x', { update_id: 'x' }, { message: null }, { message: { text: 12, chat: { id: {} } } }, { message: { text: `/start ${NUL}`, chat: { id: 1 } } }]) {
      expectClientError(await t.http().post('/api/v1/telegram/webhook').set('x-telegram-bot-api-secret-token', 'nope').send(body as object), `webhook ${JSON.stringify(body)}`);
    }
    for (const body of [[], 'x', { unknown: 1 }]) {
      expectClientError(await member.as.post('/api/v1/me/telegram/link').send(body as object), `telegram link ${JSON.stringify(body)}`);
    }
    expectClientError(await member.as.delete('/api/v1/me/telegram'), 'DELETE me/telegram');
    expectClientError(await member.as.post('/api/v1/telegram/poll'), 'POST telegram/poll as member');
  });
});
