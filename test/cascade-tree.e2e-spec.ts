import { GENERATIONS_SQL } from '@cascade/cascade';
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

interface Participant {
  personId: string;
  generation: number | null;
  cohorts: Array<{ cohortId: string; participants: Participant[] }>;
  cohortsShownElsewhere?: boolean;
}

describe('the cascade tree and generations', () => {
  let t: TestApp;
  let staff: string;
  let programmeId: string;
  let master: string;
  let second: string;
  let third: string;
  let cohort1: string;
  let cohort2: string;
  let cohort3: string;

  /**
   * master (gen 1) leads cohort1 (round 1) with `second`, who graduates and leads cohort2
   * (round 2) with `third`, who graduates and leads cohort3 (round 3) with a leaf. The master
   * teacher also enrols in cohort2 (stays generation 1); a person in cohort1 and cohort2 is generation 2.
   */
  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    staff = await t.tokenFor('coordinator');
    const p = await makeProgramme(t.db);
    programmeId = p.programmeId;
    master = await makeMasterTeacher(t.db, programmeId);
    const rounds = [
      await makeRound(t.db, programmeId, 1),
      await makeRound(t.db, programmeId, 2),
      await makeRound(t.db, programmeId, 3),
    ];
    cohort1 = await makeCohort(t.db, {
      programmeId,
      roundId: rounds[0],
      leadTrainerId: master,
      courseIds: p.coreCourseIds,
    });
    second = await makePerson(t.db, { full_name: 'Second Generation' });
    const e2 = await makeEnrolment(t.db, cohort1, second);
    for (const course of p.coreCourseIds) await makeCompletion(t.db, e2, course);
    cohort2 = await makeCohort(t.db, {
      programmeId,
      roundId: rounds[1],
      leadTrainerId: second,
      courseIds: p.coreCourseIds,
    });
    third = await makePerson(t.db, { full_name: 'Third Generation' });
    const e3 = await makeEnrolment(t.db, cohort2, third);
    for (const course of p.coreCourseIds) await makeCompletion(t.db, e3, course);
    await makeEnrolment(t.db, cohort2, master);
    const both = await makePerson(t.db, { full_name: 'In Both' });
    await makeEnrolment(t.db, cohort1, both);
    await makeEnrolment(t.db, cohort2, both, 'withdrawn');
    cohort3 = await makeCohort(t.db, {
      programmeId,
      roundId: rounds[2],
      leadTrainerId: third,
      courseIds: p.coreCourseIds,
    });
    await makeEnrolment(t.db, cohort3, await makePerson(t.db, { full_name: 'Fourth Generation' }));
  });
  afterAll(() => t.close());

  it('computes generations 1 to 4 with one set-based query', async () => {
    const rows: Array<{ person_id: string; generation: number }> = await t.db.query(GENERATIONS_SQL, [
      programmeId,
    ]);
    const generation = new Map(rows.map((r) => [r.person_id, r.generation]));
    expect(generation.get(master)).toBe(1);
    expect(generation.get(second)).toBe(2);
    expect(generation.get(third)).toBe(3);
    expect(rows.filter((r) => r.generation === 2)).toHaveLength(2);
    expect(rows.filter((r) => r.generation === 4)).toHaveLength(1);
    expect(rows).toHaveLength(5);
  });

  it('terminates on a cycle of trainers', async () => {
    // `second` enrols in the cohort of `third`: a loop, not a shorter path.
    await makeEnrolment(t.db, cohort3, second);
    const rows: Array<{ person_id: string; generation: number }> = await t.db.query(GENERATIONS_SQL, [
      programmeId,
    ]);
    expect(rows.find((r) => r.person_id === second)?.generation).toBe(2);
    await t.db.query(`DELETE FROM enrolments WHERE cohort_id = $1 AND person_id = $2`, [cohort3, second]);
  });

  it('answers the tree: master teachers → cohorts → participants with generation → the cohorts they lead', async () => {
    const res = await t.http
      .get(`/api/v1/programmes/${programmeId}/cascade`)
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(res.body.generations).toEqual([
      { generation: 1, people: 1 },
      { generation: 2, people: 2 },
      { generation: 3, people: 1 },
      { generation: 4, people: 1 },
    ]);
    const [root] = res.body.masterTeachers;
    expect(root).toMatchObject({ personId: master, generation: 1 });
    expect(root.cohorts.map((c: { cohortId: string }) => c.cohortId)).toEqual([cohort1]);
    const secondNode = (root.cohorts[0].participants as Participant[]).find((n) => n.personId === second)!;
    expect(secondNode.generation).toBe(2);
    expect(secondNode.cohorts.map((c) => c.cohortId)).toEqual([cohort2]);
    const cohort2Participants = secondNode.cohorts[0].participants;
    const thirdNode = cohort2Participants.find((n) => n.personId === third)!;
    expect(thirdNode.generation).toBe(3);
    expect(thirdNode.cohorts[0].cohortId).toBe(cohort3);
    expect(thirdNode.cohorts[0].participants[0].generation).toBe(4);
    // The master teacher appears as a participant of cohort2 at their own generation, not expanded again.
    expect(cohort2Participants.find((n) => n.personId === master)).toMatchObject({
      generation: 1,
      cohorts: [],
      cohortsShownElsewhere: true,
    });
  });

  it('shows a master teacher their own branch and the line above it, not their fellow participants', async () => {
    const token = await t.tokenFor('master_teacher', second);
    const res = await t.http
      .get(`/api/v1/programmes/${programmeId}/cascade`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    const [root] = res.body.masterTeachers;
    expect(root.personId).toBe(master);
    expect(root.cohorts[0].participants.map((p: Participant) => p.personId)).toEqual([second]);
    expect(root.cohorts[0].participants[0].cohorts[0].cohortId).toBe(cohort2);
  });

  it('lets a viewer read the tree and answers 404 for an unknown programme', async () => {
    const viewer = await t.tokenFor('viewer');
    await t.http
      .get(`/api/v1/programmes/${programmeId}/cascade`)
      .set('Authorization', `Bearer ${viewer}`)
      .expect(200);
    await t.http
      .get('/api/v1/programmes/7d1e7c1a-1111-4111-8111-111111111111/cascade')
      .set('Authorization', `Bearer ${viewer}`)
      .expect(404);
  });
});
