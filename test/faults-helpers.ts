import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { TestApp } from './support/app';
import { WorkerProcess } from './support/services';
import { waitFor } from './support/wait';

/**
 * How long worker processes may take to start (swc, Nest, BullMQ): a few seconds on an idle
 * machine, a minute when three start at once on two busy cores.
 */
export const WORKER_START_MS = 150_000;

/**
 * The programme's dirty version, and the version up to which every write is in its figures:
 * the version rolled, but below the lowest mark still pending (marks are taken as a set).
 */
export async function figuresState(
  db: DataSource,
  programmeId: string,
): Promise<{ dirty: number; rolled: number }> {
  const [row] = await db.query(
    `SELECT figures_dirty_version($1)::int AS dirty,
            least(coalesce(s.rolled_version, 0),
                  (SELECT min(m.id) - 1 FROM figures_dirty_marks m WHERE m.programme_id = $1 AND m.consumer = 'rollup'))::int AS rolled
       FROM (SELECT 1) one LEFT JOIN programme_figures_state s ON s.programme_id = $1`,
    [programmeId],
  );
  return (row as { dirty: number; rolled: number } | undefined) ?? { dirty: 0, rolled: 0 };
}

/** Starts `count` real workers as processes at once and waits until every one takes jobs. */
export async function startWorkers(
  t: TestApp,
  workers: WorkerProcess[],
  count = 1,
): Promise<WorkerProcess[]> {
  const stats = t.app.get<Queue>(getQueueToken('stats'));
  const before = (await stats.getWorkers()).length;
  const started = Array.from({ length: count }, () => WorkerProcess.start({ LOG_LEVEL: 'info' }));
  workers.push(...started);
  await waitFor(
    `${count} new worker(s) take stats jobs`,
    async () => (await stats.getWorkers()).length >= before + count,
    WORKER_START_MS,
    250,
  );
  return started;
}

/** The worker process that holds a job now (BullMQ names each worker after its host and pid). */
export function holderOf(workers: WorkerProcess[], job: { processedBy?: string }): WorkerProcess {
  const holder = workers.find((w) => job.processedBy?.endsWith(`-${w.pid}`));
  if (!holder) throw new Error(`no worker process named ${job.processedBy}`);
  return holder;
}

/** Whether the programme's figures were rolled up at least once. */
export async function hasSnapshot(db: DataSource, programmeId: string): Promise<boolean> {
  const [row] = await db.query(`SELECT 1 FROM stats_snapshots WHERE programme_id = $1 LIMIT 1`, [
    programmeId,
  ]);
  return row !== undefined;
}

/** The lines worker processes wrote that are not JSON log records. */
export function nonJsonLines(workers: WorkerProcess[]): string[] {
  return workers.flatMap((w) =>
    w.lines.filter((line) => {
      try {
        return typeof JSON.parse(line) !== 'object';
      } catch {
        return true;
      }
    }),
  );
}

/** Whether a rollup job is running and waiting for the programme's lock, held by the test. */
export async function rollupWaitsForLock(db: DataSource, stats: Queue, jobId: string): Promise<boolean> {
  const [{ waiting }] = await db.query(
    `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
  );
  return waiting > 0 && (await stats.getJobState(jobId)) === 'active';
}
