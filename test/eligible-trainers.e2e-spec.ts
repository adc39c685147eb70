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

describe('eligible lead trainers of a round (the cascade rule, for planners)', () => {
  let t: TestApp;
  let coordinator: string;

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    coordinator = await t.tokenFor('coordinator');
  });
  afterAll(() => t?.close());

  async function cascade() {
    const { programmeId, coreCourseIds } = await makeProgramme(t.db);
    const master = await makeMasterTeacher(
      t.db,
      programmeId,
      await makePerson(t.db, { full_name: 'Ариунаа Мастер' }),
    );
    const round1 = await makeRound(t.db, programmeId, 1);
    const round2 = await makeRound(t.db, programmeId, 2);
    const cohort = await makeCohort(t.db, {
      programmeId,
      roundId: round1,
      leadTrainerId: master,
      courseIds: coreCourseIds,
    });
    const completer = await makePerson(t.db, { full_name: 'Болд Төгсөгч' });
    const partial = await makePerson(t.db, { full_name: 'Дорж Дутуу' });
    const full = await makeEnrolment(t.db, cohort, completer);
    for (const course of coreCourseIds) await makeCompletion(t.db, full, course);
    await makeCompletion(t.db, await makeEnrolment(t.db, cohort, partial), coreCourseIds[0]);
    return { programmeId, round1, round2, master, completer };
  }

  const list = (programmeId: string, roundId: string, query = '') =>
    t.http
      .get(`/api/v1/programmes/${programmeId}/rounds/${roundId}/eligible-lead-trainers${query}`)
      .set('Authorization', `Bearer ${coordinator}`);

  it('offers only master teachers for the first round', async () => {
    const { programmeId, round1, master } = await cascade();
    const res = await list(programmeId, round1).expect(200);
    expect(res.body.items.map((i: { personId: string }) => i.personId)).toEqual([master]);
    expect(res.body.items[0]).toMatchObject({ fullName: 'Ариунаа Мастер', masterTeacher: true });
  });

  it('adds completers of every core course in earlier rounds for a later round, never partial ones', async () => {
    const { programmeId, round2, master, completer } = await cascade();
    const res = await list(programmeId, round2).expect(200);
    expect(res.body).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(res.body.items.map((i: { personId: string }) => i.personId)).toEqual([master, completer]);
  });

  it('searches by name and pages the answer', async () => {
    const { programmeId, round2, completer } = await cascade();
    const found = await list(programmeId, round2, '?q=болд').expect(200);
    expect(found.body.items.map((i: { personId: string }) => i.personId)).toEqual([completer]);
    const second = await list(programmeId, round2, '?limit=1&offset=1').expect(200);
    expect(second.body).toMatchObject({ total: 2, items: [{ personId: completer }] });
  });

  it('answers 404 for a round of another programme and 403 to a viewer', async () => {
    const { round2 } = await cascade();
    const other = await makeProgramme(t.db);
    await list(other.programmeId, round2).expect(404);
    const viewer = await t.tokenFor('viewer');
    const { programmeId, round1 } = await cascade();
    await t.http
      .get(`/api/v1/programmes/${programmeId}/rounds/${round1}/eligible-lead-trainers`)
      .set('Authorization', `Bearer ${viewer}`)
      .expect(403);
  });
});
