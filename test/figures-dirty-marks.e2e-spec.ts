import { Client } from 'pg';
import { CertificationEvaluator } from '@cascade/cascade';
import { RollupService } from '@cascade/stats';
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
import { TEST_DATABASE_URL } from './support/test-env';

const original = Client.prototype.query;

describe('figures dirty marks: one commit per write, no row every writer of a programme waits on', () => {
  let t: TestApp;
  let programmeId: string;
  let assignmentId: string;
  let mentorToken: string;
  let viewer: string;
  let rollups: RollupService;

  const pending = async (consumer: 'rollup' | 'certification') =>
    (
      (await t.db.query(`SELECT figures_marks_pending($1, $2) AS p`, [programmeId, consumer])) as {
        p: boolean;
      }[]
    )[0].p;
  const stale = async () =>
    (
      await t.http
        .get(`/api/v1/programmes/${programmeId}/stats`)
        .set('Authorization', `Bearer ${viewer}`)
        .expect(200)
    ).body.stale as boolean;
  const mark = (pg: Client) => pg.query(`SELECT mark_figures_dirty(ARRAY[$1]::uuid[])`, [programmeId]);
  const connect = async () => {
    const pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    return pg;
  };

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    rollups = new RollupService(t.db);
    const programme = await makeProgramme(t.db);
    programmeId = programme.programmeId;
    const mentor = await makeMasterTeacher(t.db, programmeId);
    const cohortId = await makeCohort(t.db, {
      programmeId,
      roundId: await makeRound(t.db, programmeId, 1),
      leadTrainerId: mentor,
      courseIds: programme.coreCourseIds,
    });
    const mentee = await makePerson(t.db);
    await makeEnrolment(t.db, cohortId, mentee);
    [{ id: assignmentId }] = await t.db.query(
      `INSERT INTO mentoring_assignments (programme_id, mentor_id, mentee_id, starts_on)
       VALUES ($1, $2, $3, '2025-01-01') RETURNING id`,
      [programmeId, mentor, mentee],
    );
    mentorToken = await t.tokenFor('master_teacher', mentor);
    viewer = await t.tokenFor('viewer');
  });
  afterAll(() => t.close());

  it('commits a single-session write in exactly one transaction, with its audit event and marks', async () => {
    // Every statement the app sends to PostgreSQL during the request, through TypeORM or prepared.
    const statements: string[] = [];
    const spy = jest.spyOn(Client.prototype, 'query');
    spy.mockImplementation(function (this: Client, ...args: unknown[]) {
      const [query] = args as [string | { text: string }];
      statements.push((typeof query === 'string' ? query : query.text).trim());
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original);
    let response;
    try {
      response = await t.http
        .post(`/api/v1/mentoring/assignments/${assignmentId}/sessions`)
        .set('Authorization', `Bearer ${mentorToken}`)
        .send({
          clientRef: 'one-commit',
          occurredAt: '2025-06-01T10:00:00+08:00',
          durationMinutes: 45,
          mode: 'online',
        })
        .expect(201);
    } finally {
      spy.mockRestore();
    }
    // One statement writes: the session, its audit event and the figures marks, in the transaction
    // PostgreSQL gives a lone statement (no START TRANSACTION and COMMIT round trips).
    const writes = statements.filter((sql) => !/^SELECT\b/i.test(sql));
    expect(writes.map((sql) => sql.slice(0, 16))).toEqual(['WITH locked AS (']);
    const rows = (await t.db.query(
      `SELECT (SELECT xmin::text FROM mentoring_sessions WHERE id = $1) AS session,
              (SELECT xmin::text FROM audit_events WHERE entity_id = $1::text) AS audit,
              (SELECT count(*)::int FROM figures_dirty_marks m WHERE m.xmin::text =
                 (SELECT xmin::text FROM mentoring_sessions WHERE id = $1)) AS marks`,
      [response.body.id],
    )) as { session: string; audit: string; marks: number }[];
    expect(rows[0].audit).toBe(rows[0].session);
    expect(rows[0].marks).toBe(2); // one for the rollup, one for the certification sweep
  });

  it('lets two transactions mark the same programme at once: the second does not wait for the first', async () => {
    const [first, second] = [await connect(), await connect()];
    try {
      await first.query('BEGIN');
      await mark(first);
      await second.query('BEGIN');
      // A counter row per programme would make this wait until `first` ends: fail fast instead.
      await second.query(`SET LOCAL lock_timeout = '2s'`);
      await expect(mark(second)).resolves.toBeDefined();
      await second.query('COMMIT');
      await first.query('COMMIT');
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });

  it('takes a mark committed after a higher one in the next rollup: stale and due until then', async () => {
    await rollups.rollup(programmeId);
    const [early, late] = [await connect(), await connect()];
    try {
      await early.query('BEGIN');
      await mark(early); // the lower ids, committed last
      await mark(late);
      const first = await rollups.rollup(programmeId);
      expect(first).toMatchObject({ behind: false });
      await early.query('COMMIT');

      await expect(pending('rollup')).resolves.toBe(true);
      await expect(stale()).resolves.toBe(true);
      const due = (await t.db.query(
        `SELECT p.id FROM programmes p WHERE figures_marks_pending(p.id, 'rollup')`,
      )) as { id: string }[];
      expect(due.map((r) => r.id)).toContain(programmeId);

      const second = await rollups.rollup(programmeId);
      expect(second).toMatchObject({ behind: false, dirtyVersion: first!.dirtyVersion });
      await expect(pending('rollup')).resolves.toBe(false);
      await expect(stale()).resolves.toBe(false);
    } finally {
      await early.query('ROLLBACK').catch(() => undefined);
      await Promise.all([early.end(), late.end()]);
    }
  });

  it('keeps the certification sweep’s marks apart from the rollup’s: each consumer takes only its own', async () => {
    const pg = await connect();
    try {
      await mark(pg);
    } finally {
      await pg.end();
    }
    await rollups.rollup(programmeId);
    await expect(pending('rollup')).resolves.toBe(false);
    await expect(pending('certification')).resolves.toBe(true);
    await t.app.get(CertificationEvaluator).evaluate(programmeId);
    await expect(pending('certification')).resolves.toBe(false);
  });

  it('names the people whose records a write changed, and none for a change of structure', async () => {
    await rollups.rollup(programmeId);
    const marked = async (consumer: 'rollup' | 'certification' = 'rollup') =>
      (
        (await t.db.query(
          `SELECT person_ids FROM figures_dirty_marks WHERE programme_id = $1 AND consumer = $2 ORDER BY id`,
          [programmeId, consumer],
        )) as { person_ids: string[] | null }[]
      ).map((m) => m.person_ids);
    const [{ mentee }] = (await t.db.query(
      `SELECT mentee_id AS mentee FROM mentoring_assignments WHERE id = $1`,
      [assignmentId],
    )) as { mentee: string }[];
    await t.db.query(`UPDATE enrolments SET status = 'active' WHERE person_id = $1`, [mentee]);
    expect(await marked()).toEqual([[mentee]]);
    // The certification's marks name them too: its evaluation takes them and evaluates those people.
    expect((await marked('certification')).at(-1)).toEqual([mentee]);
    await t.db.query(`UPDATE cohorts SET capacity = capacity + 1 WHERE programme_id = $1`, [programmeId]);
    expect(await marked()).toEqual([[mentee], null]);
    // A new pass mark changes the certification rule: a change of structure (a whole evaluation).
    const certificationMarks = (await marked('certification')).length;
    await t.db.query(`UPDATE programmes SET pass_mark = pass_mark + 1 WHERE id = $1`, [programmeId]);
    expect((await marked('certification')).slice(certificationMarks)).toEqual([null]);
    expect(await rollups.rollup(programmeId)).toMatchObject({ mode: 'full' });
    await t.db.query(`UPDATE enrolments SET status = 'enrolled' WHERE person_id = $1`, [mentee]);
    expect(await rollups.rollup(programmeId)).toMatchObject({ mode: 'incremental' });
  });
});
