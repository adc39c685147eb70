import { getQueueToken } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Client } from 'pg';
import { StatsTrigger } from '@cascade/platform';
import { LOCK_SQL } from '../libs/stats/src/rollup/snapshots.sql';
import { buildReportFixture, ReportFixture } from './reports-fixture';
import { requestReport, waitForReport } from './reports-helpers';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { RedisServer, waitFor, WorkerProcess } from './support/services';
import {
  figuresState,
  nonJsonLines,
  rollupWaitsForLock,
  startWorker as startHelper,
  WORKER_START_MS,
} from './faults-helpers';
import { TEST_DATABASE_URL } from './support/test-env';

/** The bound: a killed job is picked up again within 30 s of a worker being available. */
const RECOVERY_MS = 30_000;

describe('faults: a worker killed with -9', () => {
  let redis: RedisServer;
  let t: TestApp;
  let f: ReportFixture;
  let token: string;
  let reportsDir: string;
  const workers: WorkerProcess[] = [];
  const saved = { REDIS_URL: process.env.REDIS_URL, REPORTS_DIR: process.env.REPORTS_DIR };

  const startWorker = () => startHelper(t, workers);

  beforeAll(async () => {
    await resetDatabase();
    redis = await RedisServer.start();
    reportsDir = mkdtempSync(join(tmpdir(), 'cascade-faults-reports-'));
    process.env.REDIS_URL = redis.url;
    process.env.REPORTS_DIR = reportsDir;
    t = await createTestApp();
    f = await buildReportFixture(t.db);
    token = await t.tokenFor('coordinator');
  }, 180_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill()));
    await t?.close();
    await redis?.stop();
    rmSync(reportsDir, { recursive: true, force: true });
    Object.assign(process.env, saved);
  });

  const figures = () => figuresState(t.db, f.programmeId);

  it('runs a rollup killed while it ran again, once, within 30 s of a worker being available', async () => {
    const trigger = t.app.get(StatsTrigger);
    const stats = t.app.get<Queue>(getQueueToken('stats'));
    const first = await startWorker();
    // Its start-up sweep rolls the new programme up; what follows is a write of its own.
    await waitFor('the first snapshot', async () => (await figures()).rolled > 0, RECOVERY_MS);

    // Another session holds the programme's rollup lock: the job stays active in the worker.
    const holder = new Client({ connectionString: TEST_DATABASE_URL });
    await holder.connect();
    let jobId: string;
    let dirty: number;
    try {
      await holder.query(LOCK_SQL, [f.programmeId]);
      await t.db.transaction((tx) => trigger.markDirty(tx, f.programmeId));
      ({ dirty } = await figures());
      jobId = (await trigger.requestRollup(f.programmeId))!;
      await waitFor(
        'the rollup waits for its lock',
        () => rollupWaitsForLock(t.db, stats, jobId),
        RECOVERY_MS,
      );
      await first.kill();
    } finally {
      await holder.end();
    }

    await startWorker();
    const available = Date.now();
    await waitFor(
      'the figures include the write',
      async () => (await figures()).rolled >= dirty,
      RECOVERY_MS,
    );
    const recoveredMs = Date.now() - available;
    const job = (await Job.fromId(stats, jobId))!;
    await expect(job.getState()).resolves.toBe('completed');
    expect(job.returnvalue).toMatchObject({ programmeId: f.programmeId, dirtyVersion: dirty });
    process.stdout.write(`faults: killed rollup completed ${recoveredMs} ms after a worker was available\n`);
  }, 180_000);

  it('produces a report killed mid-export once, within 30 s, and leaves no temp file', async () => {
    const [running] = workers.slice(-1);
    // The roster's rows wait for this lock, after the run claimed the request and opened its file.
    const holder = new Client({ connectionString: TEST_DATABASE_URL });
    await holder.connect();
    let id: string;
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE ai_adoptions IN ACCESS EXCLUSIVE MODE');
      id = await requestReport(t, token, {
        programmeId: f.programmeId,
        kind: 'cohort-roster',
        format: 'xlsx',
        language: 'mn',
      });
      await waitFor(
        'the export has its temp file',
        async () => readdirSync(reportsDir).some((n) => n.endsWith('.part')),
        WORKER_START_MS,
      );
      await running.kill();
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }

    await startWorker();
    const available = Date.now();
    const state = await waitForReport(t, token, id, RECOVERY_MS);
    const recoveredMs = Date.now() - available;
    expect(state).toMatchObject({ status: 'done', rowCount: 5 });
    expect(readdirSync(reportsDir).filter((n) => n.startsWith(`.${id}`) || n.startsWith(id))).toEqual([
      `${id}.xlsx`,
    ]);
    const jobs = (await t.app.get<Queue>(getQueueToken('exports')).getJobs(['completed'])).filter(
      (job) => job.name === 'report' && job.data.reportId === id,
    );
    expect(jobs.map((job) => (job.returnvalue as { status: string }).status)).toEqual(['done']);
    process.stdout.write(`faults: killed export completed ${recoveredMs} ms after a worker was available\n`);
  }, 180_000);

  it('lets two workers run the same queues without producing any report twice', async () => {
    await startWorker(); // two live workers now
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      ids.push(
        await requestReport(t, token, {
          programmeId: f.programmeId,
          kind: 'cohort-roster',
          format: 'csv',
          language: i % 2 ? 'en' : 'mn',
        }),
      );
    }
    for (const id of ids)
      await expect(waitForReport(t, token, id, 60_000)).resolves.toMatchObject({ status: 'done' });

    const exports = t.app.get<Queue>(getQueueToken('exports'));
    const done = (await exports.getJobs(['completed', 'failed']))
      .filter((job: Job) => job.name === 'report' && ids.includes(job.data.reportId))
      .filter((job: Job) => (job.returnvalue as { status?: string } | null)?.status === 'done');
    expect(done.map((job) => job.data.reportId).sort()).toEqual([...ids].sort());
    expect(done.every((job) => job.attemptsMade === 1)).toBe(true);
    expect(readdirSync(reportsDir).filter((n) => n.endsWith('.part'))).toEqual([]);
  }, 180_000);

  it('keeps every line the workers wrote a JSON log record', () => {
    expect(workers.flatMap((w) => w.lines).length).toBeGreaterThan(0);
    expect(nonJsonLines(workers)).toEqual([]);
  }, 180_000);
});
