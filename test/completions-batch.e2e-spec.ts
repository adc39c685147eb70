import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import {
  makeCohort,
  makeEnrolment,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  makeRound,
  uuid,
} from './support/factories';

describe('POST /cohorts/:id/completions/batch', () => {
  let t: TestApp;
  let staff: string;
  let programmeId: string;
  let roundId: string;
  let leadTrainerId: string;
  let courseIds: string[];

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    staff = await t.tokenFor('coordinator');
    const programme = await makeProgramme(t.db);
    programmeId = programme.programmeId;
    courseIds = programme.coreCourseIds;
    roundId = await makeRound(t.db, programmeId);
    leadTrainerId = await makeMasterTeacher(t.db, programmeId);
  });
  afterAll(() => t.close());

  const cohortWith = async (people: number) => {
    const cohortId = await makeCohort(t.db, { programmeId, roundId, leadTrainerId, courseIds });
    const personIds: string[] = [];
    for (let i = 0; i < people; i++) {
      const personId = await makePerson(t.db);
      await makeEnrolment(t.db, cohortId, personId);
      personIds.push(personId);
    }
    return { cohortId, personIds };
  };
  const send = (cohortId: string, completions: unknown[], token = staff) =>
    t.http
      .post(`/api/v1/cohorts/${cohortId}/completions/batch`)
      .auth(token, { type: 'bearer' })
      .send({ completions });
  const stored = async (cohortId: string) =>
    (
      await t.db.query(
        `SELECT count(*)::int AS n FROM course_completions cc JOIN enrolments e ON e.id = cc.enrolment_id WHERE e.cohort_id = $1`,
        [cohortId],
      )
    )[0].n as number;

  it('stores every valid item, answers each by its clientRef in request order, and stores a resend once', async () => {
    const { cohortId, personIds } = await cohortWith(2);
    const items = [
      {
        clientRef: 'tab-1',
        personId: personIds[0],
        courseId: courseIds[0],
        completedOn: '2024-05-01',
        score: 81,
      },
      { clientRef: 'tab-2', personId: personIds[1], courseId: courseIds[0], completedOn: '2024-05-02' },
    ];
    const first = await send(cohortId, items).expect(200);
    expect(first.body).toMatchObject({ created: 2, duplicate: 0, conflict: 0, rejected: 0 });
    expect(
      first.body.results.map((r: { clientRef: string; status: string }) => [r.clientRef, r.status]),
    ).toEqual([
      ['tab-1', 'created'],
      ['tab-2', 'created'],
    ]);
    expect(first.body.results[0].completion).toMatchObject({
      score: 81,
      clientRef: 'tab-1',
      enrolmentStatus: 'active',
    });

    const again = await send(cohortId, [items[1], items[0]]).expect(200);
    expect(again.body).toMatchObject({ created: 0, duplicate: 2 });
    expect(again.body.results[0]).toMatchObject({ index: 0, clientRef: 'tab-2', status: 'duplicate' });
    expect(again.body.results[0].completion.id).toBe(first.body.results[1].completion.id);
    expect(await stored(cohortId)).toBe(2);
  });

  it('stores an item sent by several requests at once exactly once', async () => {
    const { cohortId, personIds } = await cohortWith(3);
    const items = personIds.map((personId, i) => ({
      clientRef: `dev-${i}`,
      personId,
      courseId: courseIds[1],
      completedOn: '2024-05-03',
      score: 70,
    }));
    const answers = await Promise.all([
      send(cohortId, items),
      send(cohortId, [...items].reverse()),
      send(cohortId, items),
    ]);
    for (const answer of answers) expect(answer.status).toBe(200);
    expect(answers.reduce((sum, a) => sum + a.body.created, 0)).toBe(3);
    expect(answers.reduce((sum, a) => sum + a.body.duplicate, 0)).toBe(6);
    expect(await stored(cohortId)).toBe(3);
  });

  it('rejects bad items with the field named and keeps the good ones', async () => {
    const { cohortId, personIds } = await cohortWith(2);
    const withdrawn = await makePerson(t.db);
    await makeEnrolment(t.db, cohortId, withdrawn, 'withdrawn');
    const res = await send(cohortId, [
      {
        clientRef: 'ok',
        personId: personIds[0],
        courseId: courseIds[0],
        completedOn: '2024-05-01',
        score: 90,
      },
      {
        clientRef: 'score',
        personId: personIds[1],
        courseId: courseIds[0],
        completedOn: '2024-05-01',
        score: 101,
      },
      { clientRef: 'stranger', personId: uuid(), courseId: courseIds[0], completedOn: '2024-05-01' },
      { clientRef: 'course', personId: personIds[1], courseId: uuid(), completedOn: '2024-05-01' },
      { clientRef: 'date', personId: personIds[1], courseId: courseIds[1], completedOn: '2031-01-01' },
      { clientRef: 'gone', personId: withdrawn, courseId: courseIds[0], completedOn: '2024-05-01' },
      'not an object',
    ]).expect(200);
    expect(res.body).toMatchObject({ created: 1, rejected: 6 });
    const reasons = res.body.results.map((r: { reason?: string }) => r.reason?.split(':')[0]);
    expect(reasons).toEqual([
      undefined,
      'score',
      'personId',
      'courseId',
      'completedOn',
      'status',
      'completions[6]',
    ]);
    expect(await stored(cohortId)).toBe(1);
  });

  it('answers conflict for other content under a stored course, and for a clientRef reused for another completion', async () => {
    const { cohortId, personIds } = await cohortWith(2);
    const item = {
      clientRef: 'c-1',
      personId: personIds[0],
      courseId: courseIds[0],
      completedOn: '2024-05-01',
      score: 60,
    };
    await send(cohortId, [item]).expect(200);
    const res = await send(cohortId, [
      { ...item, score: 95 },
      { ...item, personId: personIds[1] },
      { ...item, clientRef: 'c-2', personId: personIds[1], courseId: courseIds[2] },
      { ...item, clientRef: 'c-2', personId: personIds[1], courseId: courseIds[1] },
    ]).expect(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      'conflict',
      'conflict',
      'created',
      'conflict',
    ]);
    expect(res.body.results[0].reason).toMatch(/^courseId: .* already completed with score 60/);
    expect(res.body.results[1].reason).toMatch(/^clientRef: /);
    expect(res.body.results[3].reason).toMatch(/^clientRef: /);
    expect(await stored(cohortId)).toBe(2);
  });

  it('corrects stored completions named by completionId beside new ones, in one request, with per-item refusals', async () => {
    const { cohortId, personIds } = await cohortWith(3);
    const first = await send(cohortId, [
      {
        clientRef: 'g-1',
        personId: personIds[0],
        courseId: courseIds[0],
        completedOn: '2024-05-01',
        score: 40,
      },
      {
        clientRef: 'g-2',
        personId: personIds[1],
        courseId: courseIds[0],
        completedOn: '2024-05-01',
        score: 70,
      },
    ]).expect(200);
    const [a, b] = first.body.results.map((r: { completion: { id: string } }) => r.completion.id);
    const res = await send(cohortId, [
      // The grid's save: a corrected score and date, an unchanged cell, a new cell, and two refusals.
      {
        clientRef: 'g-1',
        personId: personIds[0],
        courseId: courseIds[0],
        completedOn: '2024-05-03',
        score: 85,
        completionId: a,
      },
      {
        clientRef: 'g-2',
        personId: personIds[1],
        courseId: courseIds[0],
        completedOn: '2024-05-01',
        score: 70,
        completionId: b,
      },
      {
        clientRef: 'g-3',
        personId: personIds[2],
        courseId: courseIds[0],
        completedOn: '2024-05-02',
        score: 90,
      },
      {
        clientRef: 'g-4',
        personId: personIds[0],
        courseId: courseIds[1],
        completedOn: '2024-05-02',
        completionId: b,
      },
      {
        clientRef: 'g-5',
        personId: personIds[1],
        courseId: courseIds[0],
        completedOn: '2030-01-01',
        score: 75,
        completionId: b,
      },
    ]).expect(200);
    expect(res.body).toMatchObject({ created: 1, corrected: 1, duplicate: 1, conflict: 0, rejected: 2 });
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      'corrected',
      'duplicate',
      'created',
      'rejected',
      'rejected',
    ]);
    expect(res.body.results[0].completion).toMatchObject({
      id: a,
      completedOn: '2024-05-03',
      score: 85,
      clientRef: 'g-1',
    });
    expect(res.body.results[3].reason).toMatch(/^completionId: /);
    expect(res.body.results[4].reason).toMatch(/^completedOn: /);
    const rows = await t.db.query(
      `SELECT id, completed_on::text AS "completedOn", score::float8 AS score FROM course_completions WHERE id = ANY($1::uuid[]) ORDER BY score`,
      [[a, b]],
    );
    expect(rows).toEqual([
      { id: b, completedOn: '2024-05-01', score: 70 },
      { id: a, completedOn: '2024-05-03', score: 85 },
    ]);
    expect(await stored(cohortId)).toBe(3);
    // Resending the correction stores nothing new.
    const again = await send(cohortId, [
      {
        clientRef: 'g-1',
        personId: personIds[0],
        courseId: courseIds[0],
        completedOn: '2024-05-03',
        score: 85,
        completionId: a,
      },
    ]).expect(200);
    expect(again.body.results[0].status).toBe('duplicate');
  });

  it('refuses an empty batch and more than 500 items with 400', async () => {
    const { cohortId, personIds } = await cohortWith(1);
    await send(cohortId, []).expect(400);
    const item = {
      clientRef: 'x',
      personId: personIds[0],
      courseId: courseIds[0],
      completedOn: '2024-05-01',
    };
    await send(
      cohortId,
      Array.from({ length: 501 }, (_, i) => ({ ...item, clientRef: `x-${i}` })),
    ).expect(400);
    expect(await stored(cohortId)).toBe(0);
  });

  it('lets only the lead trainer among master teachers record, and answers 404 for an unknown cohort', async () => {
    const { cohortId, personIds } = await cohortWith(1);
    const item = {
      clientRef: 'mt-1',
      personId: personIds[0],
      courseId: courseIds[0],
      completedOn: '2024-05-01',
    };
    const other = await t.tokenFor('master_teacher', await makePerson(t.db));
    await send(cohortId, [item], other).expect(403);
    await send(cohortId, [item], await t.tokenFor('viewer')).expect(403);
    const lead = await t.tokenFor('master_teacher', leadTrainerId);
    const res = await send(cohortId, [item], lead).expect(200);
    expect(res.body.created).toBe(1);
    await send(uuid(), [item]).expect(404);
  });

  it('lists the cohort’s completions by person with filters', async () => {
    const { cohortId, personIds } = await cohortWith(2);
    await send(
      cohortId,
      personIds.flatMap((personId, p) =>
        courseIds.map((courseId, c) => ({
          clientRef: `g-${p}-${c}`,
          personId,
          courseId,
          completedOn: '2024-05-01',
        })),
      ),
    ).expect(200);
    const all = await t.http
      .get(`/api/v1/cohorts/${cohortId}/completions`)
      .auth(staff, { type: 'bearer' })
      .expect(200);
    expect(all.body.total).toBe(6);
    expect(all.body.items[0]).toMatchObject({ enrolmentStatus: 'completed' });
    const one = await t.http
      .get(`/api/v1/cohorts/${cohortId}/completions?personId=${personIds[1]}&limit=2`)
      .auth(staff, { type: 'bearer' })
      .expect(200);
    expect(one.body).toMatchObject({ total: 3, limit: 2 });
    expect(one.body.items.every((i: { personId: string }) => i.personId === personIds[1])).toBe(true);
  });
});
