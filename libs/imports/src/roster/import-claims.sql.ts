/**
 * How a run holds an import. The claim is a conditional UPDATE … RETURNING: a queued import,
 * or a running one whose run stopped beating (a killed worker). Every later write names the
 * run's id, so a run that was taken over writes nothing more.
 */

/** A run that has not written for this long is taken to be dead; a batch takes seconds. */
export const STALE_AFTER = '2 minutes';

/**
 * How many runs an import gets in all (each BullMQ attempt, each carry by the sweep): a file
 * that kills its worker (out of memory) would otherwise be carried again forever.
 */
export const MAX_IMPORT_ATTEMPTS = 5;

/** The claim also clears what an earlier run of the import reported: this run reports it all again. */
export const CLAIM_SQL = `
  WITH claimed AS (
    UPDATE imports
       SET status = 'running', run_id = gen_random_uuid(), attempts = attempts + 1,
           started_at = coalesce(started_at, now()), heartbeat_at = now(), progress = 0, error = NULL
     WHERE id = $1 AND attempts < ${MAX_IMPORT_ATTEMPTS}
       AND (status = 'queued' OR (status = 'running' AND heartbeat_at < now() - interval '${STALE_AFTER}'))
    RETURNING id, run_id AS "runId", requested_by AS "requestedBy", cohort_id AS "cohortId",
              file_name AS "fileName", size_bytes::float8 AS "sizeBytes"
  ), cleared AS (DELETE FROM import_errors WHERE import_id IN (SELECT id FROM claimed))
  SELECT * FROM claimed`;

/** $2 rows, $3 fields, $4 messages: a batch's row errors, written in the batch's transaction. */
export const INSERT_ERRORS_SQL = `
  INSERT INTO import_errors (import_id, row, field, message)
  SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[])`;

/** $3 progress, $4–$9 the counts so far. */
export const PROGRESS_SQL = `
  UPDATE imports
     SET progress = $3, total_rows = $4, created_rows = $5, updated_rows = $6, unchanged_rows = $7,
         enrolled_rows = $8, error_rows = $9, heartbeat_at = now()
   WHERE id = $1 AND run_id = $2 AND status = 'running'`;

/** $3–$8 the final counts; the row errors are already written, batch by batch. */
export const FINISH_SQL = `
  UPDATE imports
     SET status = 'done', progress = 100, total_rows = $3, created_rows = $4, updated_rows = $5,
         unchanged_rows = $6, enrolled_rows = $7, error_rows = $8,
         finished_at = now(), heartbeat_at = now(), run_id = NULL
   WHERE id = $1 AND run_id = $2 AND status = 'running'`;

/** Back to the queue for the job's next attempt. */
export const RELEASE_SQL = `
  UPDATE imports SET status = 'queued', run_id = NULL, error = $3
   WHERE id = $1 AND run_id = $2 AND status = 'running'`;

export const FAIL_SQL = `
  UPDATE imports SET status = 'failed', run_id = NULL, error = $3, finished_at = now()
   WHERE id = $1 AND run_id = $2 AND status = 'running'`;

/** The user who uploaded the file: the import acts, and is audited, as them. */
export const REQUESTER_SQL = `
  SELECT id AS "userId", email, role, person_id AS "personId" FROM users WHERE id = $1`;

/** What the safety net carries again: queued with no job for a minute, or running with a dead run. */
export const LOST_IMPORTS_SQL = `
  SELECT id FROM imports
   WHERE attempts < ${MAX_IMPORT_ATTEMPTS}
     AND ((status = 'queued' AND created_at < now() - interval '1 minute')
       OR (status = 'running' AND heartbeat_at < now() - interval '${STALE_AFTER}'))
   ORDER BY created_at
   LIMIT 1000`;

/** What the safety net gives up on: every run of it died or failed. */
export const EXHAUSTED_IMPORTS_SQL = `
  UPDATE imports
     SET status = 'failed', run_id = NULL, finished_at = now(),
         error = 'attempts: stopped after ${MAX_IMPORT_ATTEMPTS} runs that did not finish (the worker stopped or failed each time); ' ||
                 'split the file or ask an administrator to look at the worker log'
   WHERE attempts >= ${MAX_IMPORT_ATTEMPTS}
     AND (status = 'queued' OR (status = 'running' AND heartbeat_at < now() - interval '${STALE_AFTER}'))
  RETURNING id`;
