import { Client } from 'pg';
import Redis from 'ioredis';
import { CascadeConfig, redactUrl } from './config';

/**
 * Fails fast before Nest starts: one line naming the service and its URL, instead of a
 * minute of retries and a stack trace.
 */
export async function assertServicesReachable(config: CascadeConfig): Promise<void> {
  const pg = new Client({ connectionString: config.DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is unreachable at ${redactUrl(config.DATABASE_URL)}: ${(error as Error).message}`,
    );
  } finally {
    await pg.end().catch(() => undefined);
  }

  const redis = new Redis(config.REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // connect() itself only says "Connection is closed."; the error event says why (ECONNREFUSED, auth…).
  let cause: Error | undefined;
  redis.on('error', (error: Error) => (cause = error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `Redis is unreachable at ${redactUrl(config.REDIS_URL)}: ${(cause ?? (error as Error)).message}`,
    );
  } finally {
    // disconnect() on a client that already ended leaves a 2-second timer behind.
    if (redis.status !== 'end') redis.disconnect();
  }
}
