import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig, redactUrl } from '../config/config';
import { dataSourceOptions } from './data-source-options';

/** Creates the database a URL names when it does not exist yet (connecting to `postgres` to do so). */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new Client({
    connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
  });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount !== 0) return false;
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await admin.end();
  }
}

/** Creates the database if needed and runs every pending migration (tests, benchmarks). */
export async function migrateDatabase(url: string): Promise<void> {
  await ensureDatabase(url);
  const dataSource = new DataSource(dataSourceOptions(url, 2));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

// `npm run db:create`: the first step of the demo, so a fresh machine needs no createdb.
if (require.main === module) {
  const url = loadConfig().DATABASE_URL;
  ensureDatabase(url)
    .then((created) => process.stdout.write(`${created ? 'created' : 'found'} database ${redactUrl(url)}\n`))
    .catch((error: Error) => {
      process.stderr.write(`cannot create the database at ${redactUrl(url)}: ${error.message}\n`);
      process.exit(1);
    });
}
