import { createTestApp, TestApp } from './support/app';
import { resetDatabase, withDb } from './support/database';
import {
  makeCohort,
  makeCompletion,
  makeEnrolment,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  makeRound,
} from './support/factories';

describe('mentoring assignments', () => {
  let t: TestApp;
  let coordinator: string;
  let programmeId: string;
  let coreCourseIds: string[];
  let mentor: string;
  let cohortId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** A person enrolled in a cohort of the programme: who may be mentored. */
  async function participant(): Promise<string> {
    const person = await makePerson(t.db);
    await makeEnrolment(t.db, cohortId, person);
    return person;
  }

  function assign(menteeId: string, fields: Record<string, unknown> = {}) {
    return t.http
      .post('/api/v1/mentoring/assignments')
      .set(auth(coordinator))
      .send({ programmeId, mentorId: mentor, menteeId, startsOn: '2025-01-01', ...fields });
  }

  // No worker in this file: no rollup takes the marks, so they count the marking writes.
  const pendingMarks = () =>
    withDb(async (pg) => {
      const { rows } = await pg.query(
        `SELECT count(*)::int AS n FROM figures_dirty_marks WHERE programme_id = $1 AND consumer = 'rollup'`,
        [programmeId],
      );
      return rows[0].n as number;
    });

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    coordinator = await t.tokenFor('coordinator');
    ({ programmeId, coreCourseIds } = await makeProgramme(t.db));
    mentor = await makeMasterTeacher(t.db, programmeId);
    const roundId = await makeRound(t.db, programmeId, 1);
    cohortId = await makeCohort(t.db, {
      programmeId,
      roundId,
      leadTrainerId: mentor,
      courseIds: coreCourseIds,
    });
  });
  afterAll(() => t.close());

  it('creates an assignment of a master teacher to a participant with 201 and marks the figures dirty', async () => {
    const mentee = await participant();
    const before = await pendingMarks();
    const res = await assign(mentee, { goals: 'Use AI in assessment' }).expect(201);
    expect(res.body).toMatchObject({
      programmeId,
      mentorId: mentor,
      menteeId: mentee,
      startsOn: '2025-01-01',
      endsOn: null,
      active: true,
    });
    await expect(pendingMarks()).resolves.toBe(before + 1);
    const fetched = await t.http
      .get(`/api/v1/mentoring/assignments/${res.body.id}`)
      .set(auth(coordinator))
      .expect(200);
    expect(fetched.body.goals).toBe('Use AI in assessment');
  });

  it('accepts a later-generation trainer (every core course completed) as mentor', async () => {
    const graduate = await participant();
    const [{ id: enrolmentId }] = await t.db.query(`SELECT id FROM enrolments WHERE person_id = $1`, [
      graduate,
    ]);
    for (const course of coreCourseIds) await makeCompletion(t.db, enrolmentId, course);
    await assign(await participant(), { mentorId: graduate }).expect(201);
  });

  it('refuses a mentor who is not a trainer of the programme with 400 naming mentorId', async () => {
    const outsider = await makePerson(t.db);
    const res = await assign(await participant(), { mentorId: outsider }).expect(400);
    expect(res.body.message).toMatch(/^mentorId: .*not a trainer/);
  });

  it('refuses a mentee who has no enrolment in the programme with 400 naming menteeId', async () => {
    const res = await assign(await makePerson(t.db)).expect(400);
    expect(res.body.message).toMatch(/^menteeId: .*not a participant/);
  });

  it('refuses endsOn before startsOn and unknown fields with 400', async () => {
    const mentee = await participant();
    const dates = await assign(mentee, { endsOn: '2024-12-31' }).expect(400);
    expect(dates.body.message).toMatch(/^endsOn:/);
    const unknown = await assign(mentee, { colour: 'blue' }).expect(400);
    expect(unknown.body.message).toMatch(/colour/);
  });

  it('refuses a second active assignment of the same mentee with 409 and allows a new one once the first has ended', async () => {
    const mentee = await participant();
    const first = await assign(mentee).expect(201);
    const second = await assign(mentee).expect(409);
    expect(second.body.message).toMatch(/^menteeId: .*already has an active mentor/);

    const ended = await t.http
      .patch(`/api/v1/mentoring/assignments/${first.body.id}`)
      .set(auth(coordinator))
      .send({ endsOn: '2025-02-28' })
      .expect(200);
    expect(ended.body).toMatchObject({ endsOn: '2025-02-28', active: false });
    await assign(mentee, { startsOn: '2025-03-01' }).expect(201);
    const history = await t.http
      .get(`/api/v1/mentoring/assignments?menteeId=${mentee}`)
      .set(auth(coordinator))
      .expect(200);
    expect(history.body.total).toBe(2);
    const reopen = await t.http
      .patch(`/api/v1/mentoring/assignments/${first.body.id}`)
      .set(auth(coordinator))
      .send({ endsOn: null });
    expect(reopen.status).toBe(409);
  });

  it('reassigns in one step: the old assignment ends on the new startsOn and stays as history', async () => {
    const mentee = await participant();
    const other = await makeMasterTeacher(t.db, programmeId);
    const old = await assign(mentee, { goals: 'Lesson study' }).expect(201);
    const res = await t.http
      .post(`/api/v1/mentoring/assignments/${old.body.id}/reassign`)
      .set(auth(coordinator))
      .send({ mentorId: other, startsOn: '2025-04-01' })
      .expect(201);
    expect(res.body).toMatchObject({
      mentorId: other,
      menteeId: mentee,
      startsOn: '2025-04-01',
      active: true,
      goals: 'Lesson study',
    });

    const history = await t.http
      .get(`/api/v1/mentoring/assignments?menteeId=${mentee}`)
      .set(auth(coordinator))
      .expect(200);
    expect(history.body.items).toEqual([
      expect.objectContaining({ id: res.body.id, endsOn: null }),
      expect.objectContaining({ id: old.body.id, mentorId: mentor, endsOn: '2025-04-01', active: false }),
    ]);
    const active = await t.http
      .get(`/api/v1/mentoring/assignments?menteeId=${mentee}&active=true`)
      .set(auth(coordinator))
      .expect(200);
    expect(active.body.items.map((a: { id: string }) => a.id)).toEqual([res.body.id]);

    const again = await t.http
      .post(`/api/v1/mentoring/assignments/${old.body.id}/reassign`)
      .set(auth(coordinator))
      .send({ mentorId: mentor, startsOn: '2025-05-01' });
    expect(again.status).toBe(409);
  });

  it('refuses to end an assignment before a session it already has, naming endsOn', async () => {
    const mentee = await participant();
    const res = await assign(mentee).expect(201);
    await t.http
      .post(`/api/v1/mentoring/assignments/${res.body.id}/sessions`)
      .set(auth(coordinator))
      .send({
        occurredAt: '2025-03-10T10:00:00+08:00',
        durationMinutes: 60,
        mode: 'online',
        clientRef: `end-check-${res.body.id}`,
      })
      .expect(201);
    const early = await t.http
      .patch(`/api/v1/mentoring/assignments/${res.body.id}`)
      .set(auth(coordinator))
      .send({ endsOn: '2025-03-01' });
    expect(early.status).toBe(400);
    expect(early.body.message).toMatch(/^endsOn: a session/);
    await t.http
      .patch(`/api/v1/mentoring/assignments/${res.body.id}`)
      .set(auth(coordinator))
      .send({ endsOn: '2025-03-09' })
      .expect(200);
  });

  it('lets a master teacher list only their own assignments and refuses them another mentor or assigning', async () => {
    const other = await makeMasterTeacher(t.db, programmeId);
    const theirs = await assign(await participant(), { mentorId: other }).expect(201);
    const token = await t.tokenFor('master_teacher', mentor);

    const mine = await t.http
      .get(`/api/v1/mentoring/assignments?programmeId=${programmeId}&limit=500`)
      .set(auth(token))
      .expect(200);
    expect(mine.body.total).toBeGreaterThan(0);
    expect(mine.body.items.every((a: { mentorId: string }) => a.mentorId === mentor)).toBe(true);
    await t.http.get(`/api/v1/mentoring/assignments?mentorId=${other}`).set(auth(token)).expect(403);
    await t.http.get(`/api/v1/mentoring/assignments/${theirs.body.id}`).set(auth(token)).expect(403);
    const post = await t.http
      .post('/api/v1/mentoring/assignments')
      .set(auth(token))
      .send({ programmeId, mentorId: mentor, menteeId: await participant(), startsOn: '2025-01-01' });
    expect(post.status).toBe(403);
  });

  it('lets a viewer read assignments but not write them, and answers 404 for an unknown one', async () => {
    const viewer = await t.tokenFor('viewer');
    await t.http.get('/api/v1/mentoring/assignments').set(auth(viewer)).expect(200);
    const post = await t.http
      .post('/api/v1/mentoring/assignments')
      .set(auth(viewer))
      .send({ programmeId, mentorId: mentor, menteeId: await participant(), startsOn: '2025-01-01' });
    expect(post.status).toBe(403);
    await t.http
      .get('/api/v1/mentoring/assignments/00000000-0000-4000-8000-000000000000')
      .set(auth(viewer))
      .expect(404);
  });
});
