import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import {
  makeCohort,
  makeCompletion,
  makeCourse,
  makeEnrolment,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  MICRO_CREDENTIAL,
  makeRound,
  regionId,
} from './support/factories';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
describe('programmes, master teachers, rounds and cohorts', () => {
  let t: TestApp;
  let staff: string;
  let viewer: string;
  let region: string;

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    staff = await t.tokenFor('coordinator');
    viewer = await t.tokenFor('viewer');
    region = await regionId(t.db);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (url: string) => t.http.get(`/api/v1${url}`).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) =>
      t.http.post(`/api/v1${url}`).set('Authorization', `Bearer ${token}`).send(body),
    patch: (url: string, body: object) =>
      t.http.patch(`/api/v1${url}`).set('Authorization', `Bearer ${token}`).send(body),
    delete: (url: string) => t.http.delete(`/api/v1${url}`).set('Authorization', `Bearer ${token}`),
  });
  const cohortBody = (
    roundId: string,
    leadTrainerId: string,
    courseIds: string[],
    name = `C-${Math.random()}`,
  ) => ({
    roundId,
    name,
    regionId: region,
    leadTrainerId,
    courseIds,
    deliveryMode: 'hybrid',
    capacity: 30,
    startsOn: '2024-03-01',
    endsOn: '2024-06-30',
  });

  it('creates, reads, lists and changes a programme', async () => {
    const courses = [await makeCourse(t.db), await makeCourse(t.db)];
    const created = await as(staff)
      .post('/programmes', {
        name: 'AI in Teaching 2025',
        startsOn: '2025-01-01',
        endsOn: '2025-12-31',
        coreCourseIds: courses,
        passMark: 60,
        credential: MICRO_CREDENTIAL,
      })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'AI in Teaching 2025',
      passMark: 60,
      status: 'draft',
      coreCourseIds: courses,
    });
    await as(viewer).get(`/programmes/${created.body.id}`).expect(200);
    const changed = await as(staff)
      .patch(`/programmes/${created.body.id}`, { passMark: 70, status: 'active' })
      .expect(200);
    expect(changed.body).toMatchObject({ passMark: 70, status: 'active', name: 'AI in Teaching 2025' });
    const list = await as(viewer).get('/programmes?status=active').expect(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(created.body.id);
  });

  it('refuses a programme with an unknown core course, reversed dates or an unknown field with 400 naming the field', async () => {
    const base = {
      name: 'X',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      passMark: 60,
      credential: { title: 't', level: 'l', issuer: 'i' },
    };
    const unknownCourse = await as(staff)
      .post('/programmes', { ...base, coreCourseIds: ['7d1e7c1a-1111-4111-8111-111111111111'] })
      .expect(400);
    expect(unknownCourse.body.message).toMatch(/^coreCourseIds: /);
    const reversed = await as(staff)
      .post('/programmes', { ...base, coreCourseIds: [], endsOn: '2024-01-01' })
      .expect(400);
    expect(reversed.body.message).toMatch(/^endsOn: /);
    const extra = await as(staff)
      .post('/programmes', { ...base, coreCourseIds: [], colour: 'red' })
      .expect(400);
    expect(extra.body.message).toMatch(/colour/);
  });

  it('lets a viewer read but not write', async () => {
    const { programmeId } = await makeProgramme(t.db);
    await as(viewer).get(`/programmes/${programmeId}/rounds`).expect(200);
    await as(viewer).post('/programmes', { name: 'x' }).expect(403);
    await as(viewer).patch(`/programmes/${programmeId}`, { passMark: 10 }).expect(403);
    await as(viewer).post(`/programmes/${programmeId}/rounds`, { number: 1 }).expect(403);
    await as(viewer).post(`/programmes/${programmeId}/master-teachers`, {}).expect(403);
    await as(viewer).post('/cohorts', {}).expect(403);
    await as(viewer).post(`/programmes/${programmeId}/certifications`, {}).expect(403);
  });

  it('adds, lists and removes master teachers; a second add is a 409 and one who leads a cohort stays', async () => {
    const { programmeId, coreCourseIds } = await makeProgramme(t.db);
    const personId = await makePerson(t.db);
    const added = await as(staff)
      .post(`/programmes/${programmeId}/master-teachers`, {
        personId,
        trainedOn: '2024-01-10',
        regionIds: [region],
      })
      .expect(201);
    expect(added.body).toMatchObject({ programmeId, personId, trainedOn: '2024-01-10', regionIds: [region] });
    await as(staff)
      .post(`/programmes/${programmeId}/master-teachers`, {
        personId,
        trainedOn: '2024-01-10',
        regionIds: [],
      })
      .expect(409);
    const list = await as(viewer).get(`/programmes/${programmeId}/master-teachers`).expect(200);
    expect(list.body.total).toBe(1);

    const roundId = await makeRound(t.db, programmeId, 1);
    await makeCohort(t.db, { programmeId, roundId, leadTrainerId: personId, courseIds: coreCourseIds });
    const kept = await as(staff).delete(`/programmes/${programmeId}/master-teachers/${personId}`).expect(409);
    expect(kept.body.message).toMatch(/^personId: the master teacher still leads 1 cohort/);

    const other = await makeMasterTeacher(t.db, programmeId);
    await as(staff).delete(`/programmes/${programmeId}/master-teachers/${other}`).expect(204);
    await as(staff).delete(`/programmes/${programmeId}/master-teachers/${other}`).expect(404);
  });

  it('plans rounds inside the programme dates; a duplicate number is a 409', async () => {
    const { programmeId } = await makeProgramme(t.db, { starts_on: '2024-01-01', ends_on: '2024-12-31' });
    const body = {
      number: 1,
      name: 'Round 1',
      startsOn: '2024-02-01',
      endsOn: '2024-06-30',
      targetParticipants: 300,
      regionIds: [region],
    };
    const round = await as(staff).post(`/programmes/${programmeId}/rounds`, body).expect(201);
    expect(round.body).toMatchObject({ programmeId, number: 1, targetParticipants: 300 });
    await as(staff).post(`/programmes/${programmeId}/rounds`, body).expect(409);
    const outside = await as(staff)
      .post(`/programmes/${programmeId}/rounds`, { ...body, number: 2, endsOn: '2025-03-01' })
      .expect(400);
    expect(outside.body.message).toMatch(/^endsOn: 2025-03-01 is outside programme/);
    const renamed = await as(staff)
      .patch(`/programmes/${programmeId}/rounds/${round.body.id}`, { name: 'Round one' })
      .expect(200);
    expect(renamed.body.name).toBe('Round one');
    const list = await as(viewer).get(`/programmes/${programmeId}/rounds`).expect(200);
    expect(list.body.items.map((r: { number: number }) => r.number)).toEqual([1]);
  });

  describe('the lead-trainer rule', () => {
    let programmeId: string;
    let coreCourseIds: string[];
    let master: string;
    let round1: string;
    let round2: string;
    let graduate: string;

    beforeAll(async () => {
      ({ programmeId, coreCourseIds } = await makeProgramme(t.db));
      master = await makeMasterTeacher(t.db, programmeId);
      round1 = await makeRound(t.db, programmeId, 1);
      round2 = await makeRound(t.db, programmeId, 2);
      const cohort = await makeCohort(t.db, {
        programmeId,
        roundId: round1,
        leadTrainerId: master,
        courseIds: coreCourseIds,
      });
      graduate = await makePerson(t.db);
      const enrolment = await makeEnrolment(t.db, cohort, graduate);
      for (const course of coreCourseIds) await makeCompletion(t.db, enrolment, course);
    });

    it('accepts a master teacher as lead trainer and copies the programme from the round', async () => {
      const res = await as(staff)
        .post('/cohorts', cohortBody(round1, master, coreCourseIds))
        .expect(201);
      expect(res.body).toMatchObject({ programmeId, roundId: round1, leadTrainerId: master, enrolled: 0 });
    });

    it('accepts a graduate of round 1 for round 2 but not for round 1', async () => {
      await as(staff)
        .post('/cohorts', cohortBody(round2, graduate, coreCourseIds))
        .expect(201);
      const res = await as(staff)
        .post('/cohorts', cohortBody(round1, graduate, coreCourseIds))
        .expect(400);
      expect(res.body.message).toMatch(
        /^leadTrainerId: .* may not lead a cohort of round 1: a lead trainer is a master teacher/,
      );
    });

    it('refuses a stranger as lead trainer with 400 naming leadTrainerId', async () => {
      const res = await as(staff)
        .post('/cohorts', cohortBody(round2, await makePerson(t.db), coreCourseIds))
        .expect(400);
      expect(res.body.message).toMatch(/^leadTrainerId: /);
    });

    it('refuses unknown courses and dates outside the round with 400 naming the field', async () => {
      const courses = await as(staff)
        .post('/cohorts', cohortBody(round1, master, ['7d1e7c1a-1111-4111-8111-111111111111']))
        .expect(400);
      expect(courses.body.message).toMatch(/^courseIds: /);
      const late = await as(staff)
        .post('/cohorts', { ...cohortBody(round1, master, coreCourseIds), endsOn: '2027-01-01' })
        .expect(400);
      expect(late.body.message).toMatch(/^endsOn: /);
    });

    it('refuses to shrink a cohort below the places taken with 409', async () => {
      const cohort = (
        await as(staff)
          .post('/cohorts', cohortBody(round1, master, coreCourseIds))
          .expect(201)
      ).body;
      await as(staff)
        .post(`/cohorts/${cohort.id}/enrolments`, { personId: await makePerson(t.db) })
        .expect(201);
      await as(staff)
        .post(`/cohorts/${cohort.id}/enrolments`, { personId: await makePerson(t.db) })
        .expect(201);
      const res = await as(staff).patch(`/cohorts/${cohort.id}`, { capacity: 1 }).expect(409);
      expect(res.body.message).toMatch(/^capacity: /);
      await as(staff).patch(`/cohorts/${cohort.id}`, { capacity: 2 }).expect(200);
    });

    it('filters cohorts by round, lead trainer and programme', async () => {
      const res = await as(viewer)
        .get(`/cohorts?roundId=${round2}&leadTrainerId=${graduate}&programmeId=${programmeId}`)
        .expect(200);
      expect(res.body.total).toBe(1);
      expect(res.body.items[0]).toMatchObject({ roundId: round2, leadTrainerId: graduate });
    });
  });

  describe('a master teacher', () => {
    let programmeId: string;
    let coreCourseIds: string[];
    let mine: string;
    let theirs: string;
    let token: string;
    let theirEnrolment: string;

    beforeAll(async () => {
      ({ programmeId, coreCourseIds } = await makeProgramme(t.db));
      const me = await makeMasterTeacher(t.db, programmeId);
      const other = await makeMasterTeacher(t.db, programmeId);
      const roundId = await makeRound(t.db, programmeId, 1);
      // Running now: a master teacher enrols only into a cohort that has not ended.
      mine = await makeCohort(t.db, {
        programmeId,
        roundId,
        leadTrainerId: me,
        courseIds: coreCourseIds,
        starts_on: day(-30),
        ends_on: day(60),
      });
      theirs = await makeCohort(t.db, {
        programmeId,
        roundId,
        leadTrainerId: other,
        courseIds: coreCourseIds,
      });
      theirEnrolment = await makeEnrolment(t.db, theirs, await makePerson(t.db));
      token = await t.tokenFor('master_teacher', me);
    });

    it('sees only the cohorts they lead', async () => {
      const res = await as(token).get(`/cohorts?programmeId=${programmeId}`).expect(200);
      expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([mine]);
      await as(token).get(`/cohorts/${mine}`).expect(200);
    });

    it('is refused another trainer’s cohort, its enrolments and its completions with 403', async () => {
      await as(token).get(`/cohorts/${theirs}`).expect(403);
      await as(token).get(`/cohorts/${theirs}/enrolments`).expect(403);
      await as(token)
        .post(`/cohorts/${theirs}/enrolments`, { personId: await makePerson(t.db) })
        .expect(403);
      await as(token).get(`/enrolments/${theirEnrolment}/completions`).expect(403);
      await as(token)
        .post(`/enrolments/${theirEnrolment}/completions`, {
          courseId: coreCourseIds[0],
          completedOn: '2024-05-01',
          score: 70,
        })
        .expect(403);
      await as(token).patch(`/enrolments/${theirEnrolment}`, { status: 'withdrawn' }).expect(403);
    });

    it('enrols participants and records and corrects completions in their own cohort', async () => {
      const enrolment = (
        await as(token)
          .post(`/cohorts/${mine}/enrolments`, { personId: await makePerson(t.db) })
          .expect(201)
      ).body;
      const completion = (
        await as(token)
          .post(`/enrolments/${enrolment.id}/completions`, {
            courseId: coreCourseIds[0],
            completedOn: day(0),
            score: 70,
          })
          .expect(201)
      ).body;
      await as(token)
        .patch(`/enrolments/${enrolment.id}/completions/${completion.id}`, { score: 72 })
        .expect(200);
    });

    it('may not create programmes, rounds or cohorts', async () => {
      await as(token).post('/programmes', {}).expect(403);
      await as(token).post(`/programmes/${programmeId}/rounds`, {}).expect(403);
      await as(token).post('/cohorts', {}).expect(403);
    });
  });
});
