/**
 * The snapshot: every scope's figures from the programme's figures cells (cells.sql.ts), each
 * trainer's reach (trainers.sql.ts), its stats_snapshots row and the pruning of older snapshots.
 * A full rollup computes the figures into working sets (FILL_FIGURES_SQL), then writes the
 * snapshot from them in one statement (WRITE_SNAPSHOT_SQL); an incremental rollup writes the
 * same figures of the scopes and trainers it touched (rollup_scopes) into today's snapshot
 * instead. $1 programme, $2 the dirty version it reflects. docs/FIGURES.md defines each figure
 * and scope.
 */

import { counted, programmeCells, touchedIds, touchedOnly } from './cells.sql';
import type { WorkingSet } from './scratch.sql';
import { TRAINER_FIGURE_COLUMNS, TRAINER_FIGURES, trainerFiguresSql } from './trainers.sql';

/** Which scopes a statement computes: all, or those an incremental rollup touched (rollup_scopes). */
export type Scopes = 'all' | 'touched';

/**
 * The same counts summed over groups of them, as int where stats_figures holds an int: their sums
 * per scope (facts) are then int's sum, a bigint, where a bigint's sum is numeric (1 % of the
 * statement at scale 1). Only the minutes stay bigint, as there: a national programme's pass 2^31.
 */
const SUMS = `sum(participants)::int AS participants,
           sum(completers)::int AS completers,
           sum(certified)::int AS certified,
           sum(ai_adopters)::int AS ai_adopters,
           sum(mentoring_sessions)::int AS mentoring_sessions,
           sum(mentoring_minutes)::bigint AS mentoring_minutes,
           sum(mentees_mentored)::int AS mentees_mentored,
           sum(enrolled)::int AS enrolled`;

/**
 * A json object of a scope's rows keyed by generation (an integer or 'unknown': nothing to
 * escape), `value` JSON text: the object's text joined once per scope and stored as it is (json,
 * migration 1764240000000). Built with jsonb_object_agg over jsonb_build_object, the funnel cost
 * three times as much, and parsing the text into jsonb a tenth of the statement (docs/BENCHMARKS.md).
 */
const perGeneration = (value: string) =>
  `('{' || string_agg(format('"%s":%s', coalesce(generation::text, 'unknown'), ${value}), ',') || '}')::json`;

const FIGURE_COLUMNS = `scope, scope_id, participants, institutions, master_teachers, completers, certified, ai_adopters,
  mentoring_sessions, mentoring_minutes, mentees_mentored, by_generation, enrolled, generation_funnel,
  target_participants, capacity, region_institutions, region_institutions_reached`;

/** A full rollup's figures of every scope, shaped as stats_figures' rows without their snapshot. */
export const FIGURES: WorkingSet = {
  table: 'rollup_figures',
  select: `SELECT ${FIGURE_COLUMNS} FROM stats_figures`,
};

/**
 * `column` where it is a scope of `kind` the rollup touched, else null: an incremental rollup
 * groups the rows of the scopes it did not touch together, where each was a group of its own.
 */
const touchedOrNull = (scopes: Scopes, kind: string, column: string) =>
  scopes === 'all' ? column : `CASE WHEN ${column} IN ${touchedIds(kind)} THEN ${column} END`;

/**
 * The memberships counted per (cohort, generation, once-per-person flags), from which the cohort,
 * round and region scopes' figures are sums (cells), and the institutions of each cohort
 * (cohort_institutions), whose round's or region's institutions are those of its cohorts. An
 * incremental rollup reads the cells of the cohorts, rounds and regions it touched once, and
 * groups the rest together (touchedOrNull): a round is a third of the programme, whose cells
 * grouped per cohort and institution were 100,000 groups at scale 1000.
 */
function cohortCells(scopes: Scopes): string {
  const sums = `generation, first_in_round, first_in_region, ${SUMS}`;
  const flags = 'generation, first_in_round, first_in_region';
  if (scopes === 'all') {
    return `cells AS (
    SELECT cohort_id, round_id, region_id, institution_id, ${sums}
      FROM ${programmeCells(scopes)} AND cohort_id IS NOT NULL
     GROUP BY cohort_id, round_id, region_id, institution_id, ${flags}
  ), cohort_institutions AS (
    SELECT DISTINCT cohort_id, round_id, region_id, institution_id FROM cells`;
  }
  const touched = (kind: string, column: string) => touchedOrNull(scopes, kind, column);
  return `touched_cells AS MATERIALIZED (
    SELECT ${touched('cohort', 'cohort_id')} AS cohort_id, ${touched('round', 'round_id')} AS round_id,
           ${touched('region', 'region_id')} AS region_id, institution_id, ${flags}, ${counted()}
      FROM ${programmeCells(scopes)} AND cohort_id IS NOT NULL
       AND (cohort_id IN ${touchedIds('cohort')}
            OR round_id IN ${touchedIds('round')}
            OR region_id IN ${touchedIds('region')})
  ), cells AS (
    SELECT cohort_id, round_id, region_id, ${sums}
      FROM touched_cells GROUP BY cohort_id, round_id, region_id, ${flags}
  ), cohort_institutions AS (
    SELECT DISTINCT cohort_id, round_id, region_id, institution_id FROM touched_cells`;
}

/**
 * A round's master teachers: those leading a cohort of it. An incremental rollup looks up the
 * few rounds it touched per master teacher (by index), where gathering the distinct leads of
 * their cohorts met 50,000 of them at scale 1000.
 */
const roundMasterTeachers = (scopes: Scopes) =>
  scopes === 'all'
    ? `SELECT 'round', c.round_id, count(DISTINCT c.lead_trainer_id)
      FROM cohorts c JOIN master_teachers mt ON mt.programme_id = $1 AND mt.person_id = c.lead_trainer_id
     WHERE c.programme_id = $1 GROUP BY c.round_id`
    : `SELECT 'round', r.scope_id, count(*)
      FROM rollup_scopes r JOIN master_teachers mt ON mt.programme_id = $1
     WHERE r.scope = 'round'
       AND EXISTS (SELECT 1 FROM cohorts c WHERE c.lead_trainer_id = mt.person_id AND c.round_id = r.scope_id)
     GROUP BY r.scope_id`;

/**
 * A master teacher's institution, looked up by key: a join let the planner scan every person
 * (2 million at scale 1000) to find a few dozen. An incremental rollup needs only those of the
 * institutions it touched: the people of each, by index, who teach in the programme (at scale
 * 1000, 22,000 master teachers looked up cost 0.2 s of an incremental rollup).
 */
const masterInstitutions = (scopes: Scopes) =>
  scopes === 'all'
    ? `
    SELECT (SELECT p.institution_id FROM people p WHERE p.id = mt.person_id) AS institution_id
      FROM master_teachers mt WHERE mt.programme_id = $1`
    : `
    SELECT p.institution_id FROM people p JOIN master_teachers mt ON mt.programme_id = $1 AND mt.person_id = p.id
     WHERE p.institution_id IN ${touchedIds('institution')}`;

/**
 * Every scope's figures: a full rollup's into its working set (FIGURES), an incremental
 * rollup's into today's snapshot (the snapshot CTE of the statement it is part of).
 */
const figuresSql = (scopes: Scopes) => {
  const only = (kind: string, column: string) => touchedOnly(scopes, kind, column);
  const touched = (kind: string, column: string) => touchedOrNull(scopes, kind, column);
  const cells = programmeCells(scopes);
  return `
  ${scopes === 'all' ? `INSERT INTO ${FIGURES.table} (${FIGURE_COLUMNS})` : `INSERT INTO stats_figures (snapshot_id, ${FIGURE_COLUMNS})`}
  WITH institution_cells AS (
    -- The participants counted per (institution, generation), each once (their first membership):
    -- the institution and programme scopes are these rows and their sums.
    SELECT ${touched('institution', 'institution_id')} AS institution_id, generation, ${SUMS}
      FROM ${cells} AND first_in_programme GROUP BY 1, 2
  ), reached AS (
    -- The institutions reached: those of the programme's participants.
    SELECT DISTINCT institution_id FROM ${scopes === 'all' ? 'institution_cells' : `${cells} AND first_in_programme`}
  ), region_reach AS (
    -- A region's institutions (reference data, as of the snapshot) and those with a participant.
    SELECT i.region_id, count(*) AS institutions, count(r.institution_id) AS reached
      FROM institutions i LEFT JOIN reached r ON r.institution_id = i.id
     WHERE true ${only('region', 'i.region_id')}
     GROUP BY i.region_id
  ), master_institutions AS (${masterInstitutions(scopes)}
  ), all_scopes AS (
    -- Every scope that exists, with or without participants.
    SELECT 'programme'::text AS scope, $1::uuid AS scope_id
    UNION SELECT 'region', region_id FROM cohorts WHERE programme_id = $1 ${only('region', 'region_id')}
    UNION SELECT 'region', r.id FROM master_teachers mt JOIN regions r ON r.id = ANY (mt.region_ids)
           WHERE mt.programme_id = $1 ${only('region', 'r.id')}
    UNION SELECT 'region', r.id FROM cascade_rounds cr JOIN regions r ON r.id = ANY (cr.region_ids)
           WHERE cr.programme_id = $1 ${only('region', 'r.id')}
    UNION SELECT 'region', region_id FROM region_reach WHERE reached > 0
    UNION SELECT 'institution', institution_id FROM reached WHERE true ${only('institution', 'institution_id')}
    UNION SELECT 'institution', institution_id FROM master_institutions
           WHERE true ${only('institution', 'institution_id')}
    UNION SELECT 'round', id FROM cascade_rounds WHERE programme_id = $1 ${only('round', 'id')}
    UNION SELECT 'cohort', id FROM cohorts WHERE programme_id = $1 ${only('cohort', 'id')}
  ), scopes AS (
    SELECT * FROM all_scopes
    ${scopes === 'all' ? '' : 'WHERE (scope, scope_id) IN (SELECT scope, scope_id FROM rollup_scopes)'}
  ), ${cohortCells(scopes)}
  ), by_generation AS (
    -- Each participant once per scope: the cohort, the first of their cohorts in a round or region.
    SELECT 'programme'::text AS scope, $1::uuid AS scope_id, generation, ${SUMS}
      FROM institution_cells GROUP BY generation
    UNION ALL
    SELECT 'institution', institution_id, generation, ${counted()} FROM institution_cells
     WHERE true ${only('institution', 'institution_id')}
    UNION ALL
    SELECT 'cohort', cohort_id, generation, ${SUMS} FROM cells
     WHERE true ${only('cohort', 'cohort_id')} GROUP BY cohort_id, generation
    UNION ALL
    SELECT 'round', round_id, generation, ${SUMS} FROM cells
     WHERE first_in_round ${only('round', 'round_id')} GROUP BY round_id, generation
    UNION ALL
    SELECT 'region', region_id, generation, ${SUMS} FROM cells
     WHERE first_in_region ${only('region', 'region_id')} GROUP BY region_id, generation
  ), facts AS (
    SELECT scope, scope_id, sum(participants) AS participants, sum(completers) AS completers,
           sum(certified) AS certified, sum(ai_adopters) AS ai_adopters,
           sum(mentoring_sessions) AS mentoring_sessions, sum(mentoring_minutes) AS mentoring_minutes,
           sum(mentees_mentored) AS mentees_mentored,
           ${perGeneration('participants')} AS by_generation,
           sum(enrolled) AS enrolled,
           ${perGeneration(`format('{"participants":%s,"completers":%s,"certified":%s,"aiAdopters":%s}',
                                   participants, completers, certified, ai_adopters)`)} AS generation_funnel
      FROM by_generation
     GROUP BY scope, scope_id
  ), scope_institutions AS (
    SELECT 'cohort'::text AS scope, cohort_id AS scope_id, institution_id FROM cohort_institutions
     WHERE true ${only('cohort', 'cohort_id')}
    UNION ALL
    SELECT 'round', round_id, institution_id FROM cohort_institutions
     WHERE true ${only('round', 'round_id')} GROUP BY round_id, institution_id
    UNION ALL
    SELECT 'region', region_id, institution_id FROM cohort_institutions
     WHERE true ${only('region', 'region_id')} GROUP BY region_id, institution_id
    UNION ALL
    SELECT 'institution', institution_id, institution_id FROM reached WHERE true ${only('institution', 'institution_id')}
  ), institution_counts AS (
    SELECT scope, scope_id, count(*) AS n FROM scope_institutions GROUP BY scope, scope_id
    UNION ALL
    SELECT 'programme', $1, count(*) FROM reached
  ), masters AS (
    SELECT 'programme'::text AS scope, $1::uuid AS scope_id, count(*) AS n FROM master_teachers WHERE programme_id = $1
    UNION ALL SELECT 'region', r.region_id, count(DISTINCT mt.id)
      FROM master_teachers mt CROSS JOIN LATERAL unnest(mt.region_ids) AS r(region_id)
     WHERE mt.programme_id = $1 ${only('region', 'r.region_id')} GROUP BY r.region_id
    UNION ALL SELECT 'institution', institution_id, count(*) FROM master_institutions
     WHERE true ${only('institution', 'institution_id')} GROUP BY institution_id
    UNION ALL ${roundMasterTeachers(scopes)}
    UNION ALL SELECT 'cohort', c.id, 1
      FROM cohorts c JOIN master_teachers mt ON mt.programme_id = $1 AND mt.person_id = c.lead_trainer_id
     WHERE c.programme_id = $1 ${only('cohort', 'c.id')}
  ), programme_mentoring AS (
    -- The programme counts every session of its assignments, whether or not the mentee enrolled.
    -- The participants' (institution_cells) and the other mentees' (cells without a cohort).
    SELECT coalesce(sum(mentoring_sessions), 0) AS sessions, coalesce(sum(mentoring_minutes), 0) AS minutes,
           coalesce(sum(mentees_mentored), 0) AS mentees
      FROM (SELECT mentoring_sessions, mentoring_minutes, mentees_mentored FROM institution_cells
            UNION ALL
            SELECT mentoring_sessions, mentoring_minutes, mentees_mentored
              FROM ${cells} AND cohort_id IS NULL) mentoring
  )
  SELECT ${scopes === 'all' ? '' : '(SELECT id FROM snapshot), '}s.scope, s.scope_id,
         coalesce(f.participants, 0), coalesce(i.n, 0), coalesce(m.n, 0), coalesce(f.completers, 0),
         coalesce(f.certified, 0), coalesce(f.ai_adopters, 0),
         CASE WHEN s.scope = 'programme' THEN (SELECT sessions FROM programme_mentoring)
              ELSE coalesce(f.mentoring_sessions, 0) END,
         CASE WHEN s.scope = 'programme' THEN (SELECT minutes FROM programme_mentoring)
              ELSE coalesce(f.mentoring_minutes, 0) END,
         CASE WHEN s.scope = 'programme' THEN (SELECT mentees FROM programme_mentoring)
              ELSE coalesce(f.mentees_mentored, 0) END,
         coalesce(f.by_generation, '{}'::json),
         coalesce(f.enrolled, 0), coalesce(f.generation_funnel, '{}'::json),
         cr.target_participants, c.capacity,
         CASE WHEN s.scope = 'region' THEN coalesce(rr.institutions, 0) END,
         CASE WHEN s.scope = 'region' THEN coalesce(rr.reached, 0) END
    FROM scopes s
    LEFT JOIN facts f ON f.scope = s.scope AND f.scope_id = s.scope_id
    LEFT JOIN institution_counts i ON i.scope = s.scope AND i.scope_id = s.scope_id
    LEFT JOIN masters m ON m.scope = s.scope AND m.scope_id = s.scope_id
    LEFT JOIN cascade_rounds cr ON s.scope = 'round' AND cr.id = s.scope_id
    LEFT JOIN cohorts c ON s.scope = 'cohort' AND c.id = s.scope_id
    LEFT JOIN region_reach rr ON s.scope = 'region' AND rr.region_id = s.scope_id`;
};

/**
 * computed_at is the transaction's instant, one for all scopes. Pruning keeps the last snapshot
 * of each earlier day (UTC); today's earlier snapshots go, as the new one is today's last, and
 * their figures with them (pruned_figures, pruned_trainer_figures: the snapshot tables carry no
 * foreign key, migration 1764220000000). The DELETE cannot see the row inserted beside it (one
 * statement, one view of the data).
 */
const PRUNE = `
    DELETE FROM stats_snapshots s
     WHERE s.programme_id = $1 AND EXISTS (SELECT 1 FROM snapshot)
       AND s.id NOT IN (SELECT DISTINCT ON (computed_on) id
                          FROM stats_snapshots
                         WHERE programme_id = $1 AND computed_on <> (SELECT computed_on FROM snapshot)
                         ORDER BY computed_on, computed_at DESC, id DESC)
    RETURNING s.id
  ), pruned_figures AS (
    DELETE FROM stats_figures WHERE snapshot_id IN (SELECT id FROM pruned)
  ), pruned_trainer_figures AS (
    DELETE FROM stats_trainer_figures WHERE snapshot_id IN (SELECT id FROM pruned)`;

/** A full rollup's figures and trainer figures, from its cells (cells.sql.ts CELLS) into its working sets. */
export const FILL_FIGURES_SQL = `
  WITH trainer_figures AS (${trainerFiguresSql('all')}
  )
  ${figuresSql('all')}`;

/** Then a new snapshot of them. */
export const WRITE_SNAPSHOT_SQL = `
  WITH snapshot AS (
    INSERT INTO stats_snapshots (programme_id, computed_at, computed_on, dirty_version)
    VALUES ($1, now(), (now() AT TIME ZONE 'UTC')::date, $2)
    RETURNING id, computed_at, computed_on
  ), pruned AS (${PRUNE}
  ), figures AS (
    INSERT INTO stats_figures (snapshot_id, ${FIGURE_COLUMNS})
    SELECT (SELECT id FROM snapshot), ${FIGURE_COLUMNS} FROM ${FIGURES.table}
  ), trainer_figures AS (
    INSERT INTO stats_trainer_figures (snapshot_id, ${TRAINER_FIGURE_COLUMNS})
    SELECT (SELECT id FROM snapshot), ${TRAINER_FIGURE_COLUMNS} FROM ${TRAINER_FIGURES.table}
  )
  SELECT id, computed_at FROM snapshot`;

/**
 * An incremental rollup writes into today's snapshot: the latest when it is today's, else a copy
 * of the latest made today (an earlier day keeps its last snapshot, as pruning does). Answers
 * its id; none when the programme has no snapshot (a full rollup is due).
 */
export const TODAYS_SNAPSHOT_SQL = `
  WITH latest AS (
    SELECT id, computed_on FROM stats_snapshots WHERE programme_id = $1 ORDER BY computed_at DESC, id DESC LIMIT 1
  ), snapshot AS (
    INSERT INTO stats_snapshots (programme_id, computed_at, computed_on, dirty_version)
    SELECT $1, now(), (now() AT TIME ZONE 'UTC')::date, $2 FROM latest
     WHERE latest.computed_on <> (now() AT TIME ZONE 'UTC')::date
    RETURNING id, computed_on
  ), pruned AS (${PRUNE}
  ), figures AS (
    INSERT INTO stats_figures
    SELECT (jsonb_populate_record(f, jsonb_build_object('snapshot_id', snapshot.id))).*
      FROM snapshot, latest JOIN stats_figures f ON f.snapshot_id = latest.id
  ), trainer_figures AS (
    INSERT INTO stats_trainer_figures
    SELECT (jsonb_populate_record(t, jsonb_build_object('snapshot_id', snapshot.id))).*
      FROM snapshot, latest JOIN stats_trainer_figures t ON t.snapshot_id = latest.id
  )
  SELECT coalesce((SELECT id FROM snapshot), (SELECT id FROM latest)) AS id`;

/** The touched scopes' and trainers' rows of snapshot $1 go, to be written again. */
export const CLEAR_TOUCHED_SQL = `
  WITH figures AS (
    DELETE FROM stats_figures
     WHERE snapshot_id = $1 AND (scope, scope_id) IN (SELECT scope, scope_id FROM rollup_scopes)
  )
  DELETE FROM stats_trainer_figures
   WHERE snapshot_id = $1 AND trainer_id IN ${touchedIds('trainer')}`;

/** The touched scopes' and trainers' figures into today's snapshot ($3), now as of this rollup. */
export const WRITE_TOUCHED_SQL = `
  WITH snapshot AS (
    UPDATE stats_snapshots SET computed_at = now(), dirty_version = $2 WHERE id = $3
    RETURNING id, computed_at
  ), figures AS (${figuresSql('touched')}
  ), trainer_figures AS (${trainerFiguresSql('touched')}
  )
  SELECT id, computed_at FROM snapshot`;
