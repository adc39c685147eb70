import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import {
  makeCohort,
  makeEnrolment,
  makeInstitution,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  makeRound,
  uuid,
} from './support/factories';

describe('error codes: a client decides on `code`, never on the message', () => {
  let t: TestApp;
  let staff: string;
  let programmeId: string;
  let coreCourseIds: string[];
  let roundId: string;
  let master: string;

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    staff = await t.tokenFor('coordinator');
    ({ programmeId, coreCourseIds } = await makeProgramme(t.db));
    master = await makeMasterTeacher(t.db, programmeId);
    roundId = await makeRound(t.db, programmeId, 1);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const cohort = (fields: Record<string, unknown> = {}) =>
    makeCohort(t.db, { programmeId, roundId, leadTrainerId: master, courseIds: coreCourseIds, ...fields });
  const enrol = (cohortId: string, personId: string) =>
    t.http.post(`/api/v1/cohorts/${cohortId}/enrolments`).set(as(staff)).send({ personId });

  it('answers COHORT_FULL for an enrolment into a full cohort and ALREADY_ENROLLED for a second one', async () => {
    const cohortId = await cohort({ capacity: 2 });
    const first = await makePerson(t.db);
    await enrol(cohortId, first).expect(201);
    const again = await enrol(cohortId, first).expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'ALREADY_ENROLLED', error: 'Conflict' });
    await enrol(cohortId, await makePerson(t.db)).expect(201);
    const full = await enrol(cohortId, await makePerson(t.db)).expect(409);
    expect(full.body).toMatchObject({ code: 'COHORT_FULL', message: expect.stringMatching(/^capacity: /) });
  });

  it('answers LEAD_TRAINER_NOT_ELIGIBLE for a lead trainer who is neither a master teacher nor a graduate', async () => {
    const res = await t.http
      .post('/api/v1/cohorts')
      .set(as(staff))
      .send({
        roundId,
        name: 'Erdenet-1',
        regionId: (await t.db.query(`SELECT id FROM regions LIMIT 1`))[0].id,
        leadTrainerId: await makePerson(t.db),
        courseIds: coreCourseIds,
        deliveryMode: 'online',
        capacity: 20,
        startsOn: '2024-03-01',
        endsOn: '2024-05-01',
      })
      .expect(400);
    expect(res.body).toMatchObject({
      code: 'LEAD_TRAINER_NOT_ELIGIBLE',
      message: expect.stringMatching(/^leadTrainerId: /),
    });
  });

  it('answers DUPLICATE_EMAIL for a second person with the same email in another letter case', async () => {
    const institutionId = await makeInstitution(t.db);
    const person = { fullName: 'Болд Бат', institutionId, discipline: 'Mathematics' };
    await t.http
      .post('/api/v1/people')
      .set(as(staff))
      .send({ ...person, email: 'bold@school.mn' })
      .expect(201);
    const res = await t.http
      .post('/api/v1/people')
      .set(as(staff))
      .send({ ...person, email: 'Bold@School.MN' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DUPLICATE_EMAIL');
  });

  it('answers UNAUTHENTICATED, FORBIDDEN and NOT_FOUND with their codes', async () => {
    const none = await t.http.get('/api/v1/cohorts').expect(401);
    expect(none.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    const viewer = await t.tokenFor('viewer');
    const refused = await t.http.post('/api/v1/cohorts').set(as(viewer)).send({}).expect(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN' });
    const missing = await t.http.get(`/api/v1/cohorts/${uuid()}`).set(as(staff)).expect(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND' });
    const unknownRoute = await t.http.get('/api/v1/no-such-thing').set(as(staff)).expect(404);
    expect(unknownRoute.body).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names only the constraint a field failed: "90" as a score is "must be a number", not also a range', async () => {
    const enrolmentId = await makeEnrolment(t.db, await cohort(), await makePerson(t.db));
    const res = await t.http
      .post(`/api/v1/enrolments/${enrolmentId}/completions`)
      .set(as(staff))
      .send({ courseId: coreCourseIds[0], completedOn: '2024-05-01', score: '90' })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.body.details).toEqual([
      { field: 'score', problems: ['score must be a number with at most 2 decimal places'] },
    ]);
    const tooHigh = await t.http
      .post(`/api/v1/enrolments/${enrolmentId}/completions`)
      .set(as(staff))
      .send({ courseId: coreCourseIds[0], completedOn: '2024-05-01', score: 101 })
      .expect(400);
    expect(tooHigh.body.details).toEqual([
      { field: 'score', problems: ['score must not be greater than 100'] },
    ]);
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE for a body that is not JSON', async () => {
    const cohortId = await cohort();
    for (const [type, body] of [
      ['text/plain', `{"personId":"${uuid()}"}`],
      ['application/x-www-form-urlencoded', `personId=${uuid()}`],
    ]) {
      const res = await t.http
        .post(`/api/v1/cohorts/${cohortId}/enrolments`)
        .set(as(staff))
        .set('Content-Type', type)
        .send(body)
        .expect(415);
      expect(res.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
  });
});
