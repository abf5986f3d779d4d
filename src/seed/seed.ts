import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Clock, clockOf } from '../common/clock.js';
import { loadConfig } from '../config/app-config.js';
import { readEnvironment } from '../config/env-file.js';
import { dataSourceOptions } from '../database/data-source.js';
import { preflight } from '../preflight.js';
import { seedNetwork } from './network.seed.js';
import { seedOpportunities } from './opportunities.seed.js';
import { seedSubmissions } from './submissions.seed.js';
import { seedDeadlines } from './deadlines.seed.js';
import { seedKhmerNotices } from './notices.seed.js';
import { seedReviews } from './reviews.seed.js';
import { DEMO_PASSWORD, type SeedContext } from './seed-context.js';

/** Loads the demo network. Safe to run again: existing records are found by name and left alone. */
/** `clock`: the day the demo data counts from (today, unless a test moves it). */
export async function seed(
  databaseUrl: string,
  log: (line: string) => void,
  clock: Clock = new Clock(),
): Promise<SeedContext> {
  const db = new DataSource(dataSourceOptions(databaseUrl));
  await db.initialize();
  const ctx: SeedContext = { db, clock, orgs: {}, users: {}, log };
  try {
    await seedNetwork(ctx);
    await seedOpportunities(ctx);
    await seedSubmissions(ctx);
    await seedDeadlines(ctx);
    await seedReviews(ctx);
    await seedKhmerNotices(ctx);
  } finally {
    await db.destroy();
  }
  return ctx;
}

async function main(): Promise<void> {
  const config = loadConfig(readEnvironment());
  const log = (line: string) => console.log(`[seed] ${line}`);
  if (config.nodeEnv === 'production' && !process.argv.includes('--force')) {
    console.error(
      '[seed] refused: NODE_ENV is production, and the demo network adds users with a published password. ' +
        'To load it anyway (a demo server), run `npm run seed -- --force`.',
    );
    process.exit(1);
  }
  await preflight(config, log);
  await seed(config.databaseUrl, log, clockOf(config));
  log(
    `done. Sign in as coordinator@cjn.example (or admin@cjn.example, dara@lac.example …) with password ${DEMO_PASSWORD}`,
  );
}

if (process.argv[1]?.endsWith('seed.js')) {
  main().catch((error) => {
    console.error('[seed] failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
