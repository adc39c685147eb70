import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeCourse } from './support/factories';

describe('reference data: courses', () => {
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

  const course = {
    code: 'AI-101',
    title: 'Generative AI in the classroom',
    titleMn: 'Хиймэл оюун ухаан ангид',
    workloadHours: 30,
    ects: 1.5,
    learningOutcomes: ['Plans a lesson with an AI assistant', 'Judges AI output critically'],
    language: 'mn',
    deliveryModes: ['online', 'hybrid'],
  };

  it('creates a course with 201 and answers ects as a number', async () => {
    const created = await t.http
      .post('/api/v1/courses')
      .auth(admin, { type: 'bearer' })
      .send(course)
      .expect(201);
    expect(created.body).toMatchObject({ ...course, id: expect.any(String) });
    const fetched = await t.http
      .get(`/api/v1/courses/${created.body.id}`)
      .auth(viewer, { type: 'bearer' })
      .expect(200);
    expect(fetched.body.ects).toBe(1.5);
    expect(fetched.body.deliveryModes).toEqual(['online', 'hybrid']);
  });

  it('creates a course without ects, answering null, and clears ects with PATCH null', async () => {
    const { ects: _ects, ...withoutEcts } = course;
    const created = await t.http
      .post('/api/v1/courses')
      .auth(admin, { type: 'bearer' })
      .send({ ...withoutEcts, code: 'AI-102' })
      .expect(201);
    expect(created.body.ects).toBeNull();
    await t.http
      .patch(`/api/v1/courses/${created.body.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ ects: 2 })
      .expect(200);
    const cleared = await t.http
      .patch(`/api/v1/courses/${created.body.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ ects: null });
    expect(cleared.body.ects).toBeNull();
  });

  it('refuses a duplicate code with 409', async () => {
    const res = await t.http.post('/api/v1/courses').auth(admin, { type: 'bearer' }).send(course).expect(409);
    expect(res.body.message).toMatch(/^code:/);
    await expect(count('courses', 'code = $1', [course.code])).resolves.toBe(1);
  });

  it.each([
    ['deliveryModes', { deliveryModes: ['online', 'teleport'] }],
    ['deliveryModes', { deliveryModes: [] }],
    ['language', { language: 'fr' }],
    ['workloadHours', { workloadHours: '30' }],
    ['workloadHours', { workloadHours: 0 }],
    ['ects', { ects: 1.25 }],
    ['learningOutcomes', { learningOutcomes: 'everything' }],
  ])('refuses a wrong %s with 400 naming it, storing nothing', async (field, change) => {
    const res = await t.http
      .post('/api/v1/courses')
      .auth(admin, { type: 'bearer' })
      .send({ ...course, code: 'BAD-1', ...change })
      .expect(400);
    expect(res.body.message).toMatch(new RegExp(`^${field}:`));
    await expect(count('courses', `code = 'BAD-1'`)).resolves.toBe(0);
  });

  it('filters by language and q, in code order', async () => {
    await makeCourse(t.db, { code: 'EN-201', title: 'Prompt design for teachers', language: 'en' });
    await makeCourse(t.db, { code: 'EN-200', title: 'AI ethics', title_mn: 'Ёс зүй', language: 'en' });
    const english = await t.http
      .get('/api/v1/courses?language=en')
      .auth(viewer, { type: 'bearer' })
      .expect(200);
    expect(english.body.items.map((c: { code: string }) => c.code)).toEqual(['EN-200', 'EN-201']);
    const searched = await t.http
      .get('/api/v1/courses?q=PROMPT')
      .auth(viewer, { type: 'bearer' })
      .expect(200);
    expect(searched.body.items.map((c: { code: string }) => c.code)).toEqual(['EN-201']);
    const inMongolian = await t.http
      .get(`/api/v1/courses?q=${encodeURIComponent('ёс')}`)
      .auth(viewer, { type: 'bearer' });
    expect(inMongolian.body.items.map((c: { code: string }) => c.code)).toEqual(['EN-200']);
    const both = await t.http.get('/api/v1/courses?language=en&q=ethics').auth(viewer, { type: 'bearer' });
    expect(both.body.total).toBe(1);
  });

  it('treats % and _ in q literally', async () => {
    const res = await t.http.get('/api/v1/courses?q=%25').auth(viewer, { type: 'bearer' }).expect(200);
    expect(res.body.total).toBe(0);
  });
});
