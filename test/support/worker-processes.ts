import type { AppConfig } from '../../src/config/app-config.js';
import { type AppProcess, startAppProcess } from './app-process.js';

export interface WorkerEnv {
  smtpUrl?: string;
  telegramApiBaseUrl?: string;
  telegramBotToken?: string;
  reconcileIntervalSeconds?: number;
}

/**
 * Real worker processes (`node dist/src/main.js` with APP_ROLE=worker) on the test's
 * database, Redis prefix and sinks — the same build that runs in production.
 */
export async function startWorkers(config: AppConfig, count: number, env: WorkerEnv = {}): Promise<AppProcess[]> {
  const workers = Array.from({ length: count }, () =>
    startAppProcess({
      APP_ROLE: 'worker',
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl,
      QUEUE_PREFIX: config.queuePrefix,
      PUBLIC_URL: config.publicUrl,
      SESSION_SECRET: config.sessionSecret,
      RECONCILE_INTERVAL_SECONDS: String(env.reconcileIntervalSeconds ?? 1),
      ...(env.smtpUrl ? { SMTP_URL: env.smtpUrl } : {}),
      ...(env.telegramApiBaseUrl ? { TELEGRAM_API_BASE_URL: env.telegramApiBaseUrl } : {}),
      ...(env.telegramBotToken ? { TELEGRAM_BOT_TOKEN: env.telegramBotToken } : {}),
      LOG_LEVEL: process.env.TEST_WORKER_LOG_LEVEL ?? 'warn',
    }),
  );
  await Promise.all(workers.map((w) => w.waitFor(/Worker started/, 30_000)));
  return workers;
}

/** SIGTERM and wait; the workers close their BullMQ connections gracefully. */
export async function stopWorkers(workers: AppProcess[]): Promise<void> {
  await Promise.all(
    workers.map(async (w) => {
      if (w.child.exitCode !== null) return;
      w.child.kill('SIGTERM');
      await w.exited;
    }),
  );
}

/** Polls `probe` until it returns a truthy value (bounded); returns it. */
export async function waitUntil<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
