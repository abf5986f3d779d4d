import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { loadConfig } from '../config/app-config.js';
import { ENTITIES } from './entities.js';

export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    installExtensions: false,
    extra: { max: 10 },
  };
}

/** Used by the TypeORM CLI (`npm run migration:*`). */
export default new DataSource(dataSourceOptions(loadConfig().databaseUrl));
