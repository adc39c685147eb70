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
    const res = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'ADMIN@test.local', password: 'admin-password' })
      .expect(200);
    expect(typeof res.body.accessToken).toBe('string');
  });

  it('answers malformed JSON with 400 and an oversized body with 413, in the error format', async () => {
    const bad = await t.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(bad.body.message).toMatch(/JSON/);
    const huge = await t.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.mn', password: 'x'.repeat(11 * 1024 * 1024) }))
      .expect(413);
    expect(huge.body).toMatchObject({ statusCode: 413, message: 'body: the request body is too large' });
  });
});
