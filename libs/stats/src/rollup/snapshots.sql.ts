/**
 * The rollup's bookkeeping: its lock, its transaction, the dirty version it rolls and the
 * snapshot's duration (the snapshot itself and pruning: WRITE_SNAPSHOT_SQL in figures.sql.ts).
 */

/**
 * One rollup of a programme at a time. A session lock taken before the transaction begins, so
 * a rollup that waited for another starts its snapshot after that one committed.
 */
const LOCK_KEY = `hashtextextended('stats-rollup:' || $1::text, 0)`;
export const LOCK_SQL = `SELECT pg_advisory_lock(${LOCK_KEY})`;
export const UNLOCK_SQL = `SELECT pg_advisory_unlock(${LOCK_KEY})`;

/**
 * One round trip (no parameters, so several statements may go together): all scopes as of one
 * instant; a batch job over the whole programme, so hash joins and aggregates in memory, not on
 * disk — and no merge joins: below ANALYZE_ABOVE_ROWS the working sets have no statistics and
 * the planner sorted them to merge-join them (measured: hash joins instead keep the rollup at
 * scale 10 as fast with the cascade analytics as it was without); many mid-sized statements,
 * where compiling each with JIT would cost more than it saves. The commit does not wait for its
 * WAL to reach the disk: MARK_ROLLED_SQL commits next, synchronously, which flushes this WAL
 * too, and a crash in between loses the snapshot together with the dirty marks it took, which
 * are then still pending (the programme still due).
 */
export const BEGIN_SQL = `START TRANSACTION ISOLATION LEVEL REPEATABLE READ;
  SET LOCAL work_mem = '256MB';
  SET LOCAL enable_mergejoin = off;
  SET LOCAL jit = off;
  SET LOCAL synchronous_commit = off`;

/**
 * The first statement of its transaction: takes the dirty marks this rollup's snapshot sees
 * (take_figures_changes, migration 1764210000000) and answers the version the snapshot covers —
 * the highest mark taken, never below the version rolled before — and what the marks allow:
 * `full` when one was structural, or the programme's cells were not rebuilt by a full rollup in
 * the last day (the daily safety net) or ever; else `people`, those whose records changed.
 */
export const READ_DIRTY_VERSION_SQL = `
  WITH taken AS (SELECT * FROM take_figures_changes($1, 'rollup'))
  SELECT greatest(s.rolled_version, taken.version, 0) AS dirty_version,
         cardinality(p.core_course_ids) AS core_courses,
         taken.structural OR b.built_at IS NULL OR b.built_at < now() - interval '1 day' AS full,
         taken.person_ids AS people
    FROM taken
    JOIN programmes p ON p.id = $1
    LEFT JOIN programme_figures_state s ON s.programme_id = p.id
    LEFT JOIN figures_cells_built b ON b.programme_id = p.id`;

/**
 * The snapshot's duration, and the commit in the same round trip: several statements go together
 * only without parameters, so the two numbers are written into the text — integers, checked here.
 */
export function setDurationAndCommitSql(snapshotId: string, durationMs: number): string {
  if (!/^\d+$/.test(snapshotId)) throw new Error(`snapshot id: an integer expected, got ${snapshotId}`);
  if (!Number.isSafeInteger(durationMs)) throw new Error(`duration: an integer expected, got ${durationMs}`);
  return `UPDATE stats_snapshots SET duration_ms = ${durationMs} WHERE id = ${snapshotId}; COMMIT`;
}

/**
 * After commit, while the rollup still holds its lock. `behind`: a mark is still pending — a
 * write committed after the snapshot began — so another rollup is due.
 */
export const MARK_ROLLED_SQL = `
  INSERT INTO programme_figures_state AS s (programme_id, rolled_version, rolled_at, rollups)
  VALUES ($1, $2, now(), 1)
  ON CONFLICT (programme_id)
  DO UPDATE SET rolled_version = greatest(s.rolled_version, EXCLUDED.rolled_version), rolled_at = now(),
                rollups = s.rollups + 1
  RETURNING figures_marks_pending($1, 'rollup') AS behind`;

/**
 * Programmes with a pending dirty mark, never rolled up, or whose last full rollup is a day old
 * (their next rollup is a full one: READ_DIRTY_VERSION_SQL).
 */
export const PROGRAMMES_DUE_SQL = `
  SELECT p.id
    FROM programmes p
   WHERE figures_marks_pending(p.id, 'rollup')
      OR NOT EXISTS (SELECT 1 FROM stats_snapshots ss WHERE ss.programme_id = p.id)
      OR NOT EXISTS (SELECT 1 FROM figures_cells_built b
                      WHERE b.programme_id = p.id AND b.built_at >= now() - interval '1 day')
   ORDER BY p.id`;
