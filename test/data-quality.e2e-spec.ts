import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import {
  makeCohort,
  makeCompletion,
  makeEnrolment,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  makeRound,
} from './support/factories';

interface Count {
  check: string;
  count: number;
}
interface Item {
  id: string;
  personId: string;
  fullName: string;
  cohortName: string | null;
  detail: string | null;
  since: string;
}

describe('data quality', () => {
  let t: TestApp;
  let admin: string;
  let programmeId: string;
  let otherProgrammeId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    admin = await t.tokenFor('admin');
    const programme = await makeProgramme(t.db);
    programmeId = programme.programmeId;
    const [courseA, courseB] = programme.coreCourseIds;
    const mentor = await makeMasterTeacher(
      t.db,
      programmeId,
      await makePerson(t.db, { full_name: 'Mentor Ganaa' }),
    );
    ids.loggedInMaster = await makeMasterTeacher(t.db, programmeId);
    await t.tokenFor('master_teacher', ids.loggedInMaster);
    const roundId = await makeRound(t.db, programmeId);
    const ended = await makeCohort(t.db, {
      programmeId,
      roundId,
      leadTrainerId: mentor,
      courseIds: [courseA, courseB],
      name: 'Ended',
      ends_on: '2024-06-30',
    });
    const running = await makeCohort(t.db, {
      programmeId,
      roundId,
      leadTrainerId: mentor,
      courseIds: [courseA],
      name: 'Running',
      ends_on: '2099-12-31',
    });
    const person = (fullName: string) => makePerson(t.db, { full_name: fullName });

    ids.noCompletion = await person('Anu');
    ids.noCompletionEnrolment = await makeEnrolment(t.db, ended, ids.noCompletion);
    await makeEnrolment(t.db, ended, await person('Withdrawn Bat'), 'withdrawn');
    await makeEnrolment(t.db, running, await person('Still Running'));
    const scored = await makeEnrolment(t.db, ended, await person('Scored'));
    await makeCompletion(t.db, scored, courseA, 75);

    ids.unscored = await person('Delger');
    const unscoredEnrolment = await makeEnrolment(t.db, ended, ids.unscored);
    ids.unscoredCompletion = await makeCompletion(t.db, unscoredEnrolment, courseB, null);

    ids.silentMentee = await person('Enkhee');
    const [{ id: silent }] = await t.db.query(
      `INSERT INTO mentoring_assignments (programme_id, mentor_id, mentee_id, starts_on) VALUES ($1, $2, $3, '2024-01-01') RETURNING id`,
      [programmeId, mentor, ids.silentMentee],
    );
    ids.silentAssignment = silent;
    const [{ id: recent }] = await t.db.query(
      `INSERT INTO mentoring_assignments (programme_id, mentor_id, mentee_id, starts_on) VALUES ($1, $2, $3, '2024-01-01') RETURNING id`,
      [programmeId, mentor, await person('Recently Met')],
    );
    await t.db.query(
      `INSERT INTO mentoring_sessions (assignment_id, occurred_at, duration_minutes, mode, client_ref) VALUES ($1, $2, 30, 'online', 'dq-1')`,
      [recent, daysAgo(3)],
    );

    const other = await makeProgramme(t.db);
    otherProgrammeId = other.programmeId;
    await makeMasterTeacher(t.db, otherProgrammeId, await person('Other Master'));
  });

  afterAll(() => t.close());

  const counts = async (query = '') => {
    const res = await t.http.get(`/api/v1/data-quality${query}`).set(auth(admin)).expect(200);
    return Object.fromEntries((res.body.checks as Count[]).map((c) => [c.check, c.count]));
  };

  it('counts each check over one programme', async () => {
    await expect(counts(`?programmeId=${programmeId}`)).resolves.toEqual({
      'enrolment-without-completion': 1,
      'completion-without-score': 1,
      'overdue-mentee': 1,
      'master-teacher-without-login': 1,
    });
  });

  it('counts every programme when none is named', async () => {
    const all = await counts();
    expect(all['master-teacher-without-login']).toBe(2);
    await expect(counts(`?programmeId=${otherProgrammeId}`)).resolves.toMatchObject({
      'enrolment-without-completion': 0,
      'master-teacher-without-login': 1,
    });
  });

  it('lists the records behind a check with who, where and since when', async () => {
    const get = (check: string) =>
      t.http.get(`/api/v1/data-quality/${check}?programmeId=${programmeId}`).set(auth(admin)).expect(200);
    const enrolments = (await get('enrolment-without-completion')).body;
    expect(enrolments).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(enrolments.items).toEqual([
      expect.objectContaining({
        id: ids.noCompletionEnrolment,
        fullName: 'Anu',
        cohortName: 'Ended',
        since: '2024-06-30',
      }),
    ]);
    const completions = (await get('completion-without-score')).body.items as Item[];
    expect(completions.map((i) => [i.id, i.fullName])).toEqual([[ids.unscoredCompletion, 'Delger']]);
    const mentees = (await get('overdue-mentee')).body.items as Item[];
    expect(mentees).toEqual([
      expect.objectContaining({
        id: ids.silentAssignment,
        personId: ids.silentMentee,
        detail: 'Mentor Ganaa',
        since: '2024-01-01',
      }),
    ]);
  });

  it('pages a drill-down list on the server in a stable order', async () => {
    const page = (offset: number) =>
      t.http
        .get(`/api/v1/data-quality/master-teacher-without-login?limit=1&offset=${offset}`)
        .set(auth(admin))
        .expect(200);
    const [first, second, past] = await Promise.all([page(0), page(1), page(2)]);
    expect(first.body.total).toBe(2);
    expect(first.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(past.body).toMatchObject({ items: [], total: 2 });
  });

  it('stops counting a master teacher once they have an active login', async () => {
    const before = (await counts())['master-teacher-without-login'];
    const person = await makeMasterTeacher(t.db, otherProgrammeId);
    expect((await counts())['master-teacher-without-login']).toBe(before + 1);
    await t.tokenFor('master_teacher', person);
    expect((await counts())['master-teacher-without-login']).toBe(before);
  });

  it('answers 400 for an unknown check', async () => {
    await t.http.get('/api/v1/data-quality/people-without-shoes').set(auth(admin)).expect(400);
  });

  it('lets a coordinator in and keeps master teachers, viewers and strangers out', async () => {
    await t.http
      .get('/api/v1/data-quality')
      .set(auth(await t.tokenFor('coordinator')))
      .expect(200);
    await t.http
      .get('/api/v1/data-quality')
      .set(auth(await t.tokenFor('viewer')))
      .expect(403);
    await t.http
      .get('/api/v1/data-quality/overdue-mentee')
      .set(auth(await t.tokenFor('master_teacher')))
      .expect(403);
    await t.http.get('/api/v1/data-quality').expect(401);
  });
});
