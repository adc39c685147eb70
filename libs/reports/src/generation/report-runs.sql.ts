import { JobRuns } from '@cascade/platform';

/** A run beats this often while it writes, whatever its progress. */
export const HEARTBEAT_EVERY_MS = 3_000;

/**
 * How a run holds a report request (platform's JobRuns). A run that has not beaten for 12 seconds
 * (four missed beats) is taken to be dead: shorter than the time BullMQ takes to hand a killed
 * worker's job to another one (workerOptions), so that job's next run finds the request free to
 * claim. A report has no run limit of its own: BullMQ's attempts end it.
 */
export const REPORT_RUNS = new JobRuns('report_requests', '12 seconds');

/** $3 progress. */
export const PROGRESS_SQL = `
  UPDATE report_requests SET progress = $3, heartbeat_at = now()
   WHERE id = $1 AND run_id = $2 AND status = 'running'`;

/** Under the row lock taken before the file is renamed into place. */
export const LOCK_RUN_SQL = `
  SELECT 1 FROM report_requests WHERE id = $1 AND run_id = $2 AND status = 'running' FOR UPDATE`;

/** $3 row count, $4 path, $5 file name, $6 content type, $7 size, $8 hours to keep the file. */
export const FINISH_SQL = `
  UPDATE report_requests
     SET status = 'done', progress = 100, row_count = $3, file_path = $4, file_name = $5, content_type = $6,
         size_bytes = $7, error = NULL, finished_at = now(), expires_at = now() + make_interval(hours => $8),
         run_id = NULL, heartbeat_at = now()
   WHERE id = $1 AND run_id = $2`;

/** The runs that hold a request now: a temp file of any other run is a dead run's leftover. */
export const LIVE_RUNS_SQL = `
  SELECT id::text || '.' || run_id::text AS run FROM report_requests WHERE status = 'running' AND run_id IS NOT NULL`;
