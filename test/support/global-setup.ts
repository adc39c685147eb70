import { migrateDatabase } from '../../libs/platform/src/database/create-database';
import { TEST_DATABASE_URL } from './test-env';

/** Creates the test database when it is missing and brings its schema up to date. */
export default async function globalSetup(): Promise<void> {
  await migrateDatabase(TEST_DATABASE_URL);
}
