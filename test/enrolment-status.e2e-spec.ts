import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import {
  makeCohort,
  makeCourse,
  makeEnrolment,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  makeRound,
} from './support/factories';

/** enrolled → active with the first completion → completed with every course of the cohort, and back. */
describe('enrolment status follows the records', () => {
  let t: TestApp;
  let staff: string;
  let courseIds: string[];
  let cohortId: string;

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    staff = await t.tokenFor('coordinator');
    const { programmeId, coreCourseIds } = await makeProgramme(t.db);
    courseIds = coreCourseIds.slice(0, 2);
    const roundId = await makeRound(t.db, programmeId);
    const leadTrainerId = await makeMasterTeacher(t.db, programmeId);
    cohortId = await makeCohort(t.db, { programmeId, roundId, leadTrainerId, courseIds });
  });
  afterAll(() => t.close());

  const status = async (enrolmentId: string) =>
    (
      await t.http
        .get(`/api/v1/cohorts/${cohortId}/enrolments?limit=500`)
        .auth(staff, { type: 'bearer' })
        .expect(200)
    ).body.items.find((e: { id: string }) => e.id === enrolmentId).status as string;
  const complete = (enrolmentId: string, courseId: string) =>
    t.http
      .post(`/api/v1/enrolments/${enrolmentId}/completions`)
      .auth(staff, { type: 'bearer' })
      .send({ courseId, completedOn: '2024-05-01', score: 80 });

  it('turns active with the first completion and completed with the last course of the cohort', async () => {
    const enrolmentId = await makeEnrolment(t.db, cohortId, await makePerson(t.db));
    expect(await status(enrolmentId)).toBe('enrolled');
    const first = await complete(enrolmentId, courseIds[0]).expect(201);
    expect(first.body.enrolmentStatus).toBe('active');
    expect(await status(enrolmentId)).toBe('active');
    const last = await complete(enrolmentId, courseIds[1]).expect(201);
    expect(last.body.enrolmentStatus).toBe('completed');
    expect(await status(enrolmentId)).toBe('completed');
  });

  it('steps back when a completion is removed: completed → active → enrolled', async () => {
    const enrolmentId = await makeEnrolment(t.db, cohortId, await makePerson(t.db));
    const a = (await complete(enrolmentId, courseIds[0]).expect(201)).body.id;
    const b = (await complete(enrolmentId, courseIds[1]).expect(201)).body.id;
    await t.http
      .delete(`/api/v1/enrolments/${enrolmentId}/completions/${b}`)
      .auth(staff, { type: 'bearer' })
      .expect(204);
    expect(await status(enrolmentId)).toBe('active');
    await t.http
      .delete(`/api/v1/enrolments/${enrolmentId}/completions/${a}`)
      .auth(staff, { type: 'bearer' })
      .expect(204);
    expect(await status(enrolmentId)).toBe('enrolled');
    await t.http
      .delete(`/api/v1/enrolments/${enrolmentId}/completions/${a}`)
      .auth(staff, { type: 'bearer' })
      .expect(404);
  });

  it('keeps withdrawn a person’s decision, and derives the status again when they come back', async () => {
    const enrolmentId = await makeEnrolment(t.db, cohortId, await makePerson(t.db));
    await complete(enrolmentId, courseIds[0]).expect(201);
    await complete(enrolmentId, courseIds[1]).expect(201);
    const withdrawn = await t.http
      .patch(`/api/v1/enrolments/${enrolmentId}`)
      .auth(staff, { type: 'bearer' })
      .send({ status: 'withdrawn' })
      .expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const back = await t.http
      .patch(`/api/v1/enrolments/${enrolmentId}`)
      .auth(staff, { type: 'bearer' })
      .send({ status: 'enrolled' })
      .expect(200);
    expect(back.body).toMatchObject({ status: 'completed', withdrawnOn: null });
  });

  it('does not let a client set active or completed by hand: the records decide', async () => {
    const enrolmentId = await makeEnrolment(t.db, cohortId, await makePerson(t.db));
    const res = await t.http
      .patch(`/api/v1/enrolments/${enrolmentId}`)
      .auth(staff, { type: 'bearer' })
      .send({ status: 'completed' })
      .expect(200);
    expect(res.body.status).toBe('enrolled');
  });

  it('moves a completed enrolment back to active when the cohort gains a course', async () => {
    const enrolmentId = await makeEnrolment(t.db, cohortId, await makePerson(t.db));
    await complete(enrolmentId, courseIds[0]).expect(201);
    await complete(enrolmentId, courseIds[1]).expect(201);
    const extra = await makeCourse(t.db);
    await t.http
      .patch(`/api/v1/cohorts/${cohortId}`)
      .auth(staff, { type: 'bearer' })
      .send({ courseIds: [...courseIds, extra] })
      .expect(200);
    expect(await status(enrolmentId)).toBe('active');
    await t.http
      .patch(`/api/v1/cohorts/${cohortId}`)
      .auth(staff, { type: 'bearer' })
      .send({ courseIds })
      .expect(200);
    expect(await status(enrolmentId)).toBe('completed');
  });
});
