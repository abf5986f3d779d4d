// Shared pieces of the benchmarks: the machine, the result table, the app as its own process,
// the bench database and Redis prefix. Plain Node (ESM) against the built app in dist/.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';

export const ROOT = resolve(import.meta.dirname, '..');
export const PG_BASE = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** BullMQ prefix of every bench run; never the app's own `cjn`. */
export const QUEUE_PREFIX = process.env.BENCH_QUEUE_PREFIX ?? 'cjnbench';

export const dbUrl = (name) => `${PG_BASE}/${name}`;

/** Fails early with a clear message when the app has not been built. */
export function requireBuild() {
  if (!existsSync(resolve(ROOT, 'dist/src/main.js'))) {
    console.error('bench: dist/ is missing; run `npm run build` first (the benchmarks measure the built app).');
    process.exit(1);
  }
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim() ?? 'unknown',
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    load: os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' '),
  };
}

export function printMachine(extra = {}) {
  const m = { ...machine(), ...extra };
  console.log(
    `machine: ${m.cpus} CPU (${m.model}), ${m.memory} RAM, Node ${m.node}, ${m.os}, load average ${m.load}` +
      Object.entries(extra)
        .map(([k, v]) => `, ${k} ${v}`)
        .join(''),
  );
}

/** Prints rows {figure, measured, goal, met} as an aligned table; `met` is true, false or null (no goal). */
export function printTable(title, rows) {
  const cells = rows.map((r) => [
    r.figure,
    String(r.measured),
    r.goal ?? '—',
    r.met == null ? '—' : r.met ? 'yes' : 'NO',
  ]);
  const head = ['figure', 'measured', 'goal', 'met?'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => '| ' + c.map((v, i) => v.padEnd(widths[i])).join(' | ') + ' |';
  console.log(`\n${title}`);
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const c of cells) console.log(line(c));
  console.log('');
}

export const ms = (v) => `${Math.round(v)} ms`;
export const mb = (bytes) => `${Math.round(bytes / 2 ** 20)} MB`;

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export async function freePort() {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Resident memory of a process, from /proc (Linux). */
export function rssOf(pid) {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Node's own flags for the app, e.g. `BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` to profile it. */
function nodeArgs() {
  return (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

/**
 * Runs the built app (`node dist/src/main.js`) as `npm start` does: it creates and migrates its
 * database when needed. Resolves once it says it listens (or, as a worker, that it started).
 */
/** The variables `npm start` sets before `node` (package.json), so that the app runs here as it runs there. */
function startScriptEnv() {
  const { scripts } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
  const prefix = scripts.start.slice(0, scripts.start.indexOf('node '));
  return Object.fromEntries([...prefix.matchAll(/(\w+)=(\S+)/g)].map(([, name, value]) => [name, value]));
}

export async function startApp(env, { quiet = process.env.BENCH_APP_OUTPUT !== '1', timeoutMs = 120_000 } = {}) {
  const started = Date.now();
  const child = spawn(process.execPath, [...nodeArgs(), resolve(ROOT, 'dist/src/main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.BENCH_APP_LOG_LEVEL ?? 'warn',
      REDIS_URL,
      QUEUE_PREFIX,
      SESSION_SECRET: 'bench-session-secret-not-for-production',
      ...startScriptEnv(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (c) => {
    output += c.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
    if (!quiet) process.stdout.write(c);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((done) => child.on('exit', (code, signal) => done(code ?? signal)));
  let gone = false;
  void exited.then(() => (gone = true));
  const ready = env.APP_ROLE === 'worker' ? /Worker started/ : /API on /;
  while (!ready.test(output)) {
    if (gone) throw new Error(`app exited before it was ready:\n${output.slice(-4000)}`);
    if (Date.now() - started > timeoutMs)
      throw new Error(`app not ready after ${timeoutMs} ms:\n${output.slice(-4000)}`);
    await sleep(20);
  }
  return {
    child,
    pid: child.pid,
    startMs: Date.now() - started,
    output: () => output,
    exited,
    async stop() {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export const sleep = (msec) => new Promise((done) => setTimeout(done, msec));

export async function waitUntil(probe, timeoutMs, what) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** A fresh, empty database `name` (dropped first when it exists). */
export async function recreateDatabase(name) {
  const admin = new pg.Client({ connectionString: dbUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function databaseComment(name) {
  const admin = new pg.Client({ connectionString: dbUrl('postgres') });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [name],
    );
    return rows[0] ? (rows[0].comment ?? '') : null;
  } finally {
    await admin.end();
  }
}

/** Removes every Redis key of the bench's BullMQ prefix (never anything else). */
export async function clearQueues(prefix = QUEUE_PREFIX) {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A personal API token for `userId`, written as the app stores them (sha256 of the secret). */
export async function apiToken(client, userId) {
  const token = 'cjn_' + randomBytes(32).toString('base64url');
  await client.query(`INSERT INTO api_tokens (user_id, name, prefix, token_hash) VALUES ($1, 'bench', $2, $3)`, [
    userId,
    token.slice(0, 10),
    createHash('sha256').update(token).digest('hex'),
  ]);
  return token;
}

export function scale() {
  const value = Number(process.env.BENCH_SCALE ?? '1');
  if (!(value > 0 && value <= 1)) throw new Error('BENCH_SCALE must be a number in (0, 1]');
  return value;
}

/**
 * A Redis of the benchmark's own (redis-server on a free loopback port, no persistence), so that a
 * FLUSHALL or a million jobs never touch the Redis that other programs on this machine use. `--hz 100`
 * as docker-compose.yml runs it (see src/preflight.ts).
 * BENCH_REDIS_URL uses a given Redis instead (the drill's FLUSHALL then flushes it).
 */
export async function privateRedis() {
  if (process.env.BENCH_REDIS_URL) return { url: process.env.BENCH_REDIS_URL, async stop() {} };
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--hz', '100'],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  await waitUntil(
    async () => {
      const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
      redis.on('error', () => {});
      const up = await redis.connect().then(
        () => true,
        () => false,
      );
      redis.disconnect();
      return up;
    },
    10_000,
    'redis-server',
  );
  return {
    url,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
    },
  };
}

/** The newest PostgreSQL server binaries installed (Debian: /usr/lib/postgresql/<major>/bin). */
function postgresBin() {
  const base = '/usr/lib/postgresql';
  const majors = readdirSync(base)
    .filter((d) => existsSync(join(base, d, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  if (!majors.length) throw new Error(`no PostgreSQL server binaries under ${base}`);
  return join(base, majors[0], 'bin');
}

/**
 * A PostgreSQL cluster of the benchmark's own (initdb + pg_ctl in a temp dir, a free loopback port, trust
 * auth), so that restarting it never touches the PostgreSQL other programs use. As root, the server runs
 * as the `postgres` user (PostgreSQL refuses root). `stop()` stops it and removes its directory; it is also
 * stopped when this process exits, however it exits.
 */
export async function privatePostgres() {
  const bin = postgresBin();
  const port = await freePort();
  const dir = mkdtempSync(join(os.tmpdir(), 'cjn-bench-pg-'));
  const data = join(dir, 'data');
  const asUser = process.getuid?.() === 0 ? postgresUser() : {};
  if (asUser.uid !== undefined) chownSync(dir, asUser.uid, asUser.gid);
  const run = (tool, args) => execFileSync(join(bin, tool), args, { ...asUser, cwd: dir, stdio: 'pipe' });
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const log = join(dir, 'server.log');
  let running = false;
  const start = () => {
    run('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', log, '-o', options]);
    running = true;
  };
  const stop = () => {
    if (running) run('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', data]);
    running = false;
  };
  const remove = () => {
    try {
      stop();
    } catch {
      // already down; the directory goes anyway
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const interrupted = (signal) => process.exit(signal === 'SIGINT' ? 130 : 143);
  process.once('exit', remove);
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
    start();
  } catch (error) {
    remove();
    throw error;
  }
  return {
    base: `postgres://postgres@127.0.0.1:${port}`,
    url: (db) => `postgres://postgres@127.0.0.1:${port}/${db}`,
    dir,
    /** Stops the server, waits `downMs` (it is unreachable meanwhile), starts it again. */
    async restart(downMs = 0) {
      stop();
      await sleep(downMs);
      start();
    },
    async stop() {
      remove();
      process.removeListener('exit', remove);
      process.removeListener('SIGINT', interrupted);
      process.removeListener('SIGTERM', interrupted);
    },
  };
}

function postgresUser() {
  const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}
