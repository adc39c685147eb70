import { randomUUID } from 'crypto';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeCourse, makeInstitution, makePerson } from './support/factories';

interface AuditRow {
  actor_user_id: string;
  actor_email: string;
  action: string;
  entity: string;
  entity_id: string;
  request_id: string;
  status_code: number;
  changes: { params: Record<string, string>; body: Record<string, unknown> };
}

const claims = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sub: string; email: string };

describe('platform: audit trail and API documents', () => {
  let t: TestApp;
  let admin: string;
  const removeTestRegions = () => t.db.query(`DELETE FROM regions WHERE code LIKE 'MN-97_'`);

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

  const auditOf = async (requestId: string) =>
    (await t.db.query(`SELECT * FROM audit_events WHERE request_id = $1`, [requestId])) as AuditRow[];

  describe('every write leaves one audit event', () => {
    type Write = {
      kind: string;
      method: 'post' | 'patch';
      path: () => Promise<string>;
      route: string;
      entity: string;
      body: Record<string, unknown>;
    };
    const writes: Write[] = [
      {
        kind: 'create a region',
        method: 'post',
        path: async () => '/api/v1/regions',
        route: '/api/v1/regions',
        entity: 'regions',
        body: { code: 'MN-970', name: 'Audit aimag', nameMn: 'Аймаг' },
      },
      {
        kind: 'change a region',
        method: 'patch',
        path: async () => `/api/v1/regions/${await regionOf('MN-970')}`,
        route: '/api/v1/regions/:id',
        entity: 'regions',
        body: { name: 'Audited aimag' },
      },
      {
        kind: 'create an institution',
        method: 'post',
        path: async () => '/api/v1/institutions',
        route: '/api/v1/institutions',
        entity: 'institutions',
        body: { name: 'Audit College', nameMn: 'Коллеж', kind: 'college' },
      },
      {
        kind: 'change an institution',
        method: 'patch',
        path: async () => `/api/v1/institutions/${await makeInstitution(t.db)}`,
        route: '/api/v1/institutions/:id',
        entity: 'institutions',
        body: { kind: 'other' },
      },
      {
        kind: 'create a course',
        method: 'post',
        path: async () => '/api/v1/courses',
        route: '/api/v1/courses',
        entity: 'courses',
        body: {
          code: 'AUD-1',
          title: 'Audit',
          titleMn: 'Аудит',
          workloadHours: 5,
          learningOutcomes: [],
          language: 'en',
          deliveryModes: ['online'],
        },
      },
      {
        kind: 'change a course',
        method: 'patch',
        path: async () => `/api/v1/courses/${await makeCourse(t.db)}`,
        route: '/api/v1/courses/:id',
        entity: 'courses',
        body: { workloadHours: 12 },
      },
      {
        kind: 'create a person',
        method: 'post',
        path: async () => '/api/v1/people',
        route: '/api/v1/people',
        entity: 'people',
        body: { fullName: 'Audit Person', email: 'audit.person@test.local' },
      },
      {
        kind: 'change a person',
        method: 'patch',
        path: async () => `/api/v1/people/${await makePerson(t.db)}`,
        route: '/api/v1/people/:id',
        entity: 'people',
        body: { discipline: 'Physics' },
      },
      {
        kind: 'create a user',
        method: 'post',
        path: async () => '/api/v1/users',
        route: '/api/v1/users',
        entity: 'users',
        body: { email: 'audited@test.local', password: 'a-secret-password', role: 'viewer' },
      },
      {
        kind: "change a user's password",
        method: 'patch',
        path: async () => `/api/v1/users/${await userOf('audited@test.local')}`,
        route: '/api/v1/users/:id',
        entity: 'users',
        body: { password: 'another-secret-password' },
      },
    ];
    const regionOf = async (code: string) =>
      ((await t.db.query(`SELECT id FROM regions WHERE code = $1`, [code])) as { id: string }[])[0].id;
    const userOf = async (email: string) =>
      ((await t.db.query(`SELECT id FROM users WHERE email = $1`, [email])) as { id: string }[])[0].id;

    it.each(writes.map((w) => [w.kind, w] as const))(
      'records who, what and which request: %s',
      async (_kind, write) => {
        const body = { ...write.body };
        if (write.entity === 'institutions' && write.method === 'post')
          body.regionId = await regionOf('MN-1');
        if (write.entity === 'people' && write.method === 'post')
          body.institutionId = await makeInstitution(t.db);
        const requestId = `audit-${randomUUID()}`;
        const res = await t.http[write.method](await write.path())
          .auth(admin, { type: 'bearer' })
          .set('x-request-id', requestId)
          .send(body);
        expect(res.status).toBe(write.method === 'post' ? 201 : 200);

        const rows = await auditOf(requestId);
        expect(rows).toHaveLength(1);
        const { sub, email } = claims(admin);
        expect(rows[0]).toMatchObject({
          actor_user_id: sub,
          actor_email: email,
          action: `${write.method.toUpperCase()} ${write.route}`,
          entity: write.entity,
          entity_id: res.body.id,
          request_id: requestId,
          status_code: res.status,
        });
        expect(JSON.stringify(rows[0].changes)).not.toMatch(/secret-password/);
        if ('password' in body) expect(rows[0].changes.body.password).toBe('[redacted]');

        const listed = await t.http
          .get(`/api/v1/audit-events?requestId=${requestId}`)
          .auth(admin, { type: 'bearer' })
          .expect(200);
        expect(listed.body.total).toBe(1);
        expect(listed.body.items[0]).toMatchObject({
          actorUserId: sub,
          actorEmail: email,
          action: `${write.method.toUpperCase()} ${write.route}`,
          entity: write.entity,
          entityId: res.body.id,
          requestId,
        });
      },
    );

    it('records nothing for a refused write', async () => {
      const requestId = `audit-${randomUUID()}`;
      await t.http
        .post('/api/v1/regions')
        .auth(admin, { type: 'bearer' })
        .set('x-request-id', requestId)
        .send({ code: 'MN-1', name: 'Duplicate', nameMn: 'Давхар' })
        .expect(409);
      await expect(auditOf(requestId)).resolves.toEqual([]);
    });

    it('filters audit events by entity and entityId, newest first', async () => {
      const id = await makePerson(t.db);
      for (const discipline of ['Art', 'Music']) {
        await t.http
          .patch(`/api/v1/people/${id}`)
          .auth(admin, { type: 'bearer' })
          .send({ discipline })
          .expect(200);
      }
      const res = await t.http
        .get(`/api/v1/audit-events?entity=people&entityId=${id}`)
        .auth(admin, { type: 'bearer' });
      expect(res.body.total).toBe(2);
      expect(res.body.items.map((e: { changes: AuditRow['changes'] }) => e.changes.body.discipline)).toEqual([
        'Music',
        'Art',
      ]);
    });
  });

  describe('OpenAPI', () => {
    it('serves the document at /api/docs-json with every reference path and its verbs', async () => {
      const res = await t.http.get('/api/docs-json').expect(200);
      const paths = res.body.paths as Record<string, Record<string, unknown>>;
      for (const resource of ['regions', 'institutions', 'courses', 'people']) {
        expect(Object.keys(paths[`/api/v1/${resource}`] ?? {})).toEqual(
          expect.arrayContaining(['get', 'post']),
        );
        expect(Object.keys(paths[`/api/v1/${resource}/{id}`] ?? {})).toContain('patch');
      }
      expect(Object.keys(paths['/api/v1/regions/{id}'])).toContain('get');
      expect(paths['/api/v1/auth/login']).toHaveProperty('post');
      expect(paths['/api/health']).toHaveProperty('get');
      expect(res.body.components.schemas.CreatePersonDto.required).toEqual(
        expect.arrayContaining(['fullName', 'email', 'institutionId']),
      );
    });

    it('serves the interactive documentation at /api/docs', async () => {
      const res = await t.http.get('/api/docs').redirects(1).expect(200);
      expect(res.text).toMatch(/swagger/i);
    });
  });
});
