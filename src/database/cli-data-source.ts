import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { readEnvironment } from '../config/env-file.js';
import { dataSourceOptions } from './data-source.js';

/** The data source of the TypeORM CLI (`npm run migration:*`); nothing in the app imports it. */
function databaseUrl(): string {
  try {
    return loadConfig(readEnvironment()).databaseUrl;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[cjn-tracker] ${error.message}`);
    process.exit(1);
  }
}

export default new DataSource(dataSourceOptions(databaseUrl()));
