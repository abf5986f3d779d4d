import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';

/** Connections a process that only serves HTTP keeps. */
export const API_POOL_SIZE = 10;
/**
 * Connections a process that runs the workers keeps: one for each reminder firing in flight (20 at
 * once, each in its own transaction, besides its reads) and some for deliveries. With 10 a burst of
 * 1,000 reminders waited for connections (bench/reminders at BENCH_SCALE 0.1: 81/s; with 20, 118/s).
 */
export const WORKER_POOL_SIZE = 25;

export function dataSourceOptions(databaseUrl: string, poolSize = API_POOL_SIZE): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    installExtensions: false,
    extra: { max: poolSize },
  };
}
