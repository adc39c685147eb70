import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@cascade/platform';
import { TEST_DATABASE_URL } from './support/test-env';

/** pg's own default: a pool closed a connection idle this long. */
const PG_DEFAULT_IDLE_MS = 10_000;

describe('the connection pool', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = await new DataSource(dataSourceOptions(TEST_DATABASE_URL, 2)).initialize();
  });
  afterAll(() => db.destroy());

  it("keeps a connection that stayed idle past pg's 10 s: a quiet system's next request finds it warm", async () => {
    const backend = async () =>
      ((await db.query(`SELECT pg_backend_pid() AS pid`)) as { pid: number }[])[0].pid;
    const before = await backend();
    await new Promise((resolve) => setTimeout(resolve, PG_DEFAULT_IDLE_MS + 1_000));
    expect(await backend()).toBe(before);
  });
});
