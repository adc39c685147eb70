import { PeopleService } from '@cascade/reference';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeInstitution, makePerson, regionId, uuid } from './support/factories';

describe('people', () => {
  let t: TestApp;
  let admin: string;
  let coordinator: string;
  let institutionId: string;
  const count = async (where: string, params: unknown[] = []) =>
    ((await t.db.query(`SELECT count(*)::int AS n FROM people WHERE ${where}`, params)) as { n: number }[])[0]
      .n;
  const person = (fields: Record<string, unknown> = {}) => ({
    fullName: 'Батбаярын Сарантуяа',
    email: 'Sarantuya.B@Example.MN',
    institutionId,
    discipline: 'Mathematics',
    gender: 'female',
    preferredLanguage: 'mn',
    ...fields,
  });

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    admin = await t.tokenFor('admin');
    coordinator = await t.tokenFor('coordinator');
    institutionId = await makeInstitution(t.db);
  });
  afterAll(() => t.close());

  it('creates a person with 201, storing the email normalised (NFKC, lower case)', async () => {
    const res = await t.http
      .post('/api/v1/people')
      .auth(coordinator, { type: 'bearer' })
      .send(person())
      .expect(201);
    expect(res.body).toMatchObject({ ...person(), email: 'sarantuya.b@example.mn', id: expect.any(String) });
  });

  it.each(['sarantuya.b@example.mn', 'SARANTUYA.B@EXAMPLE.MN'])(
    'refuses the same email as %s with 409, storing nothing',
    async (email) => {
      const res = await t.http
        .post('/api/v1/people')
        .auth(admin, { type: 'bearer' })
        .send(person({ email, fullName: 'Somebody else' }))
        .expect(409);
      expect(res.body.message).toBe('email: a person with this email already exists');
      await expect(count(`lower(email) = 'sarantuya.b@example.mn'`)).resolves.toBe(1);
    },
  );

  it('leaves out gender and discipline as null and preferredLanguage as mn', async () => {
    const res = await t.http
      .post('/api/v1/people')
      .auth(admin, { type: 'bearer' })
      .send({ fullName: 'Дорж', email: 'dorj@example.mn', institutionId })
      .expect(201);
    expect(res.body).toMatchObject({ discipline: null, gender: null, preferredLanguage: 'mn' });
  });

  it.each([
    ['institutionId', { institutionId: uuid() }, 'institutionId: no such institution'],
    ['institutionId', { institutionId: 'not-a-uuid' }, /^institutionId: institutionId must be a UUID/],
    ['email', { email: 'not-an-email' }, /^email:/],
    ['fullName', { fullName: 42 }, /^fullName:/],
    ['gender', { gender: 'unknown' }, /^gender:/],
    ['preferredLanguage', { preferredLanguage: null }, /^preferredLanguage:/],
    ['role', { role: 'admin' }, /^role: property role should not exist/],
  ])('refuses a wrong %s with 400 naming it, storing nothing', async (_field, change, message) => {
    const res = await t.http
      .post('/api/v1/people')
      .auth(admin, { type: 'bearer' })
      .send(person({ email: 'invalid.case@example.mn', ...change }))
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.body.message).toMatch(message);
    await expect(count(`email = 'invalid.case@example.mn' OR email = 'not-an-email'`)).resolves.toBe(0);
  });

  it("refuses to change an email into another person's in another letter case with 409", async () => {
    const id = await makePerson(t.db, { institution_id: institutionId, email: 'tsetseg@example.mn' });
    const res = await t.http
      .patch(`/api/v1/people/${id}`)
      .auth(coordinator, { type: 'bearer' })
      .send({ email: 'DORJ@example.mn' })
      .expect(409);
    expect(res.body.message).toMatch(/^email:/);
    await expect(count('id = $1 AND email = $2', [id, 'tsetseg@example.mn'])).resolves.toBe(1);
  });

  it('changes a person with PATCH, clears discipline with null and refuses a null fullName', async () => {
    const id = await makePerson(t.db, { institution_id: institutionId });
    const other = await makeInstitution(t.db);
    const moved = await t.http
      .patch(`/api/v1/people/${id}`)
      .auth(coordinator, { type: 'bearer' })
      .send({ institutionId: other, discipline: null, preferredLanguage: 'en' })
      .expect(200);
    expect(moved.body).toMatchObject({ id, institutionId: other, discipline: null, preferredLanguage: 'en' });
    const refused = await t.http
      .patch(`/api/v1/people/${id}`)
      .auth(admin, { type: 'bearer' })
      .send({ fullName: null });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/^fullName:/);
    const unknownInstitution = await t.http
      .patch(`/api/v1/people/${id}`)
      .auth(admin, { type: 'bearer' })
      .send({ institutionId: uuid() })
      .expect(400);
    expect(unknownInstitution.body.message).toBe('institutionId: no such institution');
    await t.http
      .patch(`/api/v1/people/${uuid()}`)
      .auth(admin, { type: 'bearer' })
      .send({ discipline: 'Art' })
      .expect(404);
    await t.http
      .patch('/api/v1/people/42')
      .auth(admin, { type: 'bearer' })
      .send({ discipline: 'Art' })
      .expect(400);
  });

  it('answers PeopleService.get with the person, and 404 for an unknown id', async () => {
    const service = t.app.get(PeopleService);
    const id = await makePerson(t.db, { institution_id: institutionId, full_name: 'Ганбат' });
    await expect(service.get(id)).resolves.toMatchObject({ id, fullName: 'Ганбат' });
    await expect(service.get(uuid())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  describe('lists', () => {
    let reader: string;
    let khovdCollege: string;
    let khovdUniversity: string;
    beforeAll(async () => {
      await t.db.query('DELETE FROM users WHERE person_id IS NOT NULL');
      await t.db.query('DELETE FROM people');
      reader = await t.tokenFor('coordinator');
      const khovd = await regionId(t.db, 'MN-043');
      khovdCollege = await makeInstitution(t.db, { region_id: khovd, kind: 'college' });
      khovdUniversity = await makeInstitution(t.db, { region_id: khovd });
      const elsewhere = await makeInstitution(t.db, { region_id: await regionId(t.db, 'MN-1') });
      await makePerson(t.db, { full_name: 'Anu', email: 'anu@khovd.mn', institution_id: khovdCollege });
      await makePerson(t.db, { full_name: 'Bold', email: 'bold@khovd.mn', institution_id: khovdUniversity });
      await makePerson(t.db, { full_name: 'Chimeg', email: 'ANU.friend@ub.mn', institution_id: elsewhere });
      await makePerson(t.db, { full_name: 'Дулмаа', email: 'dulmaa@ub.mn', institution_id: elsewhere });
    });
    const names = (body: { items: { fullName: string }[] }) => body.items.map((p) => p.fullName);

    it('lists everyone by name with the total, and pages without gaps or repeats', async () => {
      const all = await t.http.get('/api/v1/people').auth(reader, { type: 'bearer' }).expect(200);
      expect(names(all.body)).toEqual(['Anu', 'Bold', 'Chimeg', 'Дулмаа']);
      expect(all.body).toMatchObject({ total: 4, limit: 50, offset: 0 });
      const pages = [];
      for (const offset of [0, 2]) {
        const page = await t.http
          .get(`/api/v1/people?limit=2&offset=${offset}`)
          .auth(reader, { type: 'bearer' })
          .expect(200);
        expect(page.body).toMatchObject({ total: 4, limit: 2, offset });
        pages.push(...names(page.body));
      }
      expect(pages).toEqual(names(all.body));
    });

    it('filters by institutionId', async () => {
      const res = await t.http
        .get(`/api/v1/people?institutionId=${khovdCollege}`)
        .auth(reader, { type: 'bearer' });
      expect(names(res.body)).toEqual(['Anu']);
      expect(res.body.total).toBe(1);
    });

    it("filters by regionId, the region of the person's institution", async () => {
      const khovd = await regionId(t.db, 'MN-043');
      const res = await t.http
        .get(`/api/v1/people?regionId=${khovd}`)
        .auth(reader, { type: 'bearer' })
        .expect(200);
      expect(names(res.body)).toEqual(['Anu', 'Bold']);
      const empty = await t.http
        .get(`/api/v1/people?regionId=${await regionId(t.db, 'MN-046')}`)
        .auth(reader, { type: 'bearer' });
      expect(empty.body).toMatchObject({ items: [], total: 0 });
    });

    it('matches q against the name or the email in any letter case', async () => {
      const byEmail = await t.http.get('/api/v1/people?q=ANU').auth(reader, { type: 'bearer' }).expect(200);
      expect(names(byEmail.body)).toEqual(['Anu', 'Chimeg']);
      const byName = await t.http
        .get(`/api/v1/people?q=${encodeURIComponent('ДУЛ')}`)
        .auth(reader, { type: 'bearer' });
      expect(names(byName.body)).toEqual(['Дулмаа']);
      const combined = await t.http
        .get(`/api/v1/people?q=anu&regionId=${await regionId(t.db, 'MN-043')}`)
        .auth(reader, { type: 'bearer' });
      expect(names(combined.body)).toEqual(['Anu']);
    });

    it.each([
      ['limit', 'limit=0'],
      ['limit', 'limit=501'],
      ['offset', 'offset=-1'],
      ['limit', 'limit=ten'],
      ['institutionId', 'institutionId=nope'],
      ['regionId', 'regionId=nope'],
      ['sort', 'sort=name'],
    ])('refuses a wrong %s in the query with 400 naming it', async (field, query) => {
      const res = await t.http.get(`/api/v1/people?${query}`).auth(reader, { type: 'bearer' }).expect(400);
      expect(res.body.message).toMatch(new RegExp(`^${field}:`));
    });
  });
});
