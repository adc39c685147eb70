import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makePerson } from './support/factories';

describe('sessions end with the change that ends them', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  let counter = 0;

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'admin@test.local', password: 'admin-password' })
      .expect(200);
    admin = login.body.accessToken;
    [{ id: adminId }] = await t.db.query(`SELECT id FROM users WHERE email = 'admin@test.local'`);
  });
  afterAll(() => t.close());

  /** A new user of the role, logged in: its id and a token that works. */
  async function signedIn(role: string, personId?: string): Promise<{ id: string; token: string }> {
    const email = `session-${counter++}@test.local`;
    const created = await t.http
      .post('/api/v1/users')
      .auth(admin, { type: 'bearer' })
      .send({ email, password: 'a long passphrase', role, ...(personId ? { personId } : {}) })
      .expect(201);
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email, password: 'a long passphrase' })
      .expect(200);
    await t.http.get('/api/v1/regions').auth(login.body.accessToken, { type: 'bearer' }).expect(200);
    return { id: created.body.id, token: login.body.accessToken };
  }

  const changeUser = (id: string, body: object) =>
    t.http.patch(`/api/v1/users/${id}`).auth(admin, { type: 'bearer' }).send(body);

  it.each([
    ['deactivated', { active: false }],
    ['given a new password', { password: 'another long passphrase' }],
    ['demoted to viewer', { role: 'viewer' }],
    ['given a new e-mail address', { email: 'moved.elsewhere@test.local' }],
  ])('refuses the token of a user %s on the very next request', async (_case, change) => {
    const user = await signedIn('coordinator');
    await changeUser(user.id, change).expect(200);
    const res = await t.http.get('/api/v1/regions').auth(user.token, { type: 'bearer' }).expect(401);
    expect(res.body.message).toMatch(/^authorization: the token was revoked/);
  });

  it("refuses a master teacher's token on the next request once their user is linked to another person", async () => {
    const [first, second] = [await makePerson(t.db), await makePerson(t.db)];
    const user = await signedIn('master_teacher', first);
    await changeUser(user.id, { personId: second }).expect(200);
    await t.http.get(`/api/v1/people/${first}`).auth(user.token, { type: 'bearer' }).expect(401);
  });

  it('keeps a token working through a change that ends no session', async () => {
    const user = await signedIn('coordinator');
    await changeUser(user.id, { role: 'coordinator', active: true }).expect(200);
    await t.http.get('/api/v1/regions').auth(user.token, { type: 'bearer' }).expect(200);
  });

  it('lets the new password in after a change of password', async () => {
    const user = await signedIn('viewer');
    const [{ email }] = await t.db.query(`SELECT email FROM users WHERE id = $1`, [user.id]);
    await changeUser(user.id, { password: 'a fresh passphrase' }).expect(200);
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email, password: 'a fresh passphrase' })
      .expect(200);
    await t.http.get('/api/v1/regions').auth(login.body.accessToken, { type: 'bearer' }).expect(200);
  });

  describe('password policy', () => {
    it.each([
      ['shorter than 10 characters', 'short-pw1', /password: must be at least 10 characters/],
      ['the e-mail address', 'policy@test.local', /password: must not be the e-mail address/],
      ['one of the most common passwords', 'qwertyuiop', /password: is one of the most common passwords/],
    ])('refuses a password %s with 400 naming the password', async (_case, password, message) => {
      const res = await t.http
        .post('/api/v1/users')
        .auth(admin, { type: 'bearer' })
        .send({ email: 'policy@test.local', password, role: 'viewer' })
        .expect(400);
      expect(res.body.message).toMatch(message);
    });

    it('refuses a common password as a new password too', async () => {
      const user = await signedIn('viewer');
      const res = await changeUser(user.id, { password: '1234567890' }).expect(400);
      expect(res.body.message).toMatch(/^password: is one of the most common passwords/);
    });
  });

  describe('the last active admin', () => {
    it.each([
      ['deactivate', { active: false }],
      ['demote', { role: 'coordinator' }],
    ])('refuses to %s the last active admin, even by themselves, with 409', async (_case, change) => {
      const res = await changeUser(adminId, change).expect(409);
      expect(res.body.message).toMatch(/^role: admin@test.local is the last active admin/);
      const [row] = await t.db.query(`SELECT role, active FROM users WHERE id = $1`, [adminId]);
      expect(row).toEqual({ role: 'admin', active: true });
    });

    it('lets an admin step down once another admin is active', async () => {
      const other = await signedIn('admin');
      await changeUser(adminId, { role: 'coordinator' }).expect(200);
      await t.http
        .patch(`/api/v1/users/${adminId}`)
        .auth(other.token, { type: 'bearer' })
        .send({ role: 'admin' })
        .expect(200);
      admin = (
        await t.http
          .post('/api/v1/auth/login')
          .send({ email: 'admin@test.local', password: 'admin-password' })
          .expect(200)
      ).body.accessToken;
      const res = await t.http
        .patch(`/api/v1/users/${other.id}`)
        .auth(other.token, { type: 'bearer' })
        .send({ active: false })
        .expect(200);
      expect(res.body).toMatchObject({ role: 'admin', active: false });
    });

    it('keeps one admin when two admins demote each other at the same moment', async () => {
      const [{ id: firstAdmin }] = await t.db.query(
        `SELECT id FROM users WHERE role = 'admin' AND active ORDER BY created_at LIMIT 1`,
      );
      const second = await signedIn('admin');
      const results = await Promise.all([
        changeUser(firstAdmin, { role: 'viewer' }),
        changeUser(second.id, { role: 'viewer' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active`,
      );
      expect(n).toBe(1);
    });
  });
});
