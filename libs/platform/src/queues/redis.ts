import { RedisOptions } from 'ioredis';

/** ioredis options from a redis:// URL; workers need maxRetriesPerRequest: null (BullMQ's rule). */
export function redisOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    // Come back by themselves after Redis restarts: retry forever, at most every 5 s.
    retryStrategy: (times: number) => Math.min(times * 200, 5000),
  };
}
