import { Job } from 'bullmq';

/**
 * How a worker's run holds a row of a job table (an import, a report request). The claim is a
 * conditional UPDATE … RETURNING: a queued row, or a running one whose run stopped beating (a
 * killed worker). Every later write names the run's id, so a run that was taken over writes
 * nothing more. The table has status, run_id, started_at, heartbeat_at, progress, error,
 * finished_at and created_at; with `maxRuns`, also attempts (the runs it had, each BullMQ attempt
 * and each carry by a sweep), so a row that kills its worker is not carried forever.
 */
export class JobRuns {
  /** A running row that has not beaten for `staleAfter` (a PostgreSQL interval) belongs to a dead run. */
  readonly staleRun: string;
  private readonly runsLeft: string;

  constructor(
    private readonly table: string,
    staleAfter: string,
    readonly maxRuns?: number,
  ) {
    this.staleRun = `(heartbeat_at IS NULL OR heartbeat_at < now() - interval '${staleAfter}')`;
    this.runsLeft = maxRuns ? `attempts < ${maxRuns}` : 'true';
  }

  /** $1 the row's id; `returning` the columns the run reads. */
  claimSql(returning = 'run_id AS "runId"'): string {
    const attempts = this.maxRuns ? ', attempts = attempts + 1' : '';
    return `
      UPDATE ${this.table}
         SET status = 'running', run_id = gen_random_uuid(), started_at = coalesce(started_at, now()),
             heartbeat_at = now(), progress = 0, error = NULL${attempts}
       WHERE id = $1 AND ${this.runsLeft}
         AND (status = 'queued' OR (status = 'running' AND ${this.staleRun}))
      RETURNING ${returning}`;
  }

  /** $1 id, $2 run id. */
  get heartbeatSql(): string {
    return `UPDATE ${this.table} SET heartbeat_at = now() WHERE id = $1 AND run_id = $2 AND status = 'running'`;
  }

  /** $1 id, $2 run id, $3 the reason: back to the queue for the job's next attempt. */
  get releaseSql(): string {
    return `UPDATE ${this.table} SET status = 'queued', run_id = NULL, error = $3
             WHERE id = $1 AND run_id = $2 AND status = 'running'`;
  }

  /** $1 id, $2 run id, $3 a reason its requester may read: the last attempt failed. */
  get failSql(): string {
    return `UPDATE ${this.table} SET status = 'failed', run_id = NULL, error = $3, finished_at = now()
             WHERE id = $1 AND run_id = $2 AND status = 'running'`;
  }

  /** The release or the failure, whichever the attempt calls for. */
  outcomeSql(lastAttempt: boolean): string {
    return lastAttempt ? this.failSql : this.releaseSql;
  }

  /** What a sweep carries again: queued with no job for a minute, or running with a dead run. */
  get lostSql(): string {
    return `SELECT id FROM ${this.table}
             WHERE ${this.runsLeft}
               AND ((status = 'queued' AND created_at < now() - interval '1 minute')
                 OR (status = 'running' AND ${this.staleRun}))
             ORDER BY created_at
             LIMIT 1000`;
  }

  /** With `maxRuns`: fails what had every run it gets, with `reason`; answers their ids. */
  exhaustedSql(reason: string): string {
    if (!this.maxRuns) throw new Error(`${this.table}: no run limit to exhaust`);
    return `UPDATE ${this.table}
               SET status = 'failed', run_id = NULL, finished_at = now(), error = '${reason.replace(/'/g, "''")}'
             WHERE attempts >= ${this.maxRuns}
               AND (status = 'queued' OR (status = 'running' AND ${this.staleRun}))
            RETURNING id`;
  }
}

/** BullMQ runs the job no more after this attempt: its failure is final. */
export function isLastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
