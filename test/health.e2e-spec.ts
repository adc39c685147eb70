import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { RedisServer } from './support/services';

describe('GET /api/health', () => {
  beforeAll(() => resetDatabase());

  it('answers 200 with PostgreSQL and Redis up, without a token', async () => {
    const t = await createTestApp();
    try {
      const res = await t.http.get('/api/health').expect(200);
      expect(res.body).toMatchObject({
        status: 'ok',
        info: { postgres: { status: 'up' }, redis: { status: 'up' } },
      });
    } finally {
      await t.close();
    }
  });

  describe('when Redis stops', () => {
    let redis: RedisServer;
    let t: TestApp;
    let savedUrl: string | undefined;

    beforeAll(async () => {
      redis = await RedisServer.start();
      savedUrl = process.env.REDIS_URL;
      process.env.REDIS_URL = redis.url;
      t = await createTestApp();
    });
    afterAll(async () => {
      process.env.REDIS_URL = savedUrl;
      await t.close();
      await redis.stop();
    });

    it('reports Redis down with 503 while PostgreSQL stays up', async () => {
      await t.http.get('/api/health').expect(200);
      await redis.stop();

      const res = await t.http.get('/api/health').expect(503);
      expect(res.body).toMatchObject({
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        error: 'Service Unavailable',
        details: [
          { field: 'postgres', problems: ['up'] },
          { field: 'redis', problems: ['down'] },
        ],
      });
      expect(res.body.message).toMatch(/^redis: down/);
      expect(res.body.message).not.toMatch(/postgres/);
      expect(res.headers['retry-after']).toBe('5');
    });

    it('reports Redis up again once it is back, without a restart of the app', async () => {
      await redis.start();
      const until = Date.now() + 15_000;
      let status = 0;
      while (status !== 200 && Date.now() < until) {
        status = (await t.http.get('/api/health')).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe(200);
    });
  });
});
