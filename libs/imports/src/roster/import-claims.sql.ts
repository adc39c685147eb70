import { JobRuns } from '@cascade/platform';

/**
 * How a run holds an import (platform's JobRuns): a run that has not written for two minutes is
 * taken to be dead (a batch takes seconds), and an import gets five runs in all (each BullMQ
 * attempt, each carry by the sweep): a file that kills its worker (out of memory) would
 * otherwise be carried again forever.
 */
export const IMPORT_RUNS = new JobRuns('imports', '2 minutes', 5);

/** The claim also clears what an earlier run of the import reported: this run reports it all again. */
export const CLAIM_SQL = `
  WITH claimed AS (${IMPORT_RUNS.claimSql(
    `id, run_id AS "runId", requested_by AS "requestedBy", cohort_id AS "cohortId",
     file_name AS "fileName", size_bytes::float8 AS "sizeBytes"`,
  )}
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

/** The user who uploaded the file: the import acts, and is audited, as them. */
export const REQUESTER_SQL = `
  SELECT id AS "userId", email, role, person_id AS "personId" FROM users WHERE id = $1`;

/** What the sweep gives up on: every run of it died or failed. */
export const EXHAUSTED_IMPORTS_SQL = IMPORT_RUNS.exhaustedSql(
  `attempts: stopped after ${IMPORT_RUNS.maxRuns} runs that did not finish (the worker stopped or failed each time); ` +
    'split the file or ask an administrator to look at the worker log',
);
