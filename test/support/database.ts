import Redis from 'ioredis';
import { Client } from 'pg';
import { TEST_DATABASE_URL, TEST_REDIS_PREFIX, TEST_REDIS_URL } from './test-env';

/** Tables that migrations fill and tests keep. */
const KEPT = new Set(['migrations', 'regions']);

/** Empties every table of the test database (but the seeded regions) and the tests' Redis keys. */
export async function resetDatabase(): Promise<void> {
  const pg = new Client({ connectionString: TEST_DATABASE_URL });
  await pg.connect();
  try {
    const { rows } = await pg.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
    );
    const tables = rows.map((r) => r.tablename).filter((t) => !KEPT.has(t));
    if (tables.length > 0)
      await pg.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`);
  } finally {
    await pg.end();
  }
  await clearRedis();
}

export async function clearRedis(): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${TEST_REDIS_PREFIX}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A short-lived client for assertions that read the database directly. */
export async function withDb<T>(work: (pg: Client) => Promise<T>): Promise<T> {
  const pg = new Client({ connectionString: TEST_DATABASE_URL });
  await pg.connect();
  try {
    return await work(pg);
  } finally {
    await pg.end();
  }
}

/** The URL of a database beside the test database, named `<test database>_<suffix>`. */
export function scratchDatabaseUrl(suffix: string): string {
  const url = new URL(TEST_DATABASE_URL);
  return Object.assign(url, { pathname: `${url.pathname}_${suffix}` }).toString();
}

/** Runs one statement on the server's `postgres` database (CREATE/DROP DATABASE). */
export async function onServer(sql: string): Promise<void> {
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
