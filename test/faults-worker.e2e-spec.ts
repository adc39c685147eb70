import { getQueueToken } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Client } from 'pg';
import { StatsTrigger } from '@cascade/platform';
import { LOCK_SQL } from '../libs/stats/src/rollup/snapshots.sql';
import {
  figuresState,
  hasSnapshot,
  holderOf,
  nonJsonLines,
  rollupWaitsForLock,
  startWorkers,
  WORKER_START_MS,
} from './faults-helpers';
import { buildReportFixture, ReportFixture } from './reports-fixture';
import { requestReport, waitForReport } from './reports-helpers';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { RedisServer, WorkerProcess } from './support/services';
import { waitFor } from './support/wait';
import { TEST_DATABASE_URL } from './support/test-env';

/** The bound: a killed job is picked up again within 30 s of a worker being available. */
const RECOVERY_MS = 30_000;

/** Three workers on the same queues; two of them are killed with -9, one test at a time. */
describe('faults: several workers, and a worker killed with -9', () => {
  let redis: RedisServer;
  let t: TestApp;
  let f: ReportFixture;
  let token: string;
  let reportsDir: string;
  const workers: WorkerProcess[] = [];
  const saved = { REDIS_URL: process.env.REDIS_URL, REPORTS_DIR: process.env.REPORTS_DIR };
  const figures = () => figuresState(t.db, f.programmeId);
  const queue = (name: string) => t.app.get<Queue>(getQueueToken(name));

  beforeAll(async () => {
    await resetDatabase();
    redis = await RedisServer.start();
    reportsDir = mkdtempSync(join(tmpdir(), 'cascade-faults-reports-'));
    process.env.REDIS_URL = redis.url;
    process.env.REPORTS_DIR = reportsDir;
    t = await createTestApp();
    f = await buildReportFixture(t.db);
    token = await t.tokenFor('coordinator');
    await startWorkers(t, workers, 3);
    // Their start-up sweep rolls the new programme up; what follows are writes of the tests' own.
    await waitFor('the first snapshot', () => hasSnapshot(t.db, f.programmeId), WORKER_START_MS);
  }, 2 * WORKER_START_MS);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill()));
    await t?.close();
    await redis?.stop();
    rmSync(reportsDir, { recursive: true, force: true });
    Object.assign(process.env, saved);
  });

  it('lets several workers run the same queues without producing any report twice', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const body = { programmeId: f.programmeId, kind: 'cohort-roster', format: 'csv', language: 'en' };
      ids.push(await requestReport(t, token, body));
    }
    for (const id of ids)
      await expect(waitForReport(t, token, id, 60_000)).resolves.toMatchObject({ status: 'done' });

    const jobs = (await queue('exports').getJobs(['completed', 'failed'])).filter(
      (job: Job) => job.name === 'report' && ids.includes(job.data.reportId),
    );
    const produced = jobs.filter((job) => (job.returnvalue as { status?: string } | null)?.status === 'done');
    expect(produced.map((job) => job.data.reportId).sort()).toEqual([...ids].sort());
    expect(jobs.every((job) => job.attemptsMade === 1)).toBe(true);
    expect(readdirSync(reportsDir).filter((n) => n.endsWith('.part'))).toEqual([]);
  }, 120_000);

  it('runs a rollup whose worker was killed again, once, within 30 s', async () => {
    const trigger = t.app.get(StatsTrigger);
    // Another session holds the programme's rollup lock: the job stays active in its worker.
    const holder = new Client({ connectionString: TEST_DATABASE_URL });
    await holder.connect();
    let jobId: string;
    let dirty: number;
    let killed: number;
    try {
      await holder.query(LOCK_SQL, [f.programmeId]);
      await t.db.query(`SELECT mark_figures_dirty(ARRAY[$1]::uuid[])`, [f.programmeId]);
      ({ dirty } = await figures());
      jobId = (await trigger.requestRollup(f.programmeId))!;
      await waitFor('the rollup runs', () => rollupWaitsForLock(t.db, queue('stats'), jobId), RECOVERY_MS);
      await holderOf(workers, (await Job.fromId(queue('stats'), jobId))!).kill();
      killed = Date.now();
    } finally {
      await holder.end();
    }

    const job = await waitFor(
      'the rollup job completes',
      async () => {
        const current = (await Job.fromId(queue('stats'), jobId))!;
        return (await current.getState()) === 'completed' && current;
      },
      RECOVERY_MS,
    );
    const recoveredMs = Date.now() - killed;
    expect(job.returnvalue).toMatchObject({ programmeId: f.programmeId, dirtyVersion: dirty });
    expect((await figures()).rolled).toBeGreaterThanOrEqual(dirty);
    process.stdout.write(`faults: rollup of a killed worker completed ${recoveredMs} ms after the kill\n`);
  }, 120_000);

  it('produces a report whose worker was killed mid-export once, within 30 s, and leaves no temp file', async () => {
    // The roster's rows wait for this lock, after the run claimed the request and opened its file.
    const holder = new Client({ connectionString: TEST_DATABASE_URL });
    await holder.connect();
    let id: string;
    let killed: number;
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE ai_adoptions IN ACCESS EXCLUSIVE MODE');
      const body = { programmeId: f.programmeId, kind: 'cohort-roster', format: 'xlsx', language: 'mn' };
      id = await requestReport(t, token, body);
      await waitFor(
        'the export writes its temp file',
        async () => readdirSync(reportsDir).some((n) => n.startsWith(`.${id}.`)),
        RECOVERY_MS,
      );
      const [job] = (await queue('exports').getJobs(['active'])).filter((j: Job) => j.data.reportId === id);
      await holderOf(workers, job).kill();
      killed = Date.now();
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }

    const state = await waitForReport(t, token, id, RECOVERY_MS);
    const recoveredMs = Date.now() - killed;
    expect(state).toMatchObject({ status: 'done', rowCount: 5 });
    expect(readdirSync(reportsDir).filter((n) => n.includes(id))).toEqual([`${id}.xlsx`]);
    const jobs = (await queue('exports').getJobs(['completed', 'failed'])).filter(
      (job: Job) => job.name === 'report' && job.data.reportId === id,
    );
    expect(jobs.map((job) => (job.returnvalue as { status: string }).status)).toEqual(['done']);
    process.stdout.write(`faults: export of a killed worker completed ${recoveredMs} ms after the kill\n`);
  }, 120_000);

  it('keeps every line the workers wrote a JSON log record', () => {
    expect(workers.flatMap((w) => w.lines).length).toBeGreaterThan(0);
    expect(nonJsonLines(workers)).toEqual([]);
  });
});
