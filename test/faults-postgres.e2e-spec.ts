import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Job, Queue } from 'bullmq';
import { migrateDatabase, StatsTrigger } from '@cascade/platform';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { figuresState, hasSnapshot } from './faults-helpers';
import { buildReportFixture, ReportFixture } from './reports-fixture';
import { createTestApp, TestApp } from './support/app';
import { PostgresServer, RedisServer } from './support/services';
import { waitFor } from './support/wait';

/** The outage the issue asks the suite to survive. */
const OUTAGE_MS = 60_000;
/** A request that waited for PostgreSQL would wait for the whole outage; a prompt 503 comes well within this. */
const PROMPT_MS = 10_000;
/** After PostgreSQL is back: the API within a pool reconnect, the rollup within one capped backoff (15 s). */
const RECOVERY_MS = 45_000;

describe('faults: PostgreSQL stopped for a minute under a running API and worker', () => {
  let postgres: PostgresServer;
  let redis: RedisServer;
  let t: TestApp;
  let worker: INestApplicationContext;
  let f: ReportFixture;
  let token: string;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL };
  const figures = () => figuresState(t.db, f.programmeId);

  beforeAll(async () => {
    postgres = await PostgresServer.start();
    await migrateDatabase(postgres.url);
    redis = await RedisServer.start();
    Object.assign(process.env, { DATABASE_URL: postgres.url, REDIS_URL: redis.url });
    t = await createTestApp();
    f = await buildReportFixture(t.db);
    token = await t.tokenFor('coordinator');
    // Its start-up sweep rolls the programme up.
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    await waitFor('the first snapshot', () => hasSnapshot(t.db, f.programmeId), RECOVERY_MS);
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await redis?.stop();
    await postgres?.remove();
    Object.assign(process.env, saved);
  }, 180_000);

  it('answers 503 with Retry-After while it is down, then recovers without a restart and rolls up what was queued', async () => {
    const trigger = t.app.get(StatsTrigger);
    const auth = { Authorization: `Bearer ${token}` };
    await t.db.query(`SELECT mark_figures_dirty(ARRAY[$1]::uuid[])`, [f.programmeId]);
    const { dirty } = await figures();

    await postgres.stop();
    const stopped = Date.now();
    // Queued during the outage: every attempt fails until PostgreSQL is back.
    const jobId = (await trigger.requestRollup(f.programmeId))!;
    expect(jobId).toBeDefined();
    const statuses: number[] = [];
    while (Date.now() - stopped < OUTAGE_MS) {
      const res = await t.http.get(`/api/v1/programmes/${f.programmeId}/stats`).set(auth).timeout(PROMPT_MS);
      expect({ status: res.status, retryAfter: res.headers['retry-after'] }).toEqual({
        status: 503,
        retryAfter: '5',
      });
      statuses.push(res.status);
      // The outage itself: a request every two seconds for its whole length.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    const health = await t.http.get('/api/health').timeout(PROMPT_MS).expect(503);
    expect(health.body.message).toMatch(/^postgres: down/);
    expect(health.headers['retry-after']).toBe('5');

    await postgres.start();
    const back = Date.now();
    await waitFor(
      'the API answers again',
      async () => (await t.http.get(`/api/v1/programmes/${f.programmeId}/stats`).set(auth)).status === 200,
      RECOVERY_MS,
    );
    const apiBackMs = Date.now() - back;
    await waitFor(
      'the figures include the write',
      async () => (await figures()).rolled >= dirty,
      RECOVERY_MS,
    );
    const freshMs = Date.now() - back;

    const job = (await Job.fromId(worker.get<Queue>(getQueueToken('stats'), { strict: false }), jobId))!;
    await expect(job.getState()).resolves.toBe('completed');
    // It failed during the outage, each time with the error that broke it.
    expect(job.stacktrace?.length).toBeGreaterThan(0);
    expect((job.stacktrace ?? []).join('\n')).not.toMatch(/already released/);
    process.stdout.write(
      `faults: PostgreSQL down ${OUTAGE_MS} ms (${statuses.length} requests, all 503); API back ${apiBackMs} ms and figures fresh ${freshMs} ms after it returned (${job.attemptsMade} attempts)\n`,
    );
  }, 180_000);
});
