import { getQueueToken } from '@nestjs/bullmq';
import { Job, Queue, Worker } from 'bullmq';
import { randomUUID } from 'crypto';
import { ReportGenerator, ReportQueue, ReportsProcessor } from '@cascade/reports';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { buildReportFixture, ReportFixture } from './reports-fixture';

describe('reports: a request whose run died is produced again, a live one is left alone', () => {
  let t: TestApp;
  let f: ReportFixture;
  let exports: Queue;
  let userId: string;
  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp({ worker: true });
    f = await buildReportFixture(t.db);
    exports = t.app.get<Queue>(getQueueToken('exports'));
    [{ id: userId }] = await t.db.query(`SELECT id FROM users LIMIT 1`);
  });
  afterAll(() => t.close());

  /** A request left running by a run that last beat `beatAgo` ago. */
  async function runningRequest(beatAgo: string): Promise<string> {
    const [{ id }] = await t.db.query(
      `INSERT INTO report_requests (requested_by, programme_id, kind, format, language, params, status,
                                    run_id, started_at, heartbeat_at, created_at)
       VALUES ($1, $2, 'cohort-roster', 'csv', 'en', '{}', 'running', $3, now() - $4::interval,
               now() - $4::interval, now() - interval '1 hour')
       RETURNING id`,
      [userId, f.programmeId, randomUUID(), beatAgo],
    );
    return id as string;
  }

  /**
   * Drives a report job to BullMQ's failed set for good, as a stall past the limit or the last
   * attempt would: the app's worker is paused and a bare worker takes the job and fails it.
   */
  async function failJobForGood(reportId: string): Promise<Job> {
    const appWorker = t.app.get(ReportsProcessor).worker;
    // Waiting for its current jobs also ends its blocking fetch, so it cannot take the job below.
    await appWorker.pause();
    const bare = new Worker('exports', null, {
      connection: exports.opts.connection,
      prefix: exports.opts.prefix,
      autorun: false,
    });
    try {
      // The job exactly as the API enqueues it (its id, its de-duplication).
      await t.app.get(ReportQueue).enqueue(reportId);
      const token = randomUUID();
      const deadline = Date.now() + 10_000;
      let job: Job | undefined;
      while (!job && Date.now() < deadline) job = await bare.getNextJob(token, { block: false });
      expect(job?.data).toEqual({ reportId });
      // No attempts left, as after the last one.
      job!.discard();
      await job!.moveToFailed(new Error('job stalled more than allowable limit'), token);
      await expect(job!.getState()).resolves.toBe('failed');
      return job!;
    } finally {
      await bare.close();
      appWorker.resume();
    }
  }

  async function waitForStatus(id: string, status: string, deadlineMs = 20_000): Promise<string> {
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      const [row] = await t.db.query(`SELECT status FROM report_requests WHERE id = $1`, [id]);
      if (row.status === status || Date.now() > deadline) return row.status as string;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function runCleanup(): Promise<{ requeued: number }> {
    const job = await exports.add('cleanup', {});
    const deadline = Date.now() + 20_000;
    while ((await job.getState()) !== 'completed' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    return (await Job.fromId(exports, job.id!))!.returnvalue as { requeued: number };
  }

  it('produces a stale running report whose job BullMQ failed for good, once the cleanup runs', async () => {
    const id = await runningRequest('10 minutes');
    await failJobForGood(id);
    await expect(runCleanup()).resolves.toMatchObject({ requeued: 1 });
    await expect(waitForStatus(id, 'done')).resolves.toBe('done');
    const [row] = await t.db.query(
      `SELECT row_count::int AS row_count, run_id, progress FROM report_requests WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ row_count: 5, run_id: null, progress: 100 });
  });

  it('leaves a running report whose run still beats alone, and its job writes nothing over it', async () => {
    const id = await runningRequest('5 seconds');
    const [{ run_id: liveRun }] = await t.db.query(`SELECT run_id FROM report_requests WHERE id = $1`, [id]);
    await expect(runCleanup()).resolves.toMatchObject({ requeued: 0 });
    await expect(t.app.get(ReportGenerator).generate(id, async () => undefined)).resolves.toMatchObject({
      status: 'skipped',
    });
    const [row] = await t.db.query(`SELECT status, run_id, file_path FROM report_requests WHERE id = $1`, [
      id,
    ]);
    expect(row).toEqual({ status: 'running', run_id: liveRun, file_path: null });
  });

  it('takes over a running request whose run stopped beating, and skips it once done', async () => {
    const id = await runningRequest('10 minutes');
    const generator = t.app.get(ReportGenerator);
    await expect(generator.generate(id, async () => undefined)).resolves.toMatchObject({ status: 'done' });
    const [row] = await t.db.query(
      `SELECT status, row_count::int AS row_count, run_id FROM report_requests WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ status: 'done', row_count: 5, run_id: null });
    await expect(generator.generate(id, async () => undefined)).resolves.toMatchObject({ status: 'skipped' });
  });
});
