import { JobsOptions, WorkerOptions } from 'bullmq';
import { hostname } from 'os';

/**
 * Every queue and job of the background side, with its payload. The worker refuses to start
 * when a job named here has no processor.
 */
export interface JobPayloads {
  stats: {
    /** Recompute every scope of one programme's figures. */
    rollup: { programmeId: string };
    /** Periodic safety net: a rollup for every programme whose figures are behind its records. */
    sweep: Record<string, never>;
  };
  certification: {
    /** Issue or revoke certifications to match the rule; all of the programme's persons when personIds is absent. */
    evaluate: { programmeId: string; personIds?: string[] };
    /** Periodic safety net: an evaluation of every programme whose records moved since its last whole evaluation. */
    sweep: Record<string, never>;
  };
  exports: {
    /** Produce the file of one report request (a row in report_requests). */
    report: { reportId: string };
    /** Periodic: delete expired report files and re-enqueue requests whose job Redis lost. */
    cleanup: Record<string, never>;
  };
  imports: {
    /** Validate and apply one uploaded file (a row in imports: a roster, or completions by its kind). */
    roster: { importId: string };
    /** Periodic safety net: re-enqueue imports whose job Redis lost or whose worker died. */
    sweep: Record<string, never>;
  };
  credentials: {
    /** Sign an Open Badges 3.0 credential for every active certification of the programme that has none. */
    issue: { programmeId: string };
    /** Periodic safety net: an issue job for every programme with certifications still without a credential. */
    sweep: Record<string, never>;
  };
}

export type QueueName = keyof JobPayloads;
export type JobName<Q extends QueueName> = keyof JobPayloads[Q] & string;
export type JobPayload<Q extends QueueName, J extends JobName<Q>> = JobPayloads[Q][J];

export const QUEUE_JOBS: { [Q in QueueName]: JobName<Q>[] } = {
  stats: ['rollup', 'sweep'],
  certification: ['evaluate', 'sweep'],
  exports: ['report', 'cleanup'],
  imports: ['roster', 'sweep'],
  credentials: ['issue', 'sweep'],
};

export const QUEUE_NAMES = Object.keys(QUEUE_JOBS) as QueueName[];

/** The longest wait between two attempts of a job. */
export const MAX_BACKOFF_MS = 15_000;

/**
 * Retries with exponential backoff capped at MAX_BACKOFF_MS: 30 attempts span about seven
 * minutes, so a job outlasts a PostgreSQL restart or failover and runs within 15 s of its end. Completed jobs are trimmed,
 * failed ones kept for inspection (and their work found again by the sweeps).
 */
export const defaultJobOptions: JobsOptions = {
  attempts: 30,
  backoff: { type: 'capped', delay: 1000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: false,
};

/** 1 s, 2 s, 4 s … then every MAX_BACKOFF_MS. */
export function cappedBackoff(attemptsMade: number): number {
  return Math.min(1000 * 2 ** Math.max(attemptsMade - 1, 0), MAX_BACKOFF_MS);
}

/**
 * Every processor's worker settings. A killed worker's job is taken again within about 20 s:
 * its lock lapses after lockDuration (renewed every half of it while the worker lives) and
 * every worker checks for lapsed locks every stalledInterval. A job stalled more than
 * maxStalledCount times fails (a crash loop), and its work is found again by the sweeps.
 */
export const workerOptions: Partial<WorkerOptions> = {
  // Stored on every job it processes (processedBy): which of several workers ran a job.
  name: `${hostname()}-${process.pid}`,
  lockDuration: 15_000,
  stalledInterval: 5_000,
  maxStalledCount: 2,
  settings: { backoffStrategy: cappedBackoff },
};

type PeriodicJob = { [Q in QueueName]: { queue: Q; job: JobName<Q>; everyMs: number } }[QueueName];

/**
 * The safety nets, added on a timer by BullMQ's job scheduler (one schedule however many
 * workers). Their period is also how soon work that Redis lost or a failed job left is carried
 * again; the worker also runs them at once when it finds Redis back or its schedules gone.
 */
export const PERIODIC_JOBS: PeriodicJob[] = [
  { queue: 'stats', job: 'sweep', everyMs: 60_000 },
  { queue: 'certification', job: 'sweep', everyMs: 10 * 60_000 },
  { queue: 'exports', job: 'cleanup', everyMs: 15_000 },
  { queue: 'imports', job: 'sweep', everyMs: 60_000 },
  { queue: 'credentials', job: 'sweep', everyMs: 10 * 60_000 },
];
