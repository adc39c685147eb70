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

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** What a master teacher may reach: the cohorts they lead while they run, and the people in their care. */
describe("a master teacher's care", () => {
  let t: TestApp;
  let coordinator: string;
  let master: string;
  let lead: string;
  let programmeId: string;
  let courseIds: string[];
  let ended: string; // a cohort the master teacher led in 2024
  let running: string; // a cohort they lead now

  const as = (token: string) => ({
    get: (path: string) => t.http.get(`/api/v1${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body: object = {}) =>
      t.http.post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) =>
      t.http.patch(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
  });

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    coordinator = await t.tokenFor('coordinator');
    const programme = await makeProgramme(t.db, { ends_on: day(400) });
    ({ programmeId, coreCourseIds: courseIds } = programme);
    lead = await makeMasterTeacher(t.db, programmeId);
    master = await t.tokenFor('master_teacher', lead);
    const roundId = await makeRound(t.db, programmeId);
    ended = await makeCohort(t.db, { programmeId, roundId, leadTrainerId: lead, courseIds });
    running = await makeCohort(t.db, {
      programmeId,
      roundId,
      leadTrainerId: lead,
      courseIds,
      starts_on: day(-30),
      ends_on: day(60),
    });
  });
  afterAll(() => t.close());

  describe('enrolment', () => {
    it('refuses a master teacher an enrolment into a cohort of theirs that has ended, with 403', async () => {
      const person = await makePerson(t.db);
      const res = await as(master).post(`/cohorts/${ended}/enrolments`, { personId: person }).expect(403);
      expect(res.body.message).toMatch(/^endsOn: cohort '.*' ended on 2024-06-30/);
      await as(master).get(`/people/${person}`).expect(403);
    });

    it('refuses a master teacher a backdated enrolment, and accepts one as of today', async () => {
      const person = await makePerson(t.db);
      await as(master)
        .post(`/cohorts/${running}/enrolments`, { personId: person, enrolledOn: day(-20) })
        .expect(403);
      const res = await as(master).post(`/cohorts/${running}/enrolments`, { personId: person }).expect(201);
      expect(res.body.enrolledOn).toBe(day(0));
    });

    it('lets a coordinator correct history: an enrolment into an ended cohort, dated when it ran', async () => {
      const person = await makePerson(t.db);
      const res = await as(coordinator)
        .post(`/cohorts/${ended}/enrolments`, { personId: person, enrolledOn: '2024-03-04' })
        .expect(201);
      expect(res.body).toMatchObject({ enrolledOn: '2024-03-04', status: 'enrolled' });
    });
  });

  describe('completion dates', () => {
    let enrolmentId: string;
    beforeAll(async () => {
      const person = await makePerson(t.db);
      enrolmentId = (
        await as(master).post(`/cohorts/${running}/enrolments`, { personId: person }).expect(201)
      ).body.id;
    });

    it('refuses a completion dated before the enrolment with 400', async () => {
      const res = await as(master)
        .post(`/enrolments/${enrolmentId}/completions`, {
          courseId: courseIds[0],
          completedOn: day(-10),
          score: 90,
        })
        .expect(400);
      expect(res.body.message).toMatch(/^completedOn: .* is before the enrolment/);
    });

    it("refuses a completion outside the cohort's dates with 400, on create and on correction", async () => {
      const res = await as(coordinator)
        .post(`/enrolments/${enrolmentId}/completions`, { courseId: courseIds[0], completedOn: day(90) })
        .expect(400);
      expect(res.body.message).toMatch(/^completedOn: .* is outside cohort/);
      const stored = await as(master)
        .post(`/enrolments/${enrolmentId}/completions`, { courseId: courseIds[0], completedOn: day(0) })
        .expect(201);
      await as(master)
        .patch(`/enrolments/${enrolmentId}/completions/${stored.body.id}`, { completedOn: day(-40) })
        .expect(400);
    });
  });

  describe('who is in their care', () => {
    it('drops a person from their care once the enrolment is withdrawn', async () => {
      const person = await makePerson(t.db);
      const enrolment = await as(master)
        .post(`/cohorts/${running}/enrolments`, { personId: person })
        .expect(201);
      await as(master).get(`/people/${person}`).expect(200);
      const evidence = {
        personId: person,
        programmeId,
        observedOn: day(0),
        kind: 'instruction',
        description: 'Uses a chatbot',
      };
      const recorded = await as(coordinator).post('/ai-adoptions', evidence).expect(201);
      await as(master).patch(`/enrolments/${enrolment.body.id}`, { status: 'withdrawn' }).expect(200);
      await as(master).get(`/people/${person}`).expect(403);
      await as(master).post('/ai-adoptions', evidence).expect(403);
      await as(master).post(`/ai-adoptions/${recorded.body.id}/verify`).expect(403);
    });

    it('keeps a mentee in their care only while the mentoring assignment is active', async () => {
      const mentee = await makePerson(t.db);
      await makeEnrolment(t.db, ended, mentee);
      await t.db.query(`UPDATE enrolments SET status = 'withdrawn' WHERE person_id = $1`, [mentee]);
      const assignment = await as(coordinator)
        .post('/mentoring/assignments', {
          programmeId,
          mentorId: lead,
          menteeId: mentee,
          startsOn: '2024-03-01',
        })
        .expect(201);
      await as(master).get(`/people/${mentee}`).expect(200);
      await as(coordinator)
        .patch(`/mentoring/assignments/${assignment.body.id}`, { endsOn: day(0) })
        .expect(200);
      await as(master).get(`/people/${mentee}`).expect(403);
    });

    it('scopes GET /people like the records: a master teacher finds only themselves and the people in their care', async () => {
      const stranger = await makePerson(t.db, { full_name: 'Stranger Scope' });
      const cared = await makePerson(t.db, { full_name: 'Cared Scope' });
      await as(master).post(`/cohorts/${running}/enrolments`, { personId: cared }).expect(201);
      await as(master).get(`/people/${stranger}`).expect(403);
      const mine = await as(master).get('/people?q=Scope').expect(200);
      expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([cared]);
      expect(mine.body.total).toBe(1);
      const all = await as(master).get('/people?limit=100').expect(200);
      expect(all.body.items.map((p: { id: string }) => p.id)).toContain(lead);
      expect(all.body.items.map((p: { id: string }) => p.id)).not.toContain(stranger);
      const staff = await as(coordinator).get('/people?q=Scope').expect(200);
      expect(staff.body.total).toBe(2);
    });

    it("refuses a viewer people's records and lists", async () => {
      const viewer = await t.tokenFor('viewer');
      await as(viewer).get('/people').expect(403);
      await as(viewer).get(`/people/${lead}`).expect(403);
      await as(viewer).get('/ai-adoptions').expect(403);
    });
  });
});
