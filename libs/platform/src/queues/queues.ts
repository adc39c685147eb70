import { JobsOptions } from 'bullmq';

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
    /** Validate and apply one uploaded roster (a row in imports). */
    roster: { importId: string };
    /** Periodic safety net: re-enqueue imports whose job Redis lost or whose worker died. */
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
};

export const QUEUE_NAMES = Object.keys(QUEUE_JOBS) as QueueName[];

/** Retries with exponential backoff; completed jobs are trimmed, failed ones kept for inspection. */
export const defaultJobOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: false,
};

type PeriodicJob = { [Q in QueueName]: { queue: Q; job: JobName<Q>; everyMs: number } }[QueueName];

/**
 * The safety nets, added on a timer by BullMQ's job scheduler (one schedule however many
 * workers). Their period is also how soon work that Redis lost is carried again.
 */
export const PERIODIC_JOBS: PeriodicJob[] = [
  { queue: 'stats', job: 'sweep', everyMs: 10 * 60_000 },
  { queue: 'certification', job: 'sweep', everyMs: 10 * 60_000 },
  { queue: 'exports', job: 'cleanup', everyMs: 60_000 },
  { queue: 'imports', job: 'sweep', everyMs: 60_000 },
];
