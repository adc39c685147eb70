import { CohortsService, EnrolmentsService } from '@cascade/cascade';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import {
  makeCohort,
  makeEnrolment,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  makeRound,
} from './support/factories';

/** The enrolment rules a roster import calls (EnrolmentsService.admit / enrolMany), set-based. */
describe('enrolling many people at once', () => {
  let t: TestApp;
  let programmeId: string;
  let roundId: string;
  let courseIds: string[];
  let master: string;

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    ({ programmeId, coreCourseIds: courseIds } = await makeProgramme(t.db));
    master = await makeMasterTeacher(t.db, programmeId);
    roundId = await makeRound(t.db, programmeId, 1);
  });
  afterAll(() => t.close());

  const cohort = (name: string, capacity: number) =>
    makeCohort(t.db, { programmeId, roundId, leadTrainerId: master, courseIds, name, capacity });
  const people = (n: number) => Promise.all(Array.from({ length: n }, () => makePerson(t.db)));
  const enrolMany = (cohortId: string, personIds: string[]) =>
    t.db.transaction(async (tx) => {
      const locked = await t.app.get(CohortsService).lock(tx, cohortId);
      return t.app.get(EnrolmentsService).enrolMany(
        tx,
        locked,
        personIds.map((personId, i) => ({ index: i + 2, personId })),
      );
    });
  const enrolled = async (cohortId: string) =>
    (
      await t.db.query(`SELECT person_id FROM enrolments WHERE cohort_id = $1 AND status <> 'withdrawn'`, [
        cohortId,
      ])
    ).map((r: { person_id: string }) => r.person_id);

  it('gives the free places in index order and refuses the rest naming the capacity', async () => {
    const cohortId = await cohort('Darkhan-2', 4);
    const [held, ...newcomers] = await people(5);
    await makeEnrolment(t.db, cohortId, held);
    await makeEnrolment(t.db, cohortId, await makePerson(t.db), 'withdrawn');

    const outcome = await enrolMany(cohortId, newcomers);

    expect(outcome).toEqual({
      enrolled: 3,
      refusals: [
        { index: 5, field: 'capacity', message: "cohort 'Darkhan-2' is full (4/4)", code: 'COHORT_FULL' },
      ],
    });
    expect((await enrolled(cohortId)).sort()).toEqual([held, ...newcomers.slice(0, 3)].sort());
  });

  it('refuses the cohort’s own lead trainer and lets nobody else take a place for them', async () => {
    const cohortId = await cohort('Darkhan-3', 1);
    const [other] = await people(1);

    const outcome = await enrolMany(cohortId, [master, other]);

    expect(outcome.refusals).toEqual([
      {
        index: 2,
        field: 'personId',
        message: "the lead trainer of cohort 'Darkhan-3' cannot enrol in it",
        code: 'VALIDATION_FAILED',
      },
    ]);
    expect(await enrolled(cohortId)).toEqual([other]);
  });

  it('keeps the enrolment a person holds, withdrawn or not, without taking a new place', async () => {
    const cohortId = await cohort('Erdenet-1', 2);
    const [active, withdrawn, newcomer] = await people(3);
    await makeEnrolment(t.db, cohortId, active);
    await makeEnrolment(t.db, cohortId, withdrawn, 'withdrawn');

    const outcome = await enrolMany(cohortId, [active, withdrawn, newcomer, newcomer]);

    expect(outcome).toEqual({ enrolled: 1, refusals: [] });
    const [{ status }] = await t.db.query(
      `SELECT status FROM enrolments WHERE cohort_id = $1 AND person_id = $2`,
      [cohortId, withdrawn],
    );
    expect(status).toBe('withdrawn');
    expect((await enrolled(cohortId)).sort()).toEqual([active, newcomer].sort());
  });

  it('changes nothing when run again', async () => {
    const cohortId = await cohort('Erdenet-2', 2);
    const batch = await people(3);
    const first = await enrolMany(cohortId, batch);
    const second = await enrolMany(cohortId, batch);
    expect(first.enrolled).toBe(2);
    expect(second).toEqual({ enrolled: 0, refusals: first.refusals });
  });

  it('answers a single enrolment by the same rules: the refusal the API sends', async () => {
    const cohortId = await cohort('Khovd-1', 1);
    await makeEnrolment(t.db, cohortId, await makePerson(t.db));
    const token = await t.tokenFor('coordinator');
    const res = await t.http
      .post(`/api/v1/cohorts/${cohortId}/enrolments`)
      .set('Authorization', `Bearer ${token}`)
      .send({ personId: await makePerson(t.db), enrolledOn: '2024-03-01' })
      .expect(409);
    expect(res.body).toMatchObject({
      code: 'COHORT_FULL',
      message: "capacity: cohort 'Khovd-1' is full (1/1)",
    });
  });
});
