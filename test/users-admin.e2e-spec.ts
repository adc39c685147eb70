import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makePerson } from './support/factories';

describe('users: password reset and list filters', () => {
  let t: TestApp;
  let admin: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const login = (email: string, password: string) =>
    t.http.post('/api/v1/auth/login').send({ email, password });

  async function createUser(email: string, role = 'master_teacher', personId?: string) {
    const res = await t.http
      .post('/api/v1/users')
      .set(auth(admin))
      .send({ email, password: 'Initial-passphrase-42', role, personId })
      .expect(201);
    return res.body as { id: string };
  }

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    admin = await t.tokenFor('admin');
  });

  afterAll(() => t.close());

  it('answers a new password once, which logs the user in while the old one no longer does', async () => {
    const person = await makePerson(t.db, { full_name: 'Сараа Мастер' });
    const user = await createUser('saraa.master@test.local', 'master_teacher', person);
    const res = await t.http.post(`/api/v1/users/${user.id}/password-reset`).set(auth(admin)).expect(200);
    expect(res.body.user).toMatchObject({ id: user.id, personId: person, active: true });
    expect(res.body.temporaryPassword).toMatch(/^[\w-]{24}$/);
    await login('saraa.master@test.local', 'Initial-passphrase-42').expect(401);
    await login('saraa.master@test.local', res.body.temporaryPassword).expect(200);
    const again = await t.http.post(`/api/v1/users/${user.id}/password-reset`).set(auth(admin)).expect(200);
    expect(again.body.temporaryPassword).not.toBe(res.body.temporaryPassword);
  });

  it('keeps the new password out of the audit trail', async () => {
    const user = await createUser('audited.reset@test.local', 'viewer');
    const res = await t.http.post(`/api/v1/users/${user.id}/password-reset`).set(auth(admin)).expect(200);
    const [{ rows }] = await t.db.query(
      `SELECT count(*)::int AS rows FROM audit_events WHERE changes::text LIKE '%' || $1 || '%'`,
      [res.body.temporaryPassword],
    );
    expect(rows).toBe(0);
  });

  it('answers 404 for an unknown user and 403 for anyone but an admin', async () => {
    await t.http
      .post('/api/v1/users/00000000-0000-4000-8000-000000000000/password-reset')
      .set(auth(admin))
      .expect(404);
    const user = await createUser('not.yours@test.local', 'viewer');
    for (const role of ['coordinator', 'viewer', 'master_teacher'] as const) {
      await t.http
        .post(`/api/v1/users/${user.id}/password-reset`)
        .set(auth(await t.tokenFor(role)))
        .expect(403);
    }
  });

  it('finds users by part of the email in any case, and by active or deactivated', async () => {
    const odd = await createUser('Odd_Name%1@test.local', 'viewer');
    await createUser('oddname1@test.local', 'viewer');
    await t.http.patch(`/api/v1/users/${odd.id}`).set(auth(admin)).send({ active: false }).expect(200);
    const list = async (query: string) =>
      (await t.http.get(`/api/v1/users?${query}`).set(auth(admin)).expect(200)).body as {
        items: { email: string; active: boolean }[];
        total: number;
      };
    // `_` and `%` are letters of the search, not wildcards.
    await expect(list(`q=${encodeURIComponent('D_NAME%')}`)).resolves.toMatchObject({
      total: 1,
      items: [{ email: 'odd_name%1@test.local', active: false }],
    });
    const inactive = await list('active=false');
    expect(inactive.items.map((u) => u.email)).toEqual(['odd_name%1@test.local']);
    const active = await list('active=true&q=oddname');
    expect(active.items.map((u) => u.email)).toEqual(['oddname1@test.local']);
    await t.http.get('/api/v1/users?active=maybe').set(auth(admin)).expect(400);
  });
});
