import { resetDatabase } from './support/database';
import { createTestApp, TestApp } from './support/app';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports PostgreSQL and Redis up on /api/health', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('logs the first admin in', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({ email: 'ADMIN@test.local', password: 'admin-password' }).expect(200);
    expect(typeof res.body.accessToken).toBe('string');
  });
});
