import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import {
  makeCohort,
  makeEnrolment,
  makeInstitution,
  makeMasterTeacher,
  makePerson,
  makeProgramme,
  makeRound,
} from './support/factories';

interface Overview {
  menteeId: string;
  fullName: string;
  institutionName: string;
  sessions: number;
  hours: number;
  lastSessionAt: string | null;
  overdue: boolean;
}

describe('mentees overview', () => {
  let t: TestApp;
  let programmeId: string;
  let mentor: string;
  let otherMentor: string;
  let cohortId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
  const isoDate = (d: Date) => d.toISOString().slice(0, 10);
  let mentees: Record<'busy' | 'lapsed' | 'silent' | 'fresh', string>;

  async function menteeOf(
    mentorId: string,
    fullName: string,
    startsOn: string,
    endsOn: string | null = null,
  ) {
    const institutionId = await makeInstitution(t.db, { name: `Institute of ${fullName}` });
    const person = await makePerson(t.db, { full_name: fullName, institution_id: institutionId });
    await makeEnrolment(t.db, cohortId, person);
    const [{ id }] = await t.db.query(
      `INSERT INTO mentoring_assignments (programme_id, mentor_id, mentee_id, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [programmeId, mentorId, person, startsOn, endsOn],
    );
    return { person, assignmentId: id as string };
  }

  async function sessions(assignmentId: string, list: [daysAgo: number, minutes: number][]) {
    for (const [i, [days, minutes]] of list.entries()) {
      await t.db.query(
        `INSERT INTO mentoring_sessions (assignment_id, occurred_at, duration_minutes, mode, client_ref) VALUES ($1, $2, $3, 'online', $4)`,
        [assignmentId, daysAgo(days), minutes, `${assignmentId}-${i}`],
      );
    }
  }

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    const programme = await makeProgramme(t.db);
    programmeId = programme.programmeId;
    mentor = await makeMasterTeacher(t.db, programmeId);
    otherMentor = await makeMasterTeacher(t.db, programmeId);
    const roundId = await makeRound(t.db, programmeId, 1);
    cohortId = await makeCohort(t.db, {
      programmeId,
      roundId,
      leadTrainerId: mentor,
      courseIds: programme.coreCourseIds,
    });

    const busy = await menteeOf(mentor, 'Altan', '2025-01-01');
    await sessions(busy.assignmentId, [
      [50, 60],
      [10, 30],
      [2, 45],
    ]); // 135 min, last 2 days ago
    const lapsed = await menteeOf(mentor, 'Bolor', '2025-01-01');
    await sessions(lapsed.assignmentId, [[40, 90]]); // 1.5 h, last 40 days ago: overdue
    const silent = await menteeOf(mentor, 'Chimeg', '2025-01-01'); // none since a long time: overdue
    const fresh = await menteeOf(mentor, 'Dulmaa', isoDate(daysAgo(3))); // none yet, but started 3 days ago
    const ended = await menteeOf(mentor, 'Enkh', '2025-01-01', '2025-02-01'); // history: not listed
    await sessions(ended.assignmentId, [[300, 60]]);
    await menteeOf(otherMentor, 'Ganaa', '2025-01-01');
    mentees = { busy: busy.person, lapsed: lapsed.person, silent: silent.person, fresh: fresh.person };
  });
  afterAll(() => t.close());

  it("counts each active mentee's sessions, hours and last session, and flags those without a session in 30 days", async () => {
    const token = await t.tokenFor('master_teacher', mentor);
    const res = await t.http.get('/api/v1/me/mentees').set(auth(token)).expect(200);
    expect(res.body.total).toBe(4);
    const rows = res.body.items as Overview[];
    expect(rows.map((r) => [r.menteeId, r.sessions, r.hours, r.overdue])).toEqual([
      [mentees.busy, 3, 2.25, false],
      [mentees.lapsed, 1, 1.5, true],
      [mentees.silent, 0, 0, true],
      [mentees.fresh, 0, 0, false],
    ]);
    expect(rows[0]).toMatchObject({ fullName: 'Altan', institutionName: 'Institute of Altan' });
    expect(Math.abs(new Date(rows[0].lastSessionAt!).getTime() - daysAgo(2).getTime())).toBeLessThan(60_000);
    expect(rows[2].lastSessionAt).toBeNull();
  });

  it('pages the overview with a stable order and the total of all pages', async () => {
    const coordinator = await t.tokenFor('coordinator');
    const page = await t.http
      .get(`/api/v1/mentoring/mentees?mentorId=${mentor}&limit=2&offset=2`)
      .set(auth(coordinator))
      .expect(200);
    expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 2 });
    expect(page.body.items.map((r: Overview) => r.menteeId)).toEqual([mentees.silent, mentees.fresh]);
    const beyond = await t.http
      .get(`/api/v1/mentoring/mentees?mentorId=${mentor}&offset=10`)
      .set(auth(coordinator))
      .expect(200);
    expect(beyond.body).toMatchObject({ total: 4, items: [] });
    const all = await t.http
      .get(`/api/v1/mentoring/mentees?programmeId=${programmeId}`)
      .set(auth(coordinator))
      .expect(200);
    expect(all.body.total).toBe(5);
  });

  it("lets a viewer read every mentor's mentees and a master teacher only their own", async () => {
    const viewer = await t.tokenFor('viewer');
    const theirs = await t.http
      .get(`/api/v1/mentoring/mentees?mentorId=${otherMentor}`)
      .set(auth(viewer))
      .expect(200);
    expect(theirs.body.items.map((r: Overview) => r.fullName)).toEqual(['Ganaa']);
    const token = await t.tokenFor('master_teacher', mentor);
    await t.http.get(`/api/v1/mentoring/mentees?mentorId=${otherMentor}`).set(auth(token)).expect(403);
    const own = await t.http.get('/api/v1/mentoring/mentees').set(auth(token)).expect(200);
    expect(own.body.total).toBe(4);
    await t.http.get('/api/v1/me/mentees').set(auth(viewer)).expect(403);
  });
});
