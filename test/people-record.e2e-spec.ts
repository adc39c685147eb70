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

describe('GET /people/:id — a person’s record', () => {
  let t: TestApp;
  let staff: string;
  let programmeId: string;
  let master: string;
  let second: string;
  let third: string;
  let cohort1: string;
  let cohort2: string;

  /** master (gen 1) → cohort1 → second (gen 2) → cohort2 → third (gen 3), who completes two courses and is certified. */
  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    staff = await t.tokenFor('coordinator');
    const p = await makeProgramme(t.db, { name: 'AI in Teaching' });
    programmeId = p.programmeId;
    master = await makeMasterTeacher(
      t.db,
      programmeId,
      await makePerson(t.db, { full_name: 'Master Teacher' }),
    );
    const round1 = await makeRound(t.db, programmeId, 1);
    const round2 = await makeRound(t.db, programmeId, 2);
    cohort1 = await makeCohort(t.db, {
      programmeId,
      roundId: round1,
      leadTrainerId: master,
      courseIds: p.coreCourseIds,
      name: 'Ulaanbaatar-1',
    });
    second = await makePerson(t.db, { full_name: 'Second Trainer' });
    const e2 = await makeEnrolment(t.db, cohort1, second);
    for (const course of p.coreCourseIds) await makeCompletion(t.db, e2, course);
    cohort2 = await makeCohort(t.db, {
      programmeId,
      roundId: round2,
      leadTrainerId: second,
      courseIds: p.coreCourseIds,
      name: 'Darkhan-2',
    });
    third = await makePerson(t.db, { full_name: 'Third Educator' });
    const e3 = await makeEnrolment(t.db, cohort2, third);
    await makeCompletion(t.db, e3, p.coreCourseIds[0], 88);
    await makeCompletion(t.db, e3, p.coreCourseIds[1], null);
    await t.db.query(
      `INSERT INTO certifications (programme_id, person_id, number, issued_on) VALUES ($1, $2, 'MC-2025-000042', '2025-06-01')`,
      [programmeId, third],
    );
    await t.db.query(
      `INSERT INTO ai_adoptions (person_id, programme_id, observed_on, kind, description) VALUES ($1, $2, '2025-07-01', 'instruction', 'AI lesson plans')`,
      [third, programmeId],
    );
  });
  afterAll(() => t.close());

  it('answers the person with enrolments, completions with scores, certifications, AI adoptions and the chain of trainers', async () => {
    const res = await t.http
      .get(`/api/v1/people/${third}`)
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(res.body.person).toMatchObject({ id: third, fullName: 'Third Educator' });
    expect(res.body.enrolments).toHaveLength(1);
    expect(res.body.enrolments[0]).toMatchObject({
      cohortId: cohort2,
      cohortName: 'Darkhan-2',
      roundNumber: 2,
      leadTrainerId: second,
      status: 'enrolled',
    });
    expect(res.body.enrolments[0].completions.map((c: { score: number | null }) => c.score).sort()).toEqual([
      88,
      null,
    ]);
    expect(res.body.certifications).toEqual([
      expect.objectContaining({
        number: 'MC-2025-000042',
        issuedOn: '2025-06-01',
        revoked: false,
        programmeId,
      }),
    ]);
    expect(res.body.aiAdoptions).toEqual([expect.objectContaining({ kind: 'instruction', verified: false })]);
    expect(res.body.trainedBy).toEqual([
      {
        programmeId,
        programmeName: 'AI in Teaching',
        generation: 3,
        chain: [
          {
            step: 1,
            personId: second,
            fullName: 'Second Trainer',
            cohortId: cohort2,
            cohortName: 'Darkhan-2',
            isMasterTeacher: false,
          },
          {
            step: 2,
            personId: master,
            fullName: 'Master Teacher',
            cohortId: cohort1,
            cohortName: 'Ulaanbaatar-1',
            isMasterTeacher: true,
          },
        ],
      },
    ]);
  });

  it('gives a master teacher generation 1 and an empty chain', async () => {
    const res = await t.http
      .get(`/api/v1/people/${master}`)
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(res.body.trainedBy).toEqual([
      { programmeId, programmeName: 'AI in Teaching', generation: 1, chain: [] },
    ]);
  });

  it('lets a master teacher read the people of their cohorts, not others, with 403', async () => {
    const secondToken = await t.tokenFor('master_teacher', second);
    await t.http.get(`/api/v1/people/${third}`).set('Authorization', `Bearer ${secondToken}`).expect(200);
    const stranger = await t.tokenFor('master_teacher', await makeMasterTeacher(t.db, programmeId));
    await t.http.get(`/api/v1/people/${third}`).set('Authorization', `Bearer ${stranger}`).expect(403);
  });

  it('answers 404 for an unknown person and 400 for an id that is not a UUID', async () => {
    await t.http
      .get('/api/v1/people/7d1e7c1a-1111-4111-8111-111111111111')
      .set('Authorization', `Bearer ${staff}`)
      .expect(404);
    await t.http.get('/api/v1/people/42').set('Authorization', `Bearer ${staff}`).expect(400);
  });
});
