import { DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { dataSourceOptions } from '@cascade/platform';
import { migrations } from '../migrations';
import { runMigrationsLocked } from '../libs/platform/src/database/run-migrations';
import { onServer, scratchDatabaseUrl } from './support/database';

const scratchUrl = scratchDatabaseUrl('migrations');

/** Like every entity of the apps: a uuid key the database generates. */
@Entity()
class WithUuidKey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;
}

describe('migrations at start', () => {
  const name = new URL(scratchUrl).pathname.slice(1);
  beforeAll(() =>
    onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() =>
      onServer(`CREATE DATABASE "${name}"`),
    ),
  );
  afterAll(() => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

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

  it('creates no extension of its own on connecting: uuids come from core PostgreSQL', async () => {
    const source = await new DataSource({
      ...dataSourceOptions(scratchUrl, 2), // the migrations take a lock on one connection and run on another
      entities: [WithUuidKey],
    }).initialize();
    try {
      await runMigrationsLocked(source); // done already by the test above, unless run alone
      const rows = (await source.query(`SELECT extname FROM pg_extension ORDER BY extname`)) as {
        extname: string;
      }[];
      // plpgsql is PostgreSQL's own; pg_trgm the migrations' (people search).
      expect(rows.map((r) => r.extname)).toEqual(['pg_trgm', 'plpgsql']);
    } finally {
      await source.destroy();
    }
  });
});
