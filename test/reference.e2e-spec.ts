import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeInstitution, regionId, uuid } from './support/factories';

interface Listed {
  id: string;
}

describe('reference data: regions and institutions', () => {
  let t: TestApp;
  let admin: string;
  let viewer: string;
  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    (
      (await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params)) as { n: number }[]
    )[0].n;

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    admin = await t.tokenFor('admin');
    viewer = await t.tokenFor('viewer');
  });
  afterAll(() => t.close());

  describe('regions', () => {
    // Regions survive resetDatabase: this block leaves them as it found them.
    const removeTestRegions = () => t.db.query(`DELETE FROM regions WHERE code LIKE 'MN-99_'`);
    beforeAll(removeTestRegions);
    afterAll(removeTestRegions);

    it('lists the 22 seeded regions by code and pages through them without gaps or repeats', async () => {
      const all = await t.http.get('/api/v1/regions?limit=100').auth(viewer, { type: 'bearer' }).expect(200);
      expect(all.body.total).toBe(22);
      const codes: string[] = all.body.items.map((r: { code: string }) => r.code);
      expect(codes).toEqual([...codes].sort());

      const first = await t.http
        .get('/api/v1/regions?limit=10&offset=0')
        .auth(viewer, { type: 'bearer' })
        .expect(200);
      const second = await t.http
        .get('/api/v1/regions?limit=10&offset=10')
        .auth(viewer, { type: 'bearer' })
        .expect(200);
      expect(first.body).toMatchObject({ total: 22, limit: 10, offset: 0 });
      expect(second.body).toMatchObject({ total: 22, limit: 10, offset: 10 });
      expect([...first.body.items, ...second.body.items].map((r: Listed) => r.id)).toEqual(
        all.body.items.slice(0, 20).map((r: Listed) => r.id),
      );
    });

    it('finds regions by part of the code or of either name, in any letter case', async () => {
      const byName = await t.http
        .get('/api/v1/regions?q=ARKHANG')
        .auth(viewer, { type: 'bearer' })
        .expect(200);
      expect(byName.body.items.map((r: { code: string }) => r.code)).toEqual(['MN-073']);
      const byNameMn = await t.http
        .get(`/api/v1/regions?q=${encodeURIComponent('АРХАНГ')}`)
        .auth(viewer, { type: 'bearer' });
      expect(byNameMn.body.items.map((r: { code: string }) => r.code)).toEqual(['MN-073']);
      const byCode = await t.http.get('/api/v1/regions?q=mn-1').auth(viewer, { type: 'bearer' }).expect(200);
      expect(byCode.body.items.map((r: { code: string }) => r.code)).toEqual(['MN-1']);
    });

    it('creates a region with 201 and answers it by id', async () => {
      const created = await t.http
        .post('/api/v1/regions')
        .auth(admin, { type: 'bearer' })
        .send({ code: 'MN-999', name: 'Test aimag', nameMn: 'Туршилтын аймаг' })
        .expect(201);
      expect(created.body).toMatchObject({
        id: expect.any(String),
        code: 'MN-999',
        nameMn: 'Туршилтын аймаг',
      });
      const fetched = await t.http
        .get(`/api/v1/regions/${created.body.id}`)
        .auth(viewer, { type: 'bearer' })
        .expect(200);
      expect(fetched.body.name).toBe('Test aimag');
    });

    it('refuses a second region with the same code with 409', async () => {
      const res = await t.http
        .post('/api/v1/regions')
        .auth(admin, { type: 'bearer' })
        .send({ code: 'MN-1', name: 'Another capital', nameMn: 'Өөр нийслэл' })
        .expect(409);
      expect(res.body.message).toMatch(/^code:/);
      await expect(count('regions', 'code = $1', ['MN-1'])).resolves.toBe(1);
    });

    it('refuses a code that is not ISO 3166-2:MN with 400 naming code, storing nothing', async () => {
      const res = await t.http
        .post('/api/v1/regions')
        .auth(admin, { type: 'bearer' })
        .send({ code: 'UB', name: 'Ulaanbaatar again', nameMn: 'Улаанбаатар' })
        .expect(400);
      expect(res.body.message).toMatch(/^code:/);
      await expect(count('regions', `name = 'Ulaanbaatar again'`)).resolves.toBe(0);
    });

    it('renames a region with PATCH and refuses to clear its name with 400', async () => {
      const id = await regionId(t.db, 'MN-999');
      const res = await t.http
        .patch(`/api/v1/regions/${id}`)
        .auth(admin, { type: 'bearer' })
        .send({ name: 'Renamed aimag' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, code: 'MN-999', name: 'Renamed aimag' });
      const cleared = await t.http
        .patch(`/api/v1/regions/${id}`)
        .auth(admin, { type: 'bearer' })
        .send({ name: null })
        .expect(400);
      expect(cleared.body.message).toMatch(/^name:/);
    });

    it('answers 404 for an unknown region and 400 naming id for a malformed one', async () => {
      const missing = await t.http
        .get(`/api/v1/regions/${uuid()}`)
        .auth(viewer, { type: 'bearer' })
        .expect(404);
      expect(missing.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
      const malformed = await t.http
        .get('/api/v1/regions/not-a-uuid')
        .auth(viewer, { type: 'bearer' })
        .expect(400);
      expect(malformed.body.message).toBe('id: must be a UUID');
      await t.http
        .patch(`/api/v1/regions/${uuid()}`)
        .auth(admin, { type: 'bearer' })
        .send({ name: 'Nowhere' })
        .expect(404);
    });
  });

  describe('institutions', () => {
    let darkhan: string;
    let orkhon: string;
    beforeAll(async () => {
      darkhan = await regionId(t.db, 'MN-037');
      orkhon = await regionId(t.db, 'MN-035');
    });

    it('creates an institution with 201 and refuses a duplicate name with 409', async () => {
      const body = {
        name: 'Darkhan Teachers College',
        nameMn: 'Дархан Багшийн Коллеж',
        regionId: darkhan,
        kind: 'college',
      };
      const created = await t.http
        .post('/api/v1/institutions')
        .auth(admin, { type: 'bearer' })
        .send(body)
        .expect(201);
      expect(created.body).toMatchObject({ ...body, id: expect.any(String) });
      const duplicate = await t.http
        .post('/api/v1/institutions')
        .auth(admin, { type: 'bearer' })
        .send(body)
        .expect(409);
      expect(duplicate.body.message).toMatch(/^name:/);
      await expect(count('institutions', 'name = $1', [body.name])).resolves.toBe(1);
    });

    it('refuses an unknown regionId with 400 naming regionId, storing nothing', async () => {
      const res = await t.http
        .post('/api/v1/institutions')
        .auth(admin, { type: 'bearer' })
        .send({ name: 'Ghost Institute', nameMn: 'Сүнс', regionId: uuid(), kind: 'institute' })
        .expect(400);
      expect(res.body.message).toBe('regionId: no such region');
      await expect(count('institutions', `name = 'Ghost Institute'`)).resolves.toBe(0);
    });

    it('refuses an unknown kind with 400 naming kind', async () => {
      const res = await t.http
        .post('/api/v1/institutions')
        .auth(admin, { type: 'bearer' })
        .send({ name: 'Odd School', nameMn: 'Сургууль', regionId: darkhan, kind: 'school' })
        .expect(400);
      expect(res.body.message).toMatch(/^kind:/);
      await expect(count('institutions', `name = 'Odd School'`)).resolves.toBe(0);
    });

    it('filters by regionId, kind and q, pages by name, and counts all matches', async () => {
      for (const name of ['Orkhon University', 'Orkhon Institute of Technology', 'Erdenet College']) {
        await makeInstitution(t.db, {
          name,
          region_id: orkhon,
          kind: name.includes('College') ? 'college' : 'university',
        });
      }
      const inOrkhon = await t.http
        .get(`/api/v1/institutions?regionId=${orkhon}`)
        .auth(viewer, { type: 'bearer' })
        .expect(200);
      expect(inOrkhon.body.items.map((i: { name: string }) => i.name)).toEqual([
        'Erdenet College',
        'Orkhon Institute of Technology',
        'Orkhon University',
      ]);
      expect(inOrkhon.body.total).toBe(3);

      const colleges = await t.http
        .get(`/api/v1/institutions?regionId=${orkhon}&kind=college`)
        .auth(viewer, { type: 'bearer' });
      expect(colleges.body.items.map((i: { name: string }) => i.name)).toEqual(['Erdenet College']);
      const searched = await t.http
        .get('/api/v1/institutions?q=ORKHON')
        .auth(viewer, { type: 'bearer' })
        .expect(200);
      expect(searched.body.total).toBe(2);

      const page = await t.http
        .get(`/api/v1/institutions?regionId=${orkhon}&limit=1&offset=1`)
        .auth(viewer, { type: 'bearer' });
      expect(page.body).toMatchObject({
        total: 3,
        limit: 1,
        offset: 1,
        items: [{ name: 'Orkhon Institute of Technology' }],
      });
    });

    it('moves an institution to another region with PATCH and refuses an unknown region with 400', async () => {
      const id = await makeInstitution(t.db, { region_id: darkhan });
      const moved = await t.http
        .patch(`/api/v1/institutions/${id}`)
        .auth(admin, { type: 'bearer' })
        .send({ regionId: orkhon });
      expect(moved.status).toBe(200);
      expect(moved.body.regionId).toBe(orkhon);
      const refused = await t.http
        .patch(`/api/v1/institutions/${id}`)
        .auth(admin, { type: 'bearer' })
        .send({ regionId: uuid() });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toBe('regionId: no such region');
      await expect(count('institutions', 'id = $1 AND region_id = $2', [id, orkhon])).resolves.toBe(1);
    });
  });
});
