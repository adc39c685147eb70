import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { RedisServer } from './support/services';

/** A login that waited for Redis would wait for the whole outage; a prompt one answers well within this. */
const PROMPT_MS = 5_000;

/**
 * Redis holds the login limits and the user-standing cache, nothing a login needs: while it is
 * down people still sign in and work (PostgreSQL answers the standing, this process counts the
 * failed passwords), and guessing is still limited.
 */
describe('faults: logging in while Redis is down', () => {
  const LIMIT = 3;
  let redis: RedisServer;
  let t: TestApp;
  const saved = {
    redis: process.env.REDIS_URL,
    limit: process.env.LOGIN_RATE_LIMIT,
    window: process.env.LOGIN_RATE_WINDOW_SECONDS,
  };

  beforeAll(async () => {
    await resetDatabase();
    redis = await RedisServer.start();
    process.env.REDIS_URL = redis.url;
    process.env.LOGIN_RATE_LIMIT = String(LIMIT);
    process.env.LOGIN_RATE_WINDOW_SECONDS = '60';
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
    await redis?.stop();
    process.env.REDIS_URL = saved.redis;
    process.env.LOGIN_RATE_LIMIT = saved.limit;
    process.env.LOGIN_RATE_WINDOW_SECONDS = saved.window;
  });

  const login = (email: string, password: string) =>
    t.http.post('/api/v1/auth/login').send({ email, password }).timeout(PROMPT_MS);

  async function newUser(email: string): Promise<void> {
    const admin = (await login('admin@test.local', 'admin-password').expect(200)).body.accessToken;
    await t.http
      .post('/api/v1/users')
      .auth(admin, { type: 'bearer' })
      .send({ email, password: 'a long passphrase', role: 'viewer' })
      .expect(201);
  }

  it('signs in, answers with the token, still locks an account after the limit, and keeps that lock once Redis is back', async () => {
    await newUser('guessed@test.local');
    await newUser('after@test.local');
    await redis.stop();

    const signedIn = await login('admin@test.local', 'admin-password');
    expect(signedIn.status).toBe(200);
    const users = await t.http
      .get('/api/v1/users')
      .auth(signedIn.body.accessToken, { type: 'bearer' })
      .timeout(PROMPT_MS);
    expect(users.status).toBe(200);

    for (let attempt = 1; attempt <= LIMIT; attempt++) {
      await login('guessed@test.local', `guess-${attempt}`).expect(401);
    }
    const locked = await login('guessed@test.local', 'a long passphrase').expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const health = await t.http.get('/api/health').expect(503);
    expect(health.body.message).toMatch(/^redis: down/);

    await redis.start(); // empty: the lock lives in this process
    await login('after@test.local', 'a long passphrase').expect(200);
    await login('guessed@test.local', 'a long passphrase').expect(429);
  });
});
