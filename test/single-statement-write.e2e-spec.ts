import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { QueryFailedError } from 'typeorm';
import { preparedRows, SingleStatementWrite, StatementWrite } from '@cascade/platform';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeCohort, makeMasterTeacher, makeProgramme, makeRound } from './support/factories';
import { waitFor } from './support/wait';

describe('SingleStatementWrite: a write that is one statement, committed as its own transaction', () => {
  let t: TestApp;
  let writes: SingleStatementWrite;
  let stats: Queue;
  let programmeId: string;
  let cohortId: string;

  /** Renames the cohort if `goesAhead`; answers its id. */
  const rename = (name: string, goesAhead: boolean): StatementWrite => ({
    ctes: `renamed AS (UPDATE cohorts SET name = $2 WHERE id = $1 AND $3::boolean RETURNING id)`,
    select: 'SELECT id FROM renamed',
    goesAhead: '$3::boolean',
    params: [cohortId, name, goesAhead],
  });
  const cohortName = async () =>
    ((await t.db.query(`SELECT name FROM cohorts WHERE id = $1`, [cohortId])) as { name: string }[])[0].name;
  const marks = async () =>
    (
      (await t.db.query(
        `SELECT count(*)::int AS n FROM figures_dirty_marks WHERE programme_id = $1 AND consumer = 'rollup'`,
        [programmeId],
      )) as { n: number }[]
    )[0].n;
  const auditEvents = async () =>
    ((await t.db.query(`SELECT count(*)::int AS n FROM audit_events`)) as { n: number }[])[0].n;

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    writes = t.app.get(SingleStatementWrite);
    stats = t.app.get<Queue>(getQueueToken('stats'));
    const programme = await makeProgramme(t.db);
    programmeId = programme.programmeId;
    cohortId = await makeCohort(t.db, {
      programmeId,
      roundId: await makeRound(t.db, programmeId),
      leadTrainerId: await makeMasterTeacher(t.db, programmeId),
      courseIds: programme.coreCourseIds,
    });
  });
  afterAll(() => t.close());

  it('answers the rows, and requests the rollup of what its triggers marked once it has committed', async () => {
    await stats.removeDeduplicationKey(`rollup-${programmeId}`);
    const [marksBefore, eventsBefore] = [await marks(), await auditEvents()];
    await expect(writes.run<{ id: string }>(rename('Renamed in one statement', true))).resolves.toEqual([
      { id: cohortId, auditEventId: null, auditEntityId: null, written: true },
    ]);
    expect(await cohortName()).toBe('Renamed in one statement');
    expect(await marks()).toBe(marksBefore + 1);
    await waitFor(
      'the rollup request',
      async () => (await stats.getDeduplicationJobId(`rollup-${programmeId}`)) ?? undefined,
      5_000,
      10,
    );
    // Outside a write request there is no request event to write.
    expect(await auditEvents()).toBe(eventsBefore);
  });

  it('answers null and writes nothing when the write does not go ahead', async () => {
    const [name, marksBefore] = [await cohortName(), await marks()];
    await expect(writes.run(rename('Never stored', false))).resolves.toBeNull();
    expect(await cohortName()).toBe(name);
    expect(await marks()).toBe(marksBefore);
  });

  it('prepares its statement (preparedRows): parsed once per connection, the same answers on every run', async () => {
    const runner = t.db.createQueryRunner();
    try {
      const sql = `SELECT id FROM cohorts WHERE id = $1 AND $2::int > 0`;
      // Past the fifth run PostgreSQL may plan once for all parameters: the answers must not change.
      for (let run = 0; run < 8; run++) {
        const rows = await preparedRows<{ id: string }>(runner, sql, [cohortId, run % 2]);
        expect(rows).toEqual(run % 2 ? [{ id: cohortId }] : []);
      }
      const prepared = (await runner.query(
        `SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1`,
        [sql],
      )) as { n: number }[];
      expect(prepared[0].n).toBe(1);
    } finally {
      await runner.release();
    }
  });

  it("fails as TypeORM's query does, so the error filter reads PostgreSQL's code", async () => {
    const failure = await preparedRows(t.db, 'SELECT 1 / $1::int', [0]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('22012');
  });
});
