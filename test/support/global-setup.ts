import { DataSource } from 'typeorm';
import { ensureDatabase } from '../../libs/platform/src/database/create-database';
import { dataSourceOptions } from '../../libs/platform/src/database/data-source-options';
import { TEST_DATABASE_URL } from './test-env';

/** Creates the test database when it is missing and brings its schema up to date. */
export default async function globalSetup(): Promise<void> {
  await ensureDatabase(TEST_DATABASE_URL);
  const dataSource = new DataSource(dataSourceOptions(TEST_DATABASE_URL, 2));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
}
