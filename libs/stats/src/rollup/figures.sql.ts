/**
 * The snapshot in one statement: its stats_snapshots row, every scope's figures from the rollup's
 * working sets (scratch.sql.ts) into stats_figures, and the pruning of older snapshots.
 * $1 programme, $2 the dirty version it reflects. docs/FIGURES.md defines each figure and scope.
 */

/** The counts of one group of participants (per scope and generation). */
const COUNTS = `count(*) AS participants,
           count(*) FILTER (WHERE completer) AS completers,
           count(*) FILTER (WHERE certified) AS certified,
           count(*) FILTER (WHERE ai_adopter) AS ai_adopters,
           sum(sessions) AS mentoring_sessions,
           sum(minutes) AS mentoring_minutes,
           count(*) FILTER (WHERE sessions > 0) AS mentees_mentored`;

const FIGURES = `
  INSERT INTO stats_figures (snapshot_id, scope, scope_id, participants, institutions, master_teachers, completers,
                             certified, ai_adopters, mentoring_sessions, mentoring_minutes, mentees_mentored, by_generation)
  WITH scopes AS (
    -- Every scope that exists, with or without participants.
    SELECT 'programme'::text AS scope, $1::uuid AS scope_id
    UNION SELECT 'region', region_id FROM cohorts WHERE programme_id = $1
    UNION SELECT 'region', r.id FROM master_teachers mt JOIN regions r ON r.id = ANY (mt.region_ids) WHERE mt.programme_id = $1
    UNION SELECT 'institution', institution_id FROM stats_rollup_participants
    UNION SELECT 'institution', p.institution_id
            FROM master_teachers mt JOIN people p ON p.id = mt.person_id WHERE mt.programme_id = $1
    UNION SELECT 'round', id FROM cascade_rounds WHERE programme_id = $1
    UNION SELECT 'cohort', id FROM cohorts WHERE programme_id = $1
  ), by_generation AS (
    -- Each participant once per scope: the cohort, the first of their cohorts in a round or region.
    SELECT 'programme'::text AS scope, $1::uuid AS scope_id, generation, ${COUNTS}
      FROM stats_rollup_participants GROUP BY generation
    UNION ALL
    SELECT 'institution', institution_id, generation, ${COUNTS}
      FROM stats_rollup_participants GROUP BY institution_id, generation
    UNION ALL
    SELECT 'cohort', cohort_id, generation, ${COUNTS} FROM stats_rollup_members GROUP BY cohort_id, generation
    UNION ALL
    SELECT 'round', round_id, generation, ${COUNTS}
      FROM stats_rollup_members WHERE first_in_round GROUP BY round_id, generation
    UNION ALL
    SELECT 'region', region_id, generation, ${COUNTS}
      FROM stats_rollup_members WHERE first_in_region GROUP BY region_id, generation
  ), facts AS (
    SELECT scope, scope_id, sum(participants) AS participants, sum(completers) AS completers,
           sum(certified) AS certified, sum(ai_adopters) AS ai_adopters,
           sum(mentoring_sessions) AS mentoring_sessions, sum(mentoring_minutes) AS mentoring_minutes,
           sum(mentees_mentored) AS mentees_mentored,
           jsonb_object_agg(coalesce(generation::text, 'unknown'), participants) AS by_generation
      FROM by_generation
     GROUP BY scope, scope_id
  ), scope_institutions AS (
    SELECT 'cohort'::text AS scope, cohort_id AS scope_id, institution_id FROM stats_rollup_members
     GROUP BY cohort_id, institution_id
    UNION ALL
    SELECT 'round', round_id, institution_id FROM stats_rollup_members GROUP BY round_id, institution_id
    UNION ALL
    SELECT 'region', region_id, institution_id FROM stats_rollup_members GROUP BY region_id, institution_id
    UNION ALL
    SELECT 'institution', institution_id, institution_id FROM stats_rollup_participants GROUP BY institution_id
  ), institutions AS (
    SELECT scope, scope_id, count(*) AS n FROM scope_institutions GROUP BY scope, scope_id
    UNION ALL
    SELECT 'programme', $1, count(*) FROM scope_institutions WHERE scope = 'institution'
  ), masters AS (
    SELECT 'programme'::text AS scope, $1::uuid AS scope_id, count(*) AS n FROM master_teachers WHERE programme_id = $1
    UNION ALL SELECT 'region', r.region_id, count(DISTINCT mt.id)
      FROM master_teachers mt CROSS JOIN LATERAL unnest(mt.region_ids) AS r(region_id)
     WHERE mt.programme_id = $1 GROUP BY r.region_id
    UNION ALL SELECT 'institution', p.institution_id, count(*)
      FROM master_teachers mt JOIN people p ON p.id = mt.person_id
     WHERE mt.programme_id = $1 GROUP BY p.institution_id
    UNION ALL SELECT 'round', c.round_id, count(DISTINCT c.lead_trainer_id)
      FROM cohorts c JOIN master_teachers mt ON mt.programme_id = $1 AND mt.person_id = c.lead_trainer_id
     WHERE c.programme_id = $1 GROUP BY c.round_id
    UNION ALL SELECT 'cohort', c.id, 1
      FROM cohorts c JOIN master_teachers mt ON mt.programme_id = $1 AND mt.person_id = c.lead_trainer_id
     WHERE c.programme_id = $1
  ), programme_mentoring AS (
    -- The programme counts every session of its assignments, whether or not the mentee enrolled.
    SELECT coalesce(sum(sessions), 0) AS sessions, coalesce(sum(minutes), 0) AS minutes, count(*) AS mentees
      FROM stats_rollup_mentees
  )
  SELECT (SELECT id FROM snapshot), s.scope, s.scope_id,
         coalesce(f.participants, 0), coalesce(i.n, 0), coalesce(m.n, 0), coalesce(f.completers, 0),
         coalesce(f.certified, 0), coalesce(f.ai_adopters, 0),
         CASE WHEN s.scope = 'programme' THEN pm.sessions ELSE coalesce(f.mentoring_sessions, 0) END,
         CASE WHEN s.scope = 'programme' THEN pm.minutes ELSE coalesce(f.mentoring_minutes, 0) END,
         CASE WHEN s.scope = 'programme' THEN pm.mentees ELSE coalesce(f.mentees_mentored, 0) END,
         coalesce(f.by_generation, '{}'::jsonb)
    FROM scopes s
    CROSS JOIN programme_mentoring pm
    LEFT JOIN facts f ON f.scope = s.scope AND f.scope_id = s.scope_id
    LEFT JOIN institutions i ON i.scope = s.scope AND i.scope_id = s.scope_id
    LEFT JOIN masters m ON m.scope = s.scope AND m.scope_id = s.scope_id`;

/**
 * computed_at is the transaction's instant, one for all scopes. Pruning keeps the last snapshot
 * of each earlier day (UTC); today's earlier snapshots go, as the new one is today's last. The
 * DELETE cannot see the row inserted beside it (one statement, one view of the data).
 */
export const WRITE_SNAPSHOT_SQL = `
  WITH snapshot AS (
    INSERT INTO stats_snapshots (programme_id, computed_at, computed_on, dirty_version)
    VALUES ($1, now(), (now() AT TIME ZONE 'UTC')::date, $2)
    RETURNING id, computed_at, computed_on
  ), pruned AS (
    DELETE FROM stats_snapshots s
     WHERE s.programme_id = $1
       AND s.id NOT IN (SELECT DISTINCT ON (computed_on) id
                          FROM stats_snapshots
                         WHERE programme_id = $1 AND computed_on <> (SELECT computed_on FROM snapshot)
                         ORDER BY computed_on, computed_at DESC, id DESC)
  ), figures AS (${FIGURES}
  )
  SELECT id, computed_at FROM snapshot`;
