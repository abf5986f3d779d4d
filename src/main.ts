import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { type AppConfig, ConfigError, loadConfig } from './config/app-config.js';
import { readEnvironment } from './config/env-file.js';
import { PreflightError, preflight } from './preflight.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig(readEnvironment());
  const say = (line: string) => console.log(`[cjn-tracker] ${line}`);
  await preflight(config, say);

  const app = await createApp(config);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    say(`${signal} received: closing HTTP, workers and connections`);
    setTimeout(() => {
      console.error('[cjn-tracker] shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  if (config.runsApi) {
    await listen(app, config);
    say(
      `API on ${config.link('/api/v1')} (OpenAPI at /api/docs, health at /health), listening on port ${config.port}, role ${config.appRole}`,
    );
  } else {
    await app.init();
    say('Worker started (APP_ROLE=worker)');
  }
}

class PortInUseError extends Error {}

async function listen(app: Awaited<ReturnType<typeof createApp>>, config: AppConfig): Promise<void> {
  try {
    await app.listen(config.port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    await app.close();
    throw new PortInUseError(
      `Port ${config.port} is already in use (is another CJN Tracker running?). ` +
        `Stop that program, or set PORT to a free port (e.g. PORT=${config.port + 1} npm start, or PORT in .env).`,
    );
  }
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof PreflightError || error instanceof PortInUseError) {
    console.error(`[cjn-tracker] ${error.message}`);
  } else {
    console.error('[cjn-tracker] failed to start:', error);
  }
  process.exit(1);
});
