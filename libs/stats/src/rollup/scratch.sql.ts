/**
 * The rollup's working sets: temporary tables built once per rollup, inside its REPEATABLE READ
 * transaction, so every scope is computed from the same records. Each is dropped at commit.
 * $1 is the programme id throughout.
 */

/** Every enrolment (any status, withdrawn included) in a cohort of the programme, with the cohort's scopes. */
export const MEMBERSHIPS_SQL = `
  CREATE TEMP TABLE stats_rollup_memberships ON COMMIT DROP AS
  SELECT e.id AS enrolment_id, e.person_id, e.cohort_id, c.round_id, c.region_id
    FROM enrolments e
    JOIN cohorts c ON c.id = e.cohort_id
   WHERE c.programme_id = $1`;

/**
 * One row per participant with the facts every scope counts:
 * - completer: a completion of every core course, across all their enrolments in the programme;
 * - certified: a certification of the programme that is not revoked;
 * - aiEvidence: at least one verified AI adoption of the programme (counted for completers only).
 */
export const PARTICIPANTS_SQL = `
  CREATE TEMP TABLE stats_rollup_participants ON COMMIT DROP AS
  WITH core AS (
    SELECT core_course_ids AS ids FROM programmes WHERE id = $1
  ), core_done AS (
    SELECT m.person_id, count(DISTINCT cc.course_id) AS courses
      FROM stats_rollup_memberships m
      JOIN course_completions cc ON cc.enrolment_id = m.enrolment_id
     WHERE cc.course_id = ANY ((SELECT ids FROM core)::uuid[])
     GROUP BY m.person_id
  ), holders AS (
    SELECT DISTINCT person_id FROM certifications WHERE programme_id = $1 AND revoked_on IS NULL
  ), adopters AS (
    SELECT DISTINCT person_id FROM ai_adoptions WHERE programme_id = $1 AND verified_on IS NOT NULL
  )
  SELECT p.id AS person_id,
         p.institution_id,
         coalesce(d.courses, 0) >= (SELECT cardinality(ids) FROM core) AS completer,
         h.person_id IS NOT NULL AS certified,
         a.person_id IS NOT NULL AS ai_evidence
    FROM (SELECT DISTINCT person_id FROM stats_rollup_memberships) x
    JOIN people p ON p.id = x.person_id
    LEFT JOIN core_done d ON d.person_id = x.person_id
    LEFT JOIN holders h ON h.person_id = x.person_id
    LEFT JOIN adopters a ON a.person_id = x.person_id`;

/** Sessions and minutes per mentee, over the programme's mentoring assignments (mentees with ≥ 1 session). */
export const MENTEES_SQL = `
  CREATE TEMP TABLE stats_rollup_mentees ON COMMIT DROP AS
  SELECT a.mentee_id AS person_id, count(*) AS sessions, sum(s.duration_minutes) AS minutes
    FROM mentoring_assignments a
    JOIN mentoring_sessions s ON s.assignment_id = a.id
   WHERE a.programme_id = $1
   GROUP BY a.mentee_id`;

/** Temporary tables have no statistics until analysed; the figures query joins them at scale. */
export const ANALYZE_SCRATCH_SQL = `ANALYZE stats_rollup_memberships, stats_rollup_participants, stats_rollup_mentees`;
