import type { Scopes } from './figures.sql';
import { fillSql, MEMBERS_SQL, memberships, mentees, WorkingSet } from './scratch.sql';

/**
 * The figures cells (figures_cells, migration 1764210000000): the rollup's memberships counted per
 * cohort, institution, generation and once-per-person flags, kept between rollups. Every scope's
 * figures are sums of them (figures.sql.ts, trainers.sql.ts), so a write to one person's records
 * needs only the cells of that person's cohorts recomputed — from the same working sets and SQL
 * as a full rollup, filled with those cohorts' members instead of the programme's.
 *
 * A cell's rows: people counted together (trainee_id null), except a trainer or a person enrolled
 * more than once, who keeps a row of their own (trainee_id), as the trainer figures count each of
 * them once per trainer. A mentee of the programme who is not a participant has a row with no
 * cohort (their sessions count in the programme's mentoring). $1 is the programme id throughout.
 */

/** The counts of one group of membership rows. */
export const COUNTS = `count(*) AS participants,
           count(*) FILTER (WHERE completer) AS completers,
           count(*) FILTER (WHERE certified) AS certified,
           count(*) FILTER (WHERE ai_adopter) AS ai_adopters,
           sum(sessions) AS mentoring_sessions,
           sum(minutes) AS mentoring_minutes,
           count(*) FILTER (WHERE sessions > 0) AS mentees_mentored,
           count(*) FILTER (WHERE holds_place) AS enrolled`;

const COUNT_NAMES = [
  'participants',
  'completers',
  'certified',
  'ai_adopters',
  'mentoring_sessions',
  'mentoring_minutes',
  'mentees_mentored',
  'enrolled',
];

/** Those counts by name, of the rows `from` (a table alias) when given. */
export const counted = (from?: string) =>
  COUNT_NAMES.map((name) => (from ? `${from}.${name}` : name)).join(', ');

const COLUMNS = `programme_id, cohort_id, round_id, region_id, lead_trainer_id, institution_id, generation,
                 first_in_round, first_in_region, first_in_programme, trainee_id, ${counted()}`;

/**
 * Whether some mentee is not a participant: a participant has sessions exactly when a mentee row
 * is theirs (one per person), so the counts differ then. Two scans where looking each mentee up
 * among the participants hashed them all: 1.0 s at scale 1000, to find none.
 */
const SOME_MENTEE_NOT_PARTICIPANT = `(SELECT count(*) FROM rollup_mentees)
     > (SELECT count(*) FROM rollup_participants WHERE sessions > 0)`;

/**
 * The cells of the members (MEMBERS_SQL) in `cohorts`, and the rows of `mentees` who are not
 * participants, into `table`. Grouped without the cohort's round, region and lead, which are the
 * cohort's, joined to each group: three keys fewer to hash per membership.
 */
const fillCellsSql = (table: string, cohorts: string, nonParticipants: string) => `
  INSERT INTO ${table} (${COLUMNS})
  SELECT $1::uuid, g.cohort_id, c.round_id, c.region_id, c.lead_trainer_id, g.institution_id, g.generation,
         g.first_in_round, g.first_in_region, g.first_in_programme, g.trainee_id, ${counted('g')}
    FROM (SELECT cohort_id, institution_id, generation, first_in_round, first_in_region, first_in_programme,
                 CASE WHEN memberships > 1 OR trainer THEN person_id END AS trainee_id, ${COUNTS}
            FROM (${MEMBERS_SQL}) m
           WHERE ${cohorts}
           GROUP BY 1, 2, 3, 4, 5, 6, 7) g
    JOIN cohorts c ON c.id = g.cohort_id AND c.programme_id = $1
  UNION ALL
  SELECT $1, NULL, NULL, NULL, NULL, NULL, NULL, false, false, false, me.person_id, 0, 0, 0, 0,
         me.sessions, me.minutes, 1, 0
    FROM rollup_mentees me
   WHERE ${SOME_MENTEE_NOT_PARTICIPANT}
     AND me.person_id NOT IN (SELECT person_id FROM rollup_participants) AND ${nonParticipants}`;

/**
 * A full rollup's cells, first into a working set shaped as figures_cells: the statements that
 * compute them and the figures from them (figures.sql.ts) then read only working sets and
 * reference data, so their kept plans (plan-reuse.ts) outlive autovacuum's passes over
 * figures_cells and the snapshot tables, which made PostgreSQL plan the ~200-line snapshot
 * statement again before most rollups (a third of its cost at scale 1). Only the short
 * statements that copy the results into those tables are planned again.
 */
export const CELLS: WorkingSet = { table: 'rollup_cells', select: `SELECT ${COLUMNS} FROM figures_cells` };
export const FILL_CELLS_SQL = fillCellsSql(CELLS.table, 'true', 'true');

/**
 * The programme's cells as a statement of the snapshot reads them (FROM … WHERE, to be extended
 * with AND): a full rollup's from CELLS, which holds that programme's alone (filtered by
 * programme, the planner took them for 0.5 % of their rows, and sorted where hashing was cheaper),
 * an incremental rollup's from figures_cells, which hold those of the scopes it did not touch too.
 */
export const programmeCells = (scopes: Scopes) =>
  scopes === 'all' ? `${CELLS.table} WHERE true` : `figures_cells WHERE programme_id = $1`;

/** The ids of the scopes of a kind an incremental rollup touched, as a subquery. */
export const touchedIds = (kind: string) => `(SELECT scope_id FROM rollup_scopes WHERE scope = '${kind}')`;

/** `AND column IN (the touched scopes of a kind)`, or nothing for all scopes. */
export const touchedOnly = (scopes: Scopes, kind: string, column: string) =>
  scopes === 'all' ? '' : `AND ${column} IN ${touchedIds(kind)}`;

const SAME_REACH = `f.trainer_id = r.trainer_id AND f.descendant_id = r.descendant_id AND f.steps = r.steps`;

/**
 * Then the programme's cells and reach replaced by those of its working sets, and the time it was
 * done. The reach changes only with the trainer graph: a row it holds already stays (no two are
 * the same), where writing it again cost a heap row, two index entries and a dead row.
 */
export const WRITE_ALL_CELLS_SQL = `
  WITH cleared AS (
    DELETE FROM figures_cells WHERE programme_id = $1
  ), stale_reach AS (
    DELETE FROM figures_reach f
     WHERE f.programme_id = $1 AND NOT EXISTS (SELECT 1 FROM rollup_reach r WHERE ${SAME_REACH})
  ), reach AS (
    INSERT INTO figures_reach (programme_id, trainer_id, descendant_id, steps)
    SELECT $1, trainer_id, descendant_id, steps FROM rollup_reach r
     WHERE NOT EXISTS (SELECT 1 FROM figures_reach f WHERE f.programme_id = $1 AND ${SAME_REACH})
  ), built AS (
    INSERT INTO figures_cells_built (programme_id, built_at) VALUES ($1, now())
    ON CONFLICT (programme_id) DO UPDATE SET built_at = EXCLUDED.built_at
  )
  INSERT INTO figures_cells (${COLUMNS}) SELECT ${COLUMNS} FROM ${CELLS.table}`;

/**
 * The cohorts of the people a write named ($2), and whether the programme has no snapshot yet
 * (then a full rollup is due). A trainer's records roll up incrementally too: what would change
 * the trainer graph or a master teacher's institution marks the programme's structure instead.
 */
export const TOUCHED_SQL = `
  SELECT ARRAY(SELECT DISTINCT e.cohort_id
                 FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
                WHERE c.programme_id = $1 AND e.person_id = ANY ($2::uuid[])) AS cohorts,
         NOT EXISTS (SELECT 1 FROM stats_snapshots WHERE programme_id = $1) AS full`;

/**
 * The working sets of an incremental rollup: every membership and mentee row of the members of
 * the touched cohorts ($2) and of the people named ($3). Its row count is the memberships'.
 */
const PEOPLE = `(SELECT e.person_id FROM enrolments e WHERE e.cohort_id = ANY ($2::uuid[])
                 UNION SELECT unnest($3::uuid[]))`;
export const FILL_TOUCHED_SQL = `
  WITH mentees AS (${fillSql(mentees(`a.mentee_id IN ${PEOPLE}`))}
  )
  ${fillSql(memberships(`e.person_id IN ${PEOPLE}`))}`;

/**
 * Then the reach as the last full rollup left it, of every trainer above those memberships'
 * leads and members: their generations, and the reach of each trainer whose figures the change
 * touches, are read from it, not the whole programme's.
 */
export const FILL_TOUCHED_REACH_SQL = `
  INSERT INTO rollup_reach
  SELECT trainer_id, descendant_id, steps FROM figures_reach
   WHERE programme_id = $1
     AND trainer_id IN (SELECT trainer_id FROM figures_reach
                         WHERE programme_id = $1
                           AND descendant_id IN (SELECT lead_trainer_id FROM rollup_memberships
                                                 UNION SELECT person_id FROM rollup_memberships))`;

/**
 * An incremental rollup: the cells of the touched cohorts ($2) and people ($3) replaced, and
 * what they touched listed in rollup_scopes — the programme; those cohorts, their rounds and
 * regions; the institutions of their cells before and after, and those institutions' regions;
 * the cohorts' lead trainers and every trainer reaching them.
 */
export const WRITE_TOUCHED_CELLS_SQL = `
  WITH cleared AS (
    DELETE FROM figures_cells
     WHERE programme_id = $1
       AND (cohort_id = ANY ($2::uuid[]) OR (cohort_id IS NULL AND trainee_id = ANY ($3::uuid[])))
    RETURNING institution_id
  ), added AS (${fillCellsSql('figures_cells', 'cohort_id = ANY ($2::uuid[])', 'me.person_id = ANY ($3::uuid[])')}
    RETURNING institution_id
  ), touched_institutions AS (
    SELECT institution_id FROM cleared WHERE institution_id IS NOT NULL
    UNION SELECT institution_id FROM added WHERE institution_id IS NOT NULL
  ), touched_cohorts AS (
    SELECT id, round_id, region_id, lead_trainer_id FROM cohorts WHERE id = ANY ($2::uuid[])
  )
  INSERT INTO rollup_scopes (scope, scope_id)
  SELECT 'programme', $1
  UNION SELECT 'cohort', id FROM touched_cohorts
  UNION SELECT 'round', round_id FROM touched_cohorts
  UNION SELECT 'region', region_id FROM touched_cohorts
  UNION SELECT 'institution', institution_id FROM touched_institutions
  UNION SELECT 'region', i.region_id FROM touched_institutions t JOIN institutions i ON i.id = t.institution_id
  UNION SELECT 'trainer', r.trainer_id FROM rollup_reach r
         WHERE r.descendant_id IN (SELECT lead_trainer_id FROM touched_cohorts)`;

/** What an incremental rollup touched: rollup_scopes, filled by WRITE_TOUCHED_CELLS_SQL. */
export const TOUCHED_SCOPES: WorkingSet = {
  table: 'rollup_scopes',
  select: `SELECT 'programme'::text AS scope, NULL::uuid AS scope_id`,
};
