/**
 * The two floors bench/rollup.bench.ts times beside the rollup, each one read-only query:
 * - FLOOR_SQL counts three programme figures (participants, completers, certified);
 * - FAIR_FLOOR_SQL computes every figure of the programme scope as the rollup defines it
 *   (docs/FIGURES.md): participants, institutions, master teachers, completers (bit mask of core
 *   courses, as the rollup), certified, AI adopters, places taken, mentoring, and the funnel by
 *   generation (the recursive walk of the trainer graph) — the least a snapshot of the programme
 *   alone costs, with no other scope and no trainer reach.
 * $1 is the programme id.
 */

/** The rollup's own settings (snapshots.sql.ts BEGIN_SQL), so the comparison is of work, not of settings. */
export const FLOOR_SETTINGS_SQL = `SET LOCAL work_mem = '256MB';
  SET LOCAL enable_mergejoin = off;
  SET LOCAL jit = off`;

export const FLOOR_SQL = `
  WITH core AS (SELECT core_course_ids AS ids FROM programmes WHERE id = $1),
  enrolled AS (
    SELECT e.id, e.person_id FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id WHERE c.programme_id = $1
  ),
  completers AS (
    SELECT en.person_id FROM enrolled en JOIN course_completions cc ON cc.enrolment_id = en.id
     WHERE cc.course_id = ANY ((SELECT ids FROM core)::uuid[])
     GROUP BY en.person_id HAVING count(DISTINCT cc.course_id) = (SELECT cardinality(ids) FROM core)
  )
  SELECT (SELECT count(DISTINCT person_id) FROM enrolled) AS participants,
         (SELECT count(*) FROM completers) AS completers,
         (SELECT count(DISTINCT person_id) FROM certifications
           WHERE programme_id = $1 AND revoked_on IS NULL AND person_id IN (SELECT person_id FROM enrolled)) AS certified`;

export const FAIR_FLOOR_SQL = `
  WITH RECURSIVE core AS (
    SELECT core_course_ids AS ids FROM programmes WHERE id = $1
  ), memberships AS NOT MATERIALIZED (
    -- Inlined where it is read, so the planner estimates its groups from the tables' statistics
    -- (materialised, it guessed 200 people at scale 100 and looked each one up in an index).
    SELECT e.id, e.person_id, c.lead_trainer_id, e.status <> 'withdrawn' AS holds_place
      FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
     WHERE c.programme_id = $1
  ), trainer_edges AS (
    SELECT DISTINCT m.lead_trainer_id AS trainer_id, m.person_id
      FROM memberships m
     WHERE m.person_id IN (SELECT lead_trainer_id FROM cohorts WHERE programme_id = $1)
  ), walks (person_id, generation) AS (
    SELECT person_id, 1 FROM master_teachers WHERE programme_id = $1
    UNION ALL
    SELECT e.person_id, w.generation + 1 FROM walks w JOIN trainer_edges e ON e.trainer_id = w.person_id
  ) CYCLE person_id SET is_cycle USING path,
  generations AS (
    SELECT person_id, min(generation) AS generation FROM walks WHERE NOT is_cycle GROUP BY person_id
  ), core_done AS (
    SELECT m.person_id,
           bit_or(1::bigint << (array_position((SELECT ids FROM core), cc.course_id) - 1))
             = (1::bigint << (SELECT cardinality(ids) FROM core)) - 1 AS all_done
      FROM memberships m JOIN course_completions cc ON cc.enrolment_id = m.id
     WHERE cc.course_id = ANY ((SELECT ids FROM core)::uuid[])
     GROUP BY m.person_id
  ), mentees AS (
    SELECT a.mentee_id AS person_id, count(*) AS sessions, sum(s.duration_minutes) AS minutes
      FROM mentoring_assignments a JOIN mentoring_sessions s ON s.assignment_id = a.id
     WHERE a.programme_id = $1 GROUP BY a.mentee_id
  ), enrolled AS (
    SELECT m.person_id, min(g.generation) + 1 AS via_lead, bool_or(m.holds_place) AS holds_place
      FROM memberships m LEFT JOIN generations g ON g.person_id = m.lead_trainer_id
     GROUP BY m.person_id
  ), holders AS (
    SELECT DISTINCT person_id FROM certifications WHERE programme_id = $1 AND revoked_on IS NULL
  ), adopters AS (
    SELECT DISTINCT person_id FROM ai_adoptions WHERE programme_id = $1 AND verified_on IS NOT NULL
  ), participants AS (
    SELECT p.institution_id, coalesce(d.all_done, (SELECT cardinality(ids) FROM core) = 0) AS completer,
           h.person_id IS NOT NULL AS certified, a.person_id IS NOT NULL AS evidence,
           least(own.generation, x.via_lead) AS generation, x.holds_place
      FROM enrolled x
      JOIN people p ON p.id = x.person_id
      LEFT JOIN generations own ON own.person_id = x.person_id
      LEFT JOIN core_done d ON d.person_id = x.person_id
      LEFT JOIN holders h ON h.person_id = x.person_id
      LEFT JOIN adopters a ON a.person_id = x.person_id
  ), by_generation AS (
    SELECT generation, count(*) AS participants, count(*) FILTER (WHERE completer) AS completers,
           count(*) FILTER (WHERE certified) AS certified, count(*) FILTER (WHERE completer AND evidence) AS ai_adopters,
           count(*) FILTER (WHERE holds_place) AS enrolled
      FROM participants GROUP BY generation
  )
  SELECT (SELECT sum(participants) FROM by_generation) AS participants,
         (SELECT count(DISTINCT institution_id) FROM participants) AS institutions,
         (SELECT count(*) FROM master_teachers WHERE programme_id = $1) AS master_teachers,
         (SELECT sum(completers) FROM by_generation) AS completers,
         (SELECT sum(certified) FROM by_generation) AS certified,
         (SELECT sum(ai_adopters) FROM by_generation) AS ai_adopters,
         (SELECT sum(enrolled) FROM by_generation) AS enrolled,
         (SELECT jsonb_build_object('sessions', coalesce(sum(sessions), 0), 'minutes', coalesce(sum(minutes), 0),
                                    'mentees', count(*)) FROM mentees) AS mentoring,
         (SELECT jsonb_object_agg(coalesce(generation::text, 'unknown'),
                                  jsonb_build_object('participants', participants, 'completers', completers,
                                                     'certified', certified, 'aiAdopters', ai_adopters))
            FROM by_generation) AS generation_funnel`;
