/**
 * How a run holds a report request. The claim is a conditional UPDATE … RETURNING: a queued
 * request, or a running one whose run stopped beating (a killed worker, a job BullMQ failed for
 * stalling). Every later write names the run's id, so a run that was taken over writes nothing.
 */

/** A run beats this often while it writes, whatever its progress. */
export const HEARTBEAT_EVERY_MS = 3_000;
/**
 * A run that has not beaten for this long is taken to be dead: four missed beats. Shorter than
 * the time BullMQ takes to hand a killed worker's job to another one (workerOptions), so that
 * job's next run finds the request free to claim.
 */
export const STALE_AFTER = '12 seconds';

const STALE_RUN = `(heartbeat_at IS NULL OR heartbeat_at < now() - interval '${STALE_AFTER}')`;

export const CLAIM_SQL = `
  UPDATE report_requests
     SET status = 'running', run_id = gen_random_uuid(), started_at = coalesce(started_at, now()),
         heartbeat_at = now(), progress = 0, error = NULL
   WHERE id = $1 AND (status = 'queued' OR (status = 'running' AND ${STALE_RUN}))
  RETURNING run_id AS "runId"`;

export const HEARTBEAT_SQL = `
  UPDATE report_requests SET heartbeat_at = now() WHERE id = $1 AND run_id = $2 AND status = 'running'`;

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

/** Back to the queue for the job's next attempt, which claims it at once. */
export const RELEASE_SQL = `
  UPDATE report_requests SET status = 'queued', run_id = NULL, error = $3
   WHERE id = $1 AND run_id = $2 AND status = 'running'`;

/** The job's last attempt failed: the requester sees why. */
export const FAIL_SQL = `
  UPDATE report_requests SET status = 'failed', run_id = NULL, error = $3, finished_at = now()
   WHERE id = $1 AND run_id = $2 AND status = 'running'`;

/** What the cleanup carries again: queued with no job for a minute, or running with a dead run. */
export const LOST_REPORTS_SQL = `
  SELECT id FROM report_requests
   WHERE (status = 'queued' AND created_at < now() - interval '1 minute')
      OR (status = 'running' AND ${STALE_RUN})
   ORDER BY created_at
   LIMIT 1000`;

/** The runs that hold a request now: a temp file of any other run is a dead run's leftover. */
export const LIVE_RUNS_SQL = `
  SELECT id::text || '.' || run_id::text AS run FROM report_requests WHERE status = 'running' AND run_id IS NOT NULL`;
