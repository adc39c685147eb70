import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { TestApp } from './support/app';
import { waitFor, WorkerProcess } from './support/services';

/** How long a worker process may take to start on a busy machine (ts-node, Nest, BullMQ). */
export const WORKER_START_MS = 90_000;

/** The programme's dirty version and the version its figures were last rolled up from. */
export async function figuresState(
  db: DataSource,
  programmeId: string,
): Promise<{ dirty: number; rolled: number }> {
  const [row] = await db.query(
    `SELECT dirty_version::int AS dirty, rolled_version::int AS rolled
       FROM programme_figures_state WHERE programme_id = $1`,
    [programmeId],
  );
  return (row as { dirty: number; rolled: number } | undefined) ?? { dirty: 0, rolled: 0 };
}

/** Starts the real worker as a process and waits until it takes jobs. */
export async function startWorker(t: TestApp, workers: WorkerProcess[]): Promise<WorkerProcess> {
  const stats = t.app.get<Queue>(getQueueToken('stats'));
  const before = (await stats.getWorkers()).length;
  const worker = WorkerProcess.start({ LOG_LEVEL: 'info' });
  workers.push(worker);
  await waitFor(
    'a new worker takes stats jobs',
    async () => (await stats.getWorkers()).length > before,
    WORKER_START_MS,
    250,
  );
  return worker;
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
