import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@cascade/platform';
import { migrations } from '../migrations';
import { runMigrationsLocked } from '../libs/platform/src/database/run-migrations';
import { TEST_DATABASE_URL } from './support/test-env';

/** A fresh database beside the test database, dropped afterwards. */
const scratchUrl = Object.assign(new URL(TEST_DATABASE_URL), {
  pathname: `/${new URL(TEST_DATABASE_URL).pathname.slice(1)}_migrations`,
}).toString();

async function admin(sql: string): Promise<void> {
  const pg = new Client({
    connectionString: Object.assign(new URL(TEST_DATABASE_URL), { pathname: '/postgres' }).toString(),
  });
  await pg.connect();
  try {
    await pg.query(sql);
  } finally {
    await pg.end();
  }
}

describe('migrations at start', () => {
  const name = new URL(scratchUrl).pathname.slice(1);
  beforeAll(() =>
    admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => admin(`CREATE DATABASE "${name}"`)),
  );
  afterAll(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

  it('runs every migration exactly once when three processes start together on an empty database', async () => {
    const sources = await Promise.all(
      [1, 2, 3].map(() => new DataSource(dataSourceOptions(scratchUrl, 2)).initialize()),
    );
    try {
      await expect(Promise.all(sources.map((source) => runMigrationsLocked(source)))).resolves.toHaveLength(
        3,
      );
      const rows = (await sources[0].query(`SELECT name FROM migrations ORDER BY id`)) as { name: string }[];
      expect(rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
    } finally {
      await Promise.all(sources.map((source) => source.destroy()));
    }
  });
});
