import { createTestApp, TestApp } from './support/app';
import { resetDatabase, withDb } from './support/database';
import {
  makeCohort,
  makeCourse,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  makeRound,
} from './support/factories';

describe('enrolments and completions', () => {
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
    ({ programmeId, coreCourseIds } = await makeProgramme(t.db, {
      starts_on: '2024-01-01',
      ends_on: '2026-12-31',
    }));
    master = await makeMasterTeacher(t.db, programmeId);
    roundId = await makeRound(t.db, programmeId, 1);
  });
  afterAll(() => t.close());

  const cohort = (fields: Record<string, unknown> = {}) =>
    makeCohort(t.db, { programmeId, roundId, leadTrainerId: master, courseIds: coreCourseIds, ...fields });
  /** Staff record these 2024 cohorts after the fact, so they date the enrolment when the cohort ran. */
  const enrol = (cohortId: string, personId: string, token = staff) =>
    t.http
      .post(`/api/v1/cohorts/${cohortId}/enrolments`)
      .set('Authorization', `Bearer ${token}`)
      .send({ personId, enrolledOn: '2024-03-01' });
  const complete = (enrolmentId: string, body: Record<string, unknown>, token = staff) =>
    t.http
      .post(`/api/v1/enrolments/${enrolmentId}/completions`)
      .set('Authorization', `Bearer ${token}`)
      .send(body);

  it('enrols a person and answers 201 with the enrolment', async () => {
    const cohortId = await cohort();
    const personId = await makePerson(t.db);
    const res = await enrol(cohortId, personId).expect(201);
    expect(res.body).toMatchObject({
      cohortId,
      personId,
      programmeId,
      status: 'enrolled',
      withdrawnOn: null,
    });
  });

  it('accepts exactly 5 of 20 concurrent enrolments into a cohort with 5 free places and refuses 15 with 409', async () => {
    const cohortId = await cohort({ capacity: 30, name: 'Darkhan-2' });
    for (let i = 0; i < 25; i++) await enrol(cohortId, await makePerson(t.db)).expect(201);
    const people = await Promise.all(Array.from({ length: 20 }, () => makePerson(t.db)));

    const results = await Promise.all(people.map((personId) => enrol(cohortId, personId)));

    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    expect(results.find((r) => r.status === 409)?.body.message).toBe(
      "capacity: cohort 'Darkhan-2' is full (30/30)",
    );
    const [{ taken }] = await t.db.query(
      `SELECT count(*)::int AS taken FROM enrolments WHERE cohort_id = $1`,
      [cohortId],
    );
    expect(taken).toBe(30);
  });

  it('refuses a second enrolment of the same person in a cohort with 409', async () => {
    const cohortId = await cohort();
    const personId = await makePerson(t.db);
    await enrol(cohortId, personId).expect(201);
    const res = await enrol(cohortId, personId).expect(409);
    expect(res.body.message).toMatch(/^personId: /);
  });

  it('enrols one person in two cohorts of the programme', async () => {
    const personId = await makePerson(t.db);
    await enrol(await cohort(), personId).expect(201);
    await enrol(await cohort(), personId).expect(201);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM enrolments WHERE person_id = $1`, [
      personId,
    ]);
    expect(n).toBe(2);
  });

  it('refuses an unknown person with 400 naming personId and an unknown cohort with 404', async () => {
    const res = await enrol(await cohort(), '7d1e7c1a-1111-4111-8111-111111111111').expect(400);
    expect(res.body.message).toMatch(/^personId: /);
    await enrol('7d1e7c1a-1111-4111-8111-111111111111', await makePerson(t.db)).expect(404);
  });

  it('frees the place of a withdrawn enrolment, stamps withdrawnOn and refuses its new completions', async () => {
    const cohortId = await cohort({ capacity: 1 });
    const first = (await enrol(cohortId, await makePerson(t.db)).expect(201)).body;
    await enrol(cohortId, await makePerson(t.db)).expect(409);

    const withdrawn = await t.http
      .patch(`/api/v1/enrolments/${first.id}`)
      .set('Authorization', `Bearer ${staff}`)
      .send({ status: 'withdrawn' })
      .expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(withdrawn.body.withdrawnOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await enrol(cohortId, await makePerson(t.db)).expect(201);
    const refused = await complete(first.id, {
      courseId: coreCourseIds[0],
      completedOn: '2024-05-01',
      score: 80,
    }).expect(409);
    expect(refused.body.message).toMatch(/^status: /);
    // Coming back needs a free place again.
    await t.http
      .patch(`/api/v1/enrolments/${first.id}`)
      .set('Authorization', `Bearer ${staff}`)
      .send({ status: 'active' })
      .expect(409);
  });

  it('records a completion of a course of the cohort and refuses a second one for the same course with 409', async () => {
    const enrolment = (await enrol(await cohort(), await makePerson(t.db)).expect(201)).body;
    const res = await complete(enrolment.id, {
      courseId: coreCourseIds[0],
      completedOn: '2024-05-01',
      score: 75.5,
    }).expect(201);
    expect(res.body).toMatchObject({
      enrolmentId: enrolment.id,
      courseId: coreCourseIds[0],
      completedOn: '2024-05-01',
      score: 75.5,
    });
    const again = await complete(enrolment.id, {
      courseId: coreCourseIds[0],
      completedOn: '2024-05-02',
      score: 80,
    }).expect(409);
    expect(again.body.message).toMatch(/^courseId: /);
  });

  it('refuses a completion of a course the cohort does not teach with 400 naming courseId', async () => {
    const enrolment = (
      await enrol(await cohort({ course_ids: [coreCourseIds[0]] }), await makePerson(t.db)).expect(201)
    ).body;
    const other = await makeCourse(t.db);
    const res = await complete(enrolment.id, { courseId: other, completedOn: '2024-05-01' }).expect(400);
    expect(res.body.message).toMatch(/^courseId: .* is not a course of cohort/);
  });

  it('refuses a completion outside the programme dates and a score above 100 with 400 naming the field', async () => {
    const enrolment = (await enrol(await cohort(), await makePerson(t.db)).expect(201)).body;
    const late = await complete(enrolment.id, {
      courseId: coreCourseIds[0],
      completedOn: '2027-01-15',
    }).expect(400);
    expect(late.body.message).toMatch(/^completedOn: 2027-01-15 is outside cohort/);
    const high = await complete(enrolment.id, {
      courseId: coreCourseIds[0],
      completedOn: '2024-05-01',
      score: 101,
    }).expect(400);
    expect(high.body.message).toMatch(/^score: /);
  });

  it('accepts a completion without a score and corrects its score and date', async () => {
    const enrolment = (await enrol(await cohort(), await makePerson(t.db)).expect(201)).body;
    const created = (
      await complete(enrolment.id, { courseId: coreCourseIds[1], completedOn: '2024-05-01' }).expect(201)
    ).body;
    expect(created.score).toBeNull();
    const corrected = await t.http
      .patch(`/api/v1/enrolments/${enrolment.id}/completions/${created.id}`)
      .set('Authorization', `Bearer ${staff}`)
      .send({ score: 64, completedOn: '2024-05-03' })
      .expect(200);
    expect(corrected.body).toMatchObject({ score: 64, completedOn: '2024-05-03' });
    const list = await t.http
      .get(`/api/v1/enrolments/${enrolment.id}/completions`)
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: created.id, score: 64 }] });
  });

  it('marks the programme figures dirty with every enrolment and completion', async () => {
    const before = await withDb(
      async (pg) =>
        (await pg.query(`SELECT figures_dirty_version($1) AS dirty_version`, [programmeId])).rows[0],
    );
    const enrolment = (await enrol(await cohort(), await makePerson(t.db)).expect(201)).body;
    await complete(enrolment.id, { courseId: coreCourseIds[2], completedOn: '2024-05-01', score: 90 }).expect(
      201,
    );
    const after = await withDb(
      async (pg) =>
        (await pg.query(`SELECT figures_dirty_version($1) AS dirty_version`, [programmeId])).rows[0],
    );
    expect(Number(after.dirty_version)).toBeGreaterThanOrEqual(Number(before?.dirty_version ?? 0) + 2);
  });

  it('lists a cohort’s enrolments in a stable order with paging', async () => {
    const cohortId = await cohort();
    for (let i = 0; i < 3; i++) await enrol(cohortId, await makePerson(t.db)).expect(201);
    const page = await t.http
      .get(`/api/v1/cohorts/${cohortId}/enrolments?limit=2&offset=1`)
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(page.body.total).toBe(3);
    expect(page.body.items).toHaveLength(2);
    const all = await t.http
      .get(`/api/v1/cohorts/${cohortId}/enrolments`)
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(all.body.items.slice(1).map((e: { id: string }) => e.id)).toEqual(
      page.body.items.map((e: { id: string }) => e.id),
    );
  });
});
