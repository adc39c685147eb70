/**
 * Every scope's figures in one statement, from the rollup's working sets (scratch.sql.ts,
 * generations.sql.ts) into stats_figures. $1 programme, $2 snapshot. docs/FIGURES.md defines
 * each figure and scope in words.
 */
export const WRITE_FIGURES_SQL = `
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
  ), scope_members AS (
    -- The participants of each scope, once each.
    SELECT 'programme'::text AS scope, $1::uuid AS scope_id, person_id FROM stats_rollup_participants
    UNION ALL SELECT 'institution', institution_id, person_id FROM stats_rollup_participants
    UNION ALL (SELECT DISTINCT 'region', region_id, person_id FROM stats_rollup_memberships)
    UNION ALL (SELECT DISTINCT 'round', round_id, person_id FROM stats_rollup_memberships)
    UNION ALL SELECT 'cohort', cohort_id, person_id FROM stats_rollup_memberships
  ), by_level AS (
    SELECT sm.scope, sm.scope_id, coalesce(g.generation::text, 'unknown') AS generation,
           count(*) AS participants,
           count(*) FILTER (WHERE p.completer) AS completers,
           count(*) FILTER (WHERE p.certified) AS certified,
           count(*) FILTER (WHERE p.completer AND p.ai_evidence) AS ai_adopters,
           coalesce(sum(me.sessions), 0) AS mentoring_sessions,
           coalesce(sum(me.minutes), 0) AS mentoring_minutes,
           count(me.person_id) AS mentees_mentored
      FROM scope_members sm
      JOIN stats_rollup_participants p ON p.person_id = sm.person_id
      LEFT JOIN stats_rollup_mentees me ON me.person_id = sm.person_id
      LEFT JOIN stats_rollup_generations g ON g.person_id = sm.person_id
     GROUP BY sm.scope, sm.scope_id, g.generation
  ), facts AS (
    SELECT scope, scope_id, sum(participants) AS participants, sum(completers) AS completers,
           sum(certified) AS certified, sum(ai_adopters) AS ai_adopters,
           sum(mentoring_sessions) AS mentoring_sessions, sum(mentoring_minutes) AS mentoring_minutes,
           sum(mentees_mentored) AS mentees_mentored,
           jsonb_object_agg(generation, participants) AS by_generation
      FROM by_level
     GROUP BY scope, scope_id
  ), institutions AS (
    SELECT 'programme'::text AS scope, $1::uuid AS scope_id, count(DISTINCT institution_id) AS n
      FROM stats_rollup_participants
    UNION ALL SELECT 'institution', institution_id, 1 FROM stats_rollup_participants GROUP BY institution_id
    UNION ALL SELECT scope, scope_id, count(*)
      FROM (SELECT DISTINCT 'region'::text AS scope, m.region_id AS scope_id, p.institution_id
              FROM stats_rollup_memberships m JOIN stats_rollup_participants p ON p.person_id = m.person_id
            UNION ALL
            SELECT DISTINCT 'round', m.round_id, p.institution_id
              FROM stats_rollup_memberships m JOIN stats_rollup_participants p ON p.person_id = m.person_id
            UNION ALL
            SELECT DISTINCT 'cohort', m.cohort_id, p.institution_id
              FROM stats_rollup_memberships m JOIN stats_rollup_participants p ON p.person_id = m.person_id) x
     GROUP BY scope, scope_id
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
  SELECT $2::bigint, s.scope, s.scope_id,
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
