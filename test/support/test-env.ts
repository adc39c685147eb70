/** The tests' own database and Redis key prefix: other data on the machine is left alone. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cascade_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_REDIS_PREFIX = process.env.TEST_REDIS_PREFIX ?? 'cascade-test';
