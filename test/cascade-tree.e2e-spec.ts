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

  const get = (path: string, token = staff) =>
    t.http.get(`/api/v1/programmes/${programmeId}/cascade${path}`).set('Authorization', `Bearer ${token}`);
  const ids = (body: { items: Array<{ personId?: string; cohortId?: string }> }) =>
    body.items.map((i) => i.personId ?? i.cohortId);

  it('answers the first level: people per generation and the master teachers with counts', async () => {
    const res = await get('').expect(200);
    expect(res.body.generations).toEqual([
      { generation: 1, people: 1 },
      { generation: 2, people: 2 },
      { generation: 3, people: 1 },
      { generation: 4, people: 1 },
    ]);
    expect(res.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(res.body.items).toEqual([
      { personId: master, fullName: expect.any(String), generation: 1, cohorts: 1, participants: 2 },
    ]);
  });

  it('goes down a level at a time: a trainer’s cohorts, then a cohort’s participants with generations', async () => {
    const mine = await get(`/trainers/${master}`).expect(200);
    expect(mine.body.trainer).toMatchObject({ personId: master, generation: 1, cohorts: 1 });
    expect(ids(mine.body)).toEqual([cohort1]);
    expect(mine.body.items[0]).toMatchObject({ roundNumber: 1, participants: 2 });

    const first = await get(`/cohorts/${cohort1}/participants`).expect(200);
    const secondNode = first.body.items.find((p: { personId: string }) => p.personId === second);
    expect(secondNode).toMatchObject({ generation: 2, cohorts: 1, participants: 3, status: 'enrolled' });

    const next = await get(`/trainers/${second}`).expect(200);
    expect(next.body.trainer.generation).toBe(2);
    expect(ids(next.body)).toEqual([cohort2]);
    expect(next.body.items[0].byStatus).toEqual({ enrolled: 2, active: 0, completed: 0, withdrawn: 1 });

    const deeper = await get(`/cohorts/${cohort2}/participants`).expect(200);
    const generation = new Map(
      deeper.body.items.map((p: { personId: string; generation: number }) => [p.personId, p.generation]),
    );
    expect(generation.get(third)).toBe(3);
    expect(generation.get(master)).toBe(1);
    const leaf = await get(`/cohorts/${cohort3}/participants`).expect(200);
    expect(leaf.body.items).toEqual([
      expect.objectContaining({ generation: 4, cohorts: 0, participants: 0 }),
    ]);
  });

  it('pages every level with a maximum page size', async () => {
    const page = await get(`/cohorts/${cohort2}/participants?limit=1&offset=1`).expect(200);
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.body.items).toHaveLength(1);
    await get(`/cohorts/${cohort2}/participants?limit=501`).expect(400);
  });

  it('shows a master teacher their own branch in full and only the line above it', async () => {
    const token = await t.tokenFor('master_teacher', second);
    expect(ids((await get('', token).expect(200)).body)).toEqual([master]);
    expect(ids((await get(`/trainers/${master}`, token).expect(200)).body)).toEqual([cohort1]);
    // Above their branch: the line only, not their fellow participants.
    expect(ids((await get(`/cohorts/${cohort1}/participants`, token).expect(200)).body)).toEqual([second]);
    expect((await get(`/cohorts/${cohort2}/participants`, token).expect(200)).body.total).toBe(3);
    await get(`/trainers/${third}`, token).expect(200);

    const outsider = await t.tokenFor('master_teacher', third);
    await get(`/cohorts/${cohort1}/participants`, outsider).expect(200);
    const both = (await get(`/cohorts/${cohort1}/participants`).expect(200)).body.items.find(
      (p: { fullName: string }) => p.fullName === 'In Both',
    );
    const stranger = await t.tokenFor('master_teacher', both.personId);
    await get(`/trainers/${third}`, stranger).expect(403);
    await get(`/cohorts/${cohort3}/participants`, stranger).expect(403);
  });

  describe('search', () => {
    const search = (q: string, token = staff, extra = '') =>
      get(`/search?q=${encodeURIComponent(q)}${extra}`, token).expect(200);
    const hits = (body: { items: Array<{ fullName: string; path: string[] | null }> }) =>
      body.items.map((h) => [h.fullName, h.path]);
    let both: string;
    let fourth: string;
    beforeAll(async () => {
      const [row] = await t.db.query(`SELECT id FROM people WHERE full_name = 'In Both'`);
      both = row.id;
      const [leaf] = await t.db.query(`SELECT id FROM people WHERE full_name = 'Fourth Generation'`);
      fourth = leaf.id;
    });

    it('finds people by part of the name, any letter case, with the nodes to open from their master teacher', async () => {
      const res = await search('GENERATION');
      expect(res.body).toMatchObject({ total: 3, limit: 50, offset: 0 });
      expect(hits(res.body)).toEqual([
        ['Fourth Generation', [master, cohort1, second, cohort2, third, cohort3, fourth]],
        ['Second Generation', [master, cohort1, second]],
        ['Third Generation', [master, cohort1, second, cohort2, third]],
      ]);
      expect(res.body.items.map((h: { generation: number }) => h.generation)).toEqual([4, 2, 3]);
      // In two cohorts: the way through the lead trainer of the lowest generation.
      expect(hits((await search('in both')).body)).toEqual([['In Both', [master, cohort1, both]]]);
    });

    it('finds by email, pages on the server, and refuses a query under two characters', async () => {
      const [{ email }] = await t.db.query(`SELECT email FROM people WHERE id = $1`, [master]);
      expect(hits((await search(email)).body)).toEqual([[expect.any(String), [master]]]);
      const page = await search('generation', staff, '&limit=1&offset=1');
      expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
      expect(hits(page.body)).toEqual([['Second Generation', [master, cohort1, second]]]);
      await get('/search?q=g').expect(400);
      await get('/search').expect(400);
      expect((await search('%%')).body.total).toBe(0);
    });

    it('shows a master teacher only the people of their own branch, by a way through it', async () => {
      const token = await t.tokenFor('master_teacher', second);
      expect(hits((await search('generation', token)).body).map(([name]) => name)).toEqual([
        'Fourth Generation',
        'Second Generation',
        'Third Generation',
      ]);
      // Also in `second`'s cohort2: the way runs through their branch.
      expect(hits((await search('in both', token)).body)).toEqual([
        ['In Both', [master, cohort1, second, cohort2, both]],
      ]);
      const outsider = await t.tokenFor('master_teacher', third);
      const res = await search('generation', outsider);
      expect(res.body.total).toBe(2);
      expect(hits(res.body).map(([name]) => name)).toEqual(['Fourth Generation', 'Third Generation']);
      expect((await search('second', outsider)).body.total).toBe(0);
      await search('generation', await t.tokenFor('viewer'));
    });
  });

  it('lets a viewer read the tree and answers 404 for an unknown programme, trainer or cohort', async () => {
    const viewer = await t.tokenFor('viewer');
    await get('', viewer).expect(200);
    const unknown = '7d1e7c1a-1111-4111-8111-111111111111';
    await t.http
      .get(`/api/v1/programmes/${unknown}/cascade`)
      .set('Authorization', `Bearer ${viewer}`)
      .expect(404);
    await get(`/trainers/${unknown}`, viewer).expect(404);
    await get(`/cohorts/${unknown}/participants`, viewer).expect(404);
  });
});
