import { JwtService } from '@nestjs/jwt';
import { Role } from '@cascade/platform';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeInstitution } from './support/factories';

describe('authentication and roles', () => {
  let t: TestApp;
  let admin: string;
  const count = async (table: string, where: string, params: unknown[] = []) =>
    (
      (await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params)) as { n: number }[]
    )[0].n;
  // Regions survive resetDatabase: the region this file creates is removed again.
  const removeTestRegions = () => t.db.query(`DELETE FROM regions WHERE code LIKE 'MN-98_'`);

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    await removeTestRegions();
    admin = await t.tokenFor('admin');
  });
  afterAll(async () => {
    await removeTestRegions();
    await t.close();
  });

  describe('login', () => {
    it('answers an access token for the first admin, whatever the letter case of the email', async () => {
      const res = await t.http
        .post('/api/v1/auth/login')
        .send({ email: 'Admin@Test.Local', password: 'admin-password' })
        .expect(200);
      expect(res.body).toEqual({ accessToken: expect.any(String) });
      await t.http.get('/api/v1/users').auth(res.body.accessToken, { type: 'bearer' }).expect(200);
    });

    it.each([
      ['a wrong password', { email: 'admin@test.local', password: 'not-the-password' }],
      ['an unknown email', { email: 'nobody@test.local', password: 'admin-password' }],
    ])('refuses %s with 401 and the same message', async (_case, body) => {
      const res = await t.http.post('/api/v1/auth/login').send(body).expect(401);
      expect(res.body).toEqual({
        statusCode: 401,
        code: 'UNAUTHENTICATED',
        error: 'Unauthorized',
        message: 'email or password is wrong',
      });
    });

    it('refuses an inactive user with 401', async () => {
      const user = await t.http
        .post('/api/v1/users')
        .auth(admin, { type: 'bearer' })
        .send({ email: 'leaver@test.local', password: 'leaver-password', role: 'viewer' })
        .expect(201);
      await t.http
        .post('/api/v1/auth/login')
        .send({ email: 'leaver@test.local', password: 'leaver-password' })
        .expect(200);
      await t.http
        .patch(`/api/v1/users/${user.body.id}`)
        .auth(admin, { type: 'bearer' })
        .send({ active: false })
        .expect(200);
      const res = await t.http
        .post('/api/v1/auth/login')
        .send({ email: 'leaver@test.local', password: 'leaver-password' })
        .expect(401);
      expect(res.body.message).toBe('email or password is wrong');
    });

    it('refuses a login without a valid email with 400 naming email', async () => {
      const res = await t.http
        .post('/api/v1/auth/login')
        .send({ email: 'admin', password: 'admin-password' })
        .expect(400);
      expect(res.body.message).toMatch(/^email:/);
    });
  });

  describe('tokens', () => {
    it('refuses a request without a token with 401', async () => {
      const res = await t.http.get('/api/v1/regions').expect(401);
      expect(res.body.message).toBe('authorization: a Bearer token is required');
    });

    it.each([
      ['a malformed token', 'Bearer not.a.token'],
      [
        'a token signed with another secret',
        `Bearer ${new JwtService({ secret: 'someone-elses-secret-0123' }).sign({ sub: 'x', role: 'admin' })}`,
      ],
    ])('refuses %s with 401', async (_case, header) => {
      const res = await t.http.get('/api/v1/regions').set('Authorization', header).expect(401);
      expect(res.body.message).toBe('authorization: the token is invalid or expired');
    });

    it('refuses another scheme than Bearer with 401', async () => {
      await t.http.get('/api/v1/regions').set('Authorization', `Basic ${admin}`).expect(401);
    });
  });

  describe('what each role may do', () => {
    const ROLE_LIST: Role[] = ['admin', 'coordinator', 'master_teacher', 'viewer'];
    const tokens = {} as Record<Role, string>;
    let institutionId: string;
    let regionId: string;
    beforeAll(async () => {
      for (const role of ROLE_LIST) tokens[role] = await t.tokenFor(role);
      institutionId = await makeInstitution(t.db);
      regionId = ((await t.db.query(`SELECT id FROM regions WHERE code = 'MN-1'`)) as { id: string }[])[0].id;
    });

    const reads: [string, Role[]][] = [
      ['/api/v1/regions', ['admin', 'coordinator', 'master_teacher', 'viewer']],
      ['/api/v1/institutions', ['admin', 'coordinator', 'master_teacher', 'viewer']],
      ['/api/v1/courses', ['admin', 'coordinator', 'master_teacher', 'viewer']],
      ['/api/v1/people', ['admin', 'coordinator', 'master_teacher']],
      ['/api/v1/ai-adoptions', ['admin', 'coordinator', 'master_teacher']],
      ['/api/v1/users', ['admin']],
      ['/api/v1/audit-events', ['admin']],
    ];
    it.each(ROLE_LIST)('lets %s read exactly the lists open to it', async (role) => {
      for (const [path, allowed] of reads) {
        const res = await t.http.get(path).auth(tokens[role], { type: 'bearer' });
        expect({ path, status: res.status }).toEqual({ path, status: allowed.includes(role) ? 200 : 403 });
      }
    });

    /** A write per route, with a marker so a refused one can be shown to have stored nothing. */
    const writes: {
      path: string;
      table: string;
      allowed: Role[];
      body: (role: Role, n: number) => Record<string, unknown>;
    }[] = [
      {
        path: '/api/v1/regions',
        table: 'regions',
        allowed: ['admin'],
        body: (role, n) => ({ code: `MN-98${n}`, name: `Region of ${role}`, nameMn: 'Бүс' }),
      },
      {
        path: '/api/v1/institutions',
        table: 'institutions',
        allowed: ['admin', 'coordinator'],
        body: (role) => ({ name: `Institution of ${role}`, nameMn: 'Сургууль', regionId, kind: 'other' }),
      },
      {
        path: '/api/v1/courses',
        table: 'courses',
        allowed: ['admin', 'coordinator'],
        body: (role) => ({
          code: `COURSE-${role}`,
          title: `Course of ${role}`,
          titleMn: 'Хичээл',
          workloadHours: 10,
          learningOutcomes: [],
          language: 'en',
          deliveryModes: ['online'],
        }),
      },
      {
        path: '/api/v1/people',
        table: 'people',
        allowed: ['admin', 'coordinator'],
        body: (role) => ({
          fullName: `Person of ${role}`,
          email: `person-of-${role}@test.local`,
          institutionId,
        }),
      },
      {
        path: '/api/v1/users',
        table: 'users',
        allowed: ['admin'],
        body: (role) => ({
          email: `user-of-${role}@test.local`,
          password: 'long-enough-password',
          role: 'viewer',
        }),
      },
    ];
    it.each(ROLE_LIST.map((role, n) => [role, n] as const))(
      'lets %s write exactly what its role allows',
      async (role, n) => {
        for (const { path, table, allowed, body } of writes) {
          const sent = body(role, n);
          const res = await t.http.post(path).auth(tokens[role], { type: 'bearer' }).send(sent);
          expect({ path, status: res.status }).toEqual({ path, status: allowed.includes(role) ? 201 : 403 });
          const [column, value] = Object.entries(sent)[0];
          const stored = await count(
            table,
            `${column.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)} = $1`,
            [value],
          );
          expect({ path, stored }).toEqual({ path, stored: allowed.includes(role) ? 1 : 0 });
          if (res.status === 403) expect(res.body.message).toBe(`role: ${role} may not POST ${path}`);
        }
      },
    );

    it('refuses PATCH /people/:id to a viewer and a master teacher with 403, changing nothing', async () => {
      const [{ id }] = (await t.db.query(
        `SELECT id FROM people WHERE email = 'person-of-admin@test.local'`,
      )) as { id: string }[];
      for (const role of ['viewer', 'master_teacher'] as Role[]) {
        await t.http
          .patch(`/api/v1/people/${id}`)
          .auth(tokens[role], { type: 'bearer' })
          .send({ discipline: 'Art' })
          .expect(403);
      }
      await expect(count('people', 'id = $1 AND discipline IS NULL', [id])).resolves.toBe(1);
    });
  });

  describe('users', () => {
    it('refuses a user whose email differs from an existing one only in letter case with 409', async () => {
      await t.http
        .post('/api/v1/users')
        .auth(admin, { type: 'bearer' })
        .send({ email: 'Dup.User@test.local', password: 'long-enough-password', role: 'coordinator' })
        .expect(201);
      const res = await t.http
        .post('/api/v1/users')
        .auth(admin, { type: 'bearer' })
        .send({ email: 'dup.user@TEST.LOCAL', password: 'another-password', role: 'viewer' })
        .expect(409);
      expect(res.body.message).toBe('email: a user with this email already exists');
      await expect(count('users', `lower(email) = 'dup.user@test.local'`)).resolves.toBe(1);
    });

    it('never answers a password or its hash', async () => {
      const res = await t.http
        .post('/api/v1/users')
        .auth(admin, { type: 'bearer' })
        .send({ email: 'secretive@test.local', password: 'long-enough-password', role: 'viewer' })
        .expect(201);
      const list = await t.http.get('/api/v1/users?limit=500').auth(admin, { type: 'bearer' }).expect(200);
      const text = JSON.stringify([res.body, list.body]);
      expect(text).not.toMatch(/password/i);
      expect(text).not.toMatch(/\$argon2/);
    });
  });
});
