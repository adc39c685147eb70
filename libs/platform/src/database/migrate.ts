// `npm run migration:run`: creates the database when it is missing and applies the pending
// migrations, one line each. The TypeORM CLI would print every statement of every migration.
import { DataSource } from 'typeorm';
import { loadConfig, redactUrl } from '../config/config';
import { ensureDatabase } from './create-database';
import { dataSourceOptions } from './data-source-options';
import { runMigrationsLocked } from './run-migrations';

async function main(): Promise<void> {
  const url = loadConfig().DATABASE_URL;
  const created = await ensureDatabase(url);
  const dataSource = await new DataSource(dataSourceOptions(url, 2)).initialize();
  try {
    const applied = await runMigrationsLocked(dataSource);
    const where = `${created ? 'created database' : 'database'} ${redactUrl(url)}`;
    if (applied.length === 0) process.stdout.write(`${where}: migrations up to date\n`);
    else process.stdout.write(`${where}: ${applied.length} migration(s) applied (${applied.join(', ')})\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`migrations failed: ${error.message}\n`);
  process.exit(1);
});
