import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeCourse, makeInstitution, regionId } from './support/factories';

/** Coordinators design programmes (courses, institutions); regions and users stay the admin's. */
describe('who may design a programme', () => {
  let t: TestApp;
  let coordinator: string;
  let master: string;
  let viewer: string;

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    coordinator = await t.tokenFor('coordinator');
    master = await t.tokenFor('master_teacher');
    viewer = await t.tokenFor('viewer');
  });
  afterAll(() => t.close());

  const course = (code: string) => ({
    code,
    title: 'Assessment with AI',
    titleMn: 'Хиймэл оюунаар үнэлэх',
    workloadHours: 20,
    learningOutcomes: ['Designs an AI-aware assessment'],
    language: 'mn',
    deliveryModes: ['online'],
  });

  it('lets a coordinator create and edit a course', async () => {
    const created = await t.http
      .post('/api/v1/courses')
      .auth(coordinator, { type: 'bearer' })
      .send(course('AI-301'))
      .expect(201);
    const edited = await t.http
      .patch(`/api/v1/courses/${created.body.id}`)
      .auth(coordinator, { type: 'bearer' })
      .send({ workloadHours: 24 })
      .expect(200);
    expect(edited.body).toMatchObject({ code: 'AI-301', workloadHours: 24 });
  });

  it('lets a coordinator create and edit an institution', async () => {
    const created = await t.http
      .post('/api/v1/institutions')
      .auth(coordinator, { type: 'bearer' })
      .send({
        name: 'Darkhan Teachers College',
        nameMn: 'Дархан багшийн коллеж',
        regionId: await regionId(t.db),
        kind: 'college',
      })
      .expect(201);
    const edited = await t.http
      .patch(`/api/v1/institutions/${created.body.id}`)
      .auth(coordinator, { type: 'bearer' })
      .send({ kind: 'institute' })
      .expect(200);
    expect(edited.body).toMatchObject({ name: 'Darkhan Teachers College', kind: 'institute' });
  });

  it('refuses course and institution writes to master teachers and viewers with 403', async () => {
    const courseId = await makeCourse(t.db);
    const institutionId = await makeInstitution(t.db);
    for (const token of [master, viewer]) {
      await t.http.post('/api/v1/courses').auth(token, { type: 'bearer' }).send(course('AI-302')).expect(403);
      await t.http
        .patch(`/api/v1/courses/${courseId}`)
        .auth(token, { type: 'bearer' })
        .send({ workloadHours: 1 })
        .expect(403);
      await t.http
        .patch(`/api/v1/institutions/${institutionId}`)
        .auth(token, { type: 'bearer' })
        .send({ kind: 'other' })
        .expect(403);
    }
  });

  it('keeps regions and users the administrator’s: a coordinator gets 403', async () => {
    await t.http
      .post('/api/v1/regions')
      .auth(coordinator, { type: 'bearer' })
      .send({ code: 'MN-099', name: 'Nowhere', nameMn: 'Хаана ч үгүй' })
      .expect(403);
    await t.http
      .post('/api/v1/users')
      .auth(coordinator, { type: 'bearer' })
      .send({ email: 'new.user@example.mn', password: 'a long passphrase', role: 'viewer' })
      .expect(403);
    await t.http.get('/api/v1/users').auth(coordinator, { type: 'bearer' }).expect(403);
  });

  it('stores the programme credential’s Mongolian title and answers it back', async () => {
    const coreCourseIds = [await makeCourse(t.db)];
    const credential = {
      title: 'AI-Ready Educator',
      titleMn: 'Хиймэл оюуныг заахад ашиглагч багш',
      level: 'micro-credential',
      issuer: 'National Centre',
    };
    const created = await t.http
      .post('/api/v1/programmes')
      .auth(coordinator, { type: 'bearer' })
      .send({
        name: 'AI 2026',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        coreCourseIds,
        passMark: 60,
        credential,
      })
      .expect(201);
    expect(created.body.credential).toEqual(credential);
    const fetched = await t.http
      .get(`/api/v1/programmes/${created.body.id}`)
      .auth(viewer, { type: 'bearer' })
      .expect(200);
    expect(fetched.body.credential.titleMn).toBe(credential.titleMn);
  });

  it('refuses an empty Mongolian credential title with 400 naming the field', async () => {
    const res = await t.http
      .post('/api/v1/programmes')
      .auth(coordinator, { type: 'bearer' })
      .send({
        name: 'AI 2027',
        startsOn: '2027-01-01',
        endsOn: '2027-12-31',
        coreCourseIds: [await makeCourse(t.db)],
        passMark: 60,
        credential: { title: 'T', titleMn: '', level: 'l', issuer: 'i' },
      })
      .expect(400);
    expect(JSON.stringify(res.body)).toContain('titleMn');
  });
});
