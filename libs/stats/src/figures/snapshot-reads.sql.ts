/**
 * Reads of the statistics read model. Figures are served from the latest snapshot, never from
 * a scan of the records per request.
 */

/** The figure columns of stats_figures, as the row mapper (toFigures) expects them. */
const FIGURE_COLUMNS = `f.participants, f.institutions, f.master_teachers, f.completers, f.certified, f.ai_adopters,
  f.mentoring_sessions, f.mentoring_minutes, f.mentees_mentored, f.by_generation`;

/**
 * The latest snapshot of a programme ($1), and whether a write has happened since (a dirty mark
 * the rollups have not taken yet: it is not in this snapshot). A CTE of every read below: the snapshot and its figures are taken in ONE statement,
 * so a rollup that commits (and prunes this snapshot) meanwhile cannot leave the reader with a
 * snapshot id whose figures are gone.
 */
export const latestSnapshot = (name: string) => `${name} AS (
  SELECT s.id, s.computed_at, figures_marks_pending(s.programme_id, 'rollup') AS stale
    FROM stats_snapshots s
   WHERE s.programme_id = $1
   ORDER BY s.computed_at DESC, s.id DESC
   LIMIT 1)`;
const LATEST_SNAPSHOT = latestSnapshot('latest');

/**
 * One scope's figures in the latest snapshot ($1 programme, $2 scope kind, $3 scope id). No row:
 * the programme has no snapshot; a row with a null snapshot_id: the scope has no figures in it.
 */
export const SCOPE_FIGURES_SQL = `
  WITH ${LATEST_SNAPSHOT}
  SELECT l.computed_at, l.stale, f.snapshot_id, ${FIGURE_COLUMNS}
    FROM latest l
    LEFT JOIN stats_figures f ON f.snapshot_id = l.id AND f.scope = $2 AND f.scope_id = $3`;

/**
 * Every scope of one kind in the latest snapshot with its name ($1 programme, $2 scope kind).
 * No row: no snapshot; a single row with a null scope_id: a snapshot with no scope of that kind.
 */
export const BREAKDOWN_SQL = `
  WITH ${LATEST_SNAPSHOT}
  SELECT l.computed_at, l.stale, f.scope_id, coalesce(r.name, i.name, cr.name, c.name) AS name,
         coalesce(r.name_mn, i.name_mn) AS name_mn, ${FIGURE_COLUMNS}
    FROM latest l
    LEFT JOIN stats_figures f ON f.snapshot_id = l.id AND f.scope = $2
    LEFT JOIN regions r ON f.scope = 'region' AND r.id = f.scope_id
    LEFT JOIN institutions i ON f.scope = 'institution' AND i.id = f.scope_id
    LEFT JOIN cascade_rounds cr ON f.scope = 'round' AND cr.id = f.scope_id
    LEFT JOIN cohorts c ON f.scope = 'cohort' AND c.id = f.scope_id
   ORDER BY cr.number NULLS LAST, name, f.scope_id`;

/** The programme's figures as of the last snapshot of each day (UTC), oldest first. */
export const HISTORY_SQL = `
  SELECT DISTINCT ON (s.computed_on) to_char(s.computed_on, 'YYYY-MM-DD') AS date, s.computed_at, ${FIGURE_COLUMNS}
    FROM stats_snapshots s
    JOIN stats_figures f ON f.snapshot_id = s.id AND f.scope = 'programme'
   WHERE s.programme_id = $1
   ORDER BY s.computed_on, s.computed_at DESC, s.id DESC`;

export const PROGRAMME_EXISTS_SQL = `SELECT 1 FROM programmes WHERE id = $1`;

/**
 * The programme's dirty version now (every write committed so far is at or below it), the one
 * its latest snapshot covers (null before the first), and the lowest still pending (null when
 * none): marks are taken as a set, so a write can be pending below a version already covered.
 * No row when the programme does not exist.
 */
export const VERSIONS_SQL = `
  SELECT figures_dirty_version(p.id)::float8 AS "dirtyVersion",
         (SELECT s.dirty_version FROM stats_snapshots s
           WHERE s.programme_id = p.id
           ORDER BY s.computed_at DESC, s.id DESC
           LIMIT 1)::float8 AS "snapshotVersion",
         (SELECT min(m.id) FROM figures_dirty_marks m
           WHERE m.programme_id = p.id AND m.consumer = 'rollup')::float8 AS "lowestPending"
    FROM programmes p
   WHERE p.id = $1`;
