// Two checks the drill runs against its app once the reminders are counted: concurrent edits of one
// section (every writer retries on 409 as the editor's merge view makes a person do; no update may be
// lost) and simulated users browsing and saving for a while (no errors; latency printed).
import { percentile } from './support.mjs';

/** A raw call: status and body, never throwing on 4xx/5xx. */
function caller(base, token) {
  return async (method, path, body) => {
    const started = performance.now();
    const res = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, ms: performance.now() - started };
  };
}

async function newSection(call, organizationId, title) {
  const submission = await call('POST', '/api/v1/submissions', {
    title,
    targetBody: 'UN Committee on the Rights of the Child',
    kind: 'alternative_report',
    leadOrganizationId: organizationId,
  });
  if (submission.status !== 201) throw new Error(`submission: ${submission.status} ${JSON.stringify(submission.body)}`);
  const section = await call('POST', `/api/v1/submissions/${submission.body.id}/sections`, {
    title: 'Access to justice',
    body: 'Start.',
  });
  if (section.status !== 201) throw new Error(`section: ${section.status} ${JSON.stringify(section.body)}`);
  return `/api/v1/submissions/${submission.body.id}/sections/${section.body.id}`;
}

/** `writers` clients each add one line to the same section at once, re-reading and retrying on 409. */
export async function concurrentEdits(base, token, organizationId, writers = 20) {
  const call = caller(base, token);
  const path = await newSection(call, organizationId, 'Drill: concurrent edits');
  let conflicts = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, i) => {
      for (;;) {
        const current = await call('GET', path);
        const saved = await call('PATCH', path, {
          body: `${current.body.body}\nLine from writer ${i + 1}.`,
          version: current.body.version,
        });
        if (saved.status === 200) return;
        if (saved.status !== 409) throw new Error(`save: ${saved.status} ${JSON.stringify(saved.body)}`);
        conflicts += 1;
      }
    }),
  );
  const final = (await call('GET', path)).body;
  const revisions = (await call('GET', `${path}/revisions?limit=100`)).body.items.map((r) => r.version);
  const lost = Array.from({ length: writers }, (_, i) => i + 1).filter(
    (i) => !final.body.includes(`Line from writer ${i}.`),
  ).length;
  const linear = revisions.length === writers + 1 && revisions.every((v, k) => v === writers + 1 - k);
  return { writers, conflicts, lost, linear, version: final.version };
}

/** `users` clients for `seconds`: list deadlines, opportunities, submissions and the inbox; now and then save. */
export async function mixedTraffic(base, token, organizationId, users = 100, seconds = 60) {
  const call = caller(base, token);
  const path = await newSection(call, organizationId, 'Drill: mixed traffic');
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const reads = [
    `/api/v1/deadlines?from=${from}&to=${to}&limit=50`,
    '/api/v1/opportunities?limit=50',
    '/api/v1/submissions?limit=50',
    '/api/v1/notifications?limit=20',
    '/api/v1/me',
  ];
  const latencies = [];
  const errors = new Map();
  let requests = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      for (let k = 0; Date.now() < until; k++) {
        let res;
        if (k % 10 === 9) {
          const current = await call('GET', path);
          res = await call('PATCH', path, {
            body: `${current.body.body}\nUser ${u} edit ${k}.`,
            version: current.body.version,
          });
          if (res.status === 409) res = { ...res, status: 200 }; // a stale save is a refusal the editor shows, not an error
        } else {
          res = await call('GET', reads[(u + k) % reads.length]);
        }
        requests += 1;
        latencies.push(res.ms);
        if (res.status >= 400) errors.set(res.status, (errors.get(res.status) ?? 0) + 1);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    users,
    seconds,
    requests,
    perSecond: requests / seconds,
    errors: [...errors.values()].reduce((a, b) => a + b, 0),
    errorsByStatus: Object.fromEntries(errors),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
