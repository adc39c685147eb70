import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';

describe('login throttling', () => {
  const LIMIT = 3;
  let t: TestApp;
  let saved: string | undefined;

  beforeAll(async () => {
    await resetDatabase();
    saved = process.env.LOGIN_RATE_LIMIT;
    process.env.LOGIN_RATE_LIMIT = String(LIMIT);
    t = await createTestApp();
  });
  afterAll(async () => {
    process.env.LOGIN_RATE_LIMIT = saved;
    await t.close();
  });

  const login = (email: string, password: string) =>
    t.http.post('/api/v1/auth/login').send({ email, password });

  it(`answers the ${LIMIT + 1}th attempt for one account with 429 and Retry-After, even with the right password`, async () => {
    for (let attempt = 1; attempt <= LIMIT; attempt++) {
      await login('admin@test.local', `guess-${attempt}`).expect(401);
    }
    const refused = await login('ADMIN@test.local', 'admin-password').expect(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
  });

  it('still lets another account log in from the same address', async () => {
    await t.db.query(
      `INSERT INTO users (email, password_hash, role)
       SELECT 'other@test.local', password_hash, 'viewer' FROM users WHERE email = 'admin@test.local'`,
    );
    const res = await login('other@test.local', 'admin-password').expect(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
  });
});
