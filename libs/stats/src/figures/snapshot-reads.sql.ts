/**
 * Reads of the statistics read model. Figures are served from the latest snapshot, never from
 * a scan of the records per request.
 */

/** The figure columns of stats_figures, as the row mapper (toFigures) expects them. */
const FIGURE_COLUMNS = `f.participants, f.institutions, f.master_teachers, f.completers, f.certified, f.ai_adopters,
  f.mentoring_sessions, f.mentoring_minutes, f.mentees_mentored, f.by_generation`;

/** The latest snapshot of a programme, and whether a write has happened since its dirty version. */
export const LATEST_SNAPSHOT_SQL = `
  SELECT s.id, s.computed_at, s.dirty_version < coalesce(state.dirty_version, 0) AS stale
    FROM stats_snapshots s
    LEFT JOIN programme_figures_state state ON state.programme_id = s.programme_id
   WHERE s.programme_id = $1
   ORDER BY s.computed_at DESC, s.id DESC
   LIMIT 1`;

/** One scope's figures in a snapshot ($1 snapshot, $2 scope kind, $3 scope id). */
export const SCOPE_FIGURES_SQL = `
  SELECT ${FIGURE_COLUMNS}
    FROM stats_figures f
   WHERE f.snapshot_id = $1 AND f.scope = $2 AND f.scope_id = $3`;

/** Every scope of one kind in a snapshot with its name ($1 snapshot, $2 scope kind). */
export const BREAKDOWN_SQL = `
  SELECT f.scope_id, coalesce(r.name, i.name, cr.name, c.name) AS name, coalesce(r.name_mn, i.name_mn) AS name_mn,
         ${FIGURE_COLUMNS}
    FROM stats_figures f
    LEFT JOIN regions r ON f.scope = 'region' AND r.id = f.scope_id
    LEFT JOIN institutions i ON f.scope = 'institution' AND i.id = f.scope_id
    LEFT JOIN cascade_rounds cr ON f.scope = 'round' AND cr.id = f.scope_id
    LEFT JOIN cohorts c ON f.scope = 'cohort' AND c.id = f.scope_id
   WHERE f.snapshot_id = $1 AND f.scope = $2
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
 * The programme's dirty version now (every write committed so far), and the one its latest
 * snapshot covers (null before the first); no row when the programme does not exist.
 */
export const VERSIONS_SQL = `
  SELECT coalesce(state.dirty_version, 0)::float8 AS "dirtyVersion",
         (SELECT s.dirty_version FROM stats_snapshots s
           WHERE s.programme_id = p.id
           ORDER BY s.computed_at DESC, s.id DESC
           LIMIT 1)::float8 AS "snapshotVersion"
    FROM programmes p
    LEFT JOIN programme_figures_state state ON state.programme_id = p.id
   WHERE p.id = $1`;
