import { assertServicesReachable, validateConfig } from '@cascade/platform';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './support/test-env';

/** What main.ts of the API and the worker check before Nest starts. */
describe('start-up checks', () => {
  const config = (env: Record<string, string>) =>
    validateConfig({ DATABASE_URL: TEST_DATABASE_URL, REDIS_URL: TEST_REDIS_URL, ...env });

  it('passes when PostgreSQL and Redis answer', async () => {
    await expect(assertServicesReachable(config({}))).resolves.toBeUndefined();
  });

  it('names PostgreSQL and its URL, password hidden, when PostgreSQL does not answer', async () => {
    const failure = assertServicesReachable(
      config({ DATABASE_URL: 'postgres://cascade:s3cret@127.0.0.1:1/cascade' }),
    );
    await expect(failure).rejects.toThrow(
      /^PostgreSQL is unreachable at postgres:\/\/cascade:\*\*\*@127\.0\.0\.1:1\/cascade: .*ECONNREFUSED/,
    );
    await expect(failure).rejects.not.toThrow(/s3cret/);
  });

  it('names Redis and its URL, password hidden, when Redis does not answer', async () => {
    const failure = assertServicesReachable(config({ REDIS_URL: 'redis://:s3cret@127.0.0.1:1' }));
    await expect(failure).rejects.toThrow(
      /^Redis is unreachable at redis:\/\/:\*\*\*@127\.0\.0\.1:1: .*ECONNREFUSED/,
    );
    await expect(failure).rejects.not.toThrow(/s3cret/);
  });
});
