import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { PERIODIC_JOBS, StatsTrigger } from '@cascade/platform';
import { LOCK_SQL } from '../libs/stats/src/rollup/snapshots.sql';
import {
  figuresState,
  hasSnapshot,
  nonJsonLines,
  rollupWaitsForLock,
  startWorkers,
  WORKER_START_MS,
} from './faults-helpers';
import { buildReportFixture, ReportFixture } from './reports-fixture';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makePerson } from './support/factories';
import { RedisServer, WorkerProcess } from './support/services';
import { waitFor } from './support/wait';
import { TEST_DATABASE_URL } from './support/test-env';

/** The bound: dirty figures are rolled up within 15 s of Redis being back. */
const FRESH_WITHIN_MS = 15_000;
/** A write that waited for Redis would wait for the whole outage; a prompt one answers well within this. */
const PROMPT_MS = 5_000;

describe('faults: Redis flushed or stopped under a running API and worker', () => {
  let redis: RedisServer;
  let t: TestApp;
  let f: ReportFixture;
  let token: string;
  const workers: WorkerProcess[] = [];
  const savedUrl = process.env.REDIS_URL;
  const figures = () => figuresState(t.db, f.programmeId);
  const queue = (name: string) => t.app.get<Queue>(getQueueToken(name));

  beforeAll(async () => {
    await resetDatabase();
    redis = await RedisServer.start();
    process.env.REDIS_URL = redis.url;
    t = await createTestApp();
    f = await buildReportFixture(t.db);
    token = await t.tokenFor('coordinator');
    await startWorkers(t, workers);
    await waitFor('the first snapshot', () => hasSnapshot(t.db, f.programmeId), WORKER_START_MS);
  }, 2 * WORKER_START_MS);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill()));
    await t?.close();
    await redis?.stop();
    process.env.REDIS_URL = savedUrl;
  });

  it('keeps logging JSON when FLUSHALL takes a rollup away while it runs', async () => {
    const trigger = t.app.get(StatsTrigger);
    const holder = new Client({ connectionString: TEST_DATABASE_URL });
    await holder.connect();
    try {
      await holder.query(LOCK_SQL, [f.programmeId]);
      const jobId = (await trigger.requestRollup(f.programmeId))!;
      await waitFor(
        'the rollup runs',
        () => rollupWaitsForLock(t.db, queue('stats'), jobId),
        WORKER_START_MS,
      );
      await redis.flushAll();
    } finally {
      await holder.end();
    }
    const [worker] = workers;
    await waitFor(
      'the worker logs the job it lost',
      async () => worker.lines.some((line) => /stats worker: .*(Missing|lock)/i.test(line)),
      FRESH_WITHIN_MS,
    );
    expect(nonJsonLines(workers)).toEqual([]);
  }, 120_000);

  it('puts the safety-net schedules back after FLUSHALL and rolls dirty figures up within 15 s', async () => {
    // A committed write whose rollup job Redis then loses.
    await t.db.query(`SELECT mark_figures_dirty(ARRAY[$1]::uuid[])`, [f.programmeId]);
    const { dirty } = await figures();
    await redis.flushAll();
    const flushed = Date.now();

    await waitFor(
      'every schedule is back',
      async () => {
        for (const { queue: name, job } of PERIODIC_JOBS)
          if (!(await queue(name).getJobScheduler(`${name}-${job}`))) return false;
        return true;
      },
      FRESH_WITHIN_MS,
    );
    await waitFor(
      'the figures include the write',
      async () => (await figures()).rolled >= dirty,
      FRESH_WITHIN_MS - (Date.now() - flushed),
    );
    process.stdout.write(`faults: figures fresh ${Date.now() - flushed} ms after FLUSHALL\n`);
  }, 120_000);

  it('answers every write while Redis is down, says so in health, and converges once Redis is back', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const before = await t.http.get(`/api/v1/programmes/${f.programmeId}/stats`).set(auth).expect(200);
    const people = [];
    for (let i = 0; i < 6; i += 1) people.push(await makePerson(t.db));

    await redis.stop();
    for (const personId of people) {
      const res = await t.http
        .post(`/api/v1/cohorts/${f.cohortB}/enrolments`)
        .set(auth)
        .send({ personId })
        .timeout(PROMPT_MS);
      expect(res.status).toBe(201);
    }
    const health = await t.http.get('/api/health').expect(503);
    expect(health.body.message).toMatch(/^redis: down/);
    expect(health.headers['retry-after']).toBeDefined();
    const { dirty } = await figures();

    await redis.start(); // empty: whatever it carried is gone
    const back = Date.now();
    await waitFor(
      'the figures include the writes',
      async () => (await figures()).rolled >= dirty,
      FRESH_WITHIN_MS,
    );
    process.stdout.write(`faults: figures fresh ${Date.now() - back} ms after Redis came back\n`);
    const after = await t.http.get(`/api/v1/programmes/${f.programmeId}/stats`).set(auth).expect(200);
    expect(after.body.participants).toBe(before.body.participants + people.length);
    // The worker's lost connections were logged as JSON records too.
    expect(nonJsonLines(workers)).toEqual([]);
  }, 120_000);
});
