import Redis from 'ioredis';
import { randomUUID } from 'crypto';
import { ThrottlerStorageEvalsha } from './throttler-storage';

const url = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `${process.env.TEST_REDIS_PREFIX ?? 'cascade-test'}:throttle-spec:`;

describe('ThrottlerStorageEvalsha', () => {
  const { hostname, port } = new URL(url);
  const storage = new ThrottlerStorageEvalsha({ host: hostname, port: Number(port), keyPrefix: prefix });
  const plain = new Redis(url);

  afterAll(async () => {
    const keys = await plain.keys(`${prefix}*`);
    if (keys.length > 0) await plain.del(...keys);
    storage.onModuleDestroy();
    plain.disconnect();
  });

  it('blocks the hit after the limit, under the configured key prefix', async () => {
    const tracker = randomUUID();
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push(await storage.increment(tracker, 1000, 2, 5000, 'default'));
    expect(hits.map((h) => [h.totalHits, h.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(hits[2].timeToBlockExpire).toBe(5);
    expect(await plain.exists(`${prefix}{${tracker}:default}:blocked`)).toBe(1);
  });

  it('counts each tracker and each throttler on its own', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await storage.increment(a, 1000, 1, 1000, 'default');
    expect((await storage.increment(b, 1000, 1, 1000, 'default')).isBlocked).toBe(false);
    expect((await storage.increment(a, 1000, 1, 1000, 'login-address')).isBlocked).toBe(false);
    expect((await storage.increment(a, 1000, 1, 1000, 'default')).isBlocked).toBe(true);
  });
});
