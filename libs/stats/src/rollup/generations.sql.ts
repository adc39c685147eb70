/**
 * The trainer graph, walked once per rollup: who trained which lead trainer ("led a cohort that
 * lead trainer enrolled in"). Only lead trainers pass a generation on or have trainees to sum, so
 * the walk covers the trainer graph alone (small at any scale).
 */

/** Who trained which lead trainer: the enrolments of lead trainers, with their cohort's lead. */
const TRAINER_EDGES = `
    SELECT DISTINCT m.lead_trainer_id AS trainer_id, m.person_id
      FROM stats_rollup_memberships m
     WHERE m.person_id IN (SELECT lead_trainer_id FROM cohorts WHERE programme_id = $1)`;

/**
 * Every trainer's reach: (trainer, a lead trainer they reach along the graph's edges, the fewest
 * steps it takes), themselves included at 0 steps, for every lead trainer and master teacher of
 * the programme. The trainer pass (trainers.sql.ts) sums each reached lead's trainees; the
 * generations (GENERATIONS below) are the steps from the master teachers.
 *
 * CYCLE is the cycle guard (a walk never revisits a person, so trainers who trained each other
 * end it) — the same walk as the cascade tree's generations query
 * (libs/cascade/src/cascade-tree/generations.sql.ts). It enumerates walks, not pairs: a lead
 * reached along k routes is visited k times, which is cheap while the trainer graph is (nearly)
 * a tree, as a cascade is; then one row per pair.
 *
 * Its own small table (analysed with the other working sets at scale; unanalysed, its size is
 * guessed from its pages, which is close), and a UNION ALL walk: the planner's guess for a
 * recursive CTE is orders of magnitude too big (30 million rows for 8,800 at scale 100), and
 * with the rollup's work_mem every hash table sized by that guess — a recursive UNION's, and the
 * trainer pass's joins over the reach — was allocated at full size: measured at scale 100, the
 * trainer pass took 18 s inside the snapshot statement (0.6 s with this table), and a recursive
 * UNION here another 18 s. Needs stats_rollup_memberships; $1 is the programme id.
 */
export const REACH_SQL = `
  CREATE TEMP TABLE stats_rollup_reach ON COMMIT DROP AS
  WITH RECURSIVE trainer_edges AS (${TRAINER_EDGES}
  ), trainers AS (
    SELECT lead_trainer_id AS person_id FROM cohorts WHERE programme_id = $1
    UNION SELECT person_id FROM master_teachers WHERE programme_id = $1
  ), walks (trainer_id, descendant_id, steps) AS (
    SELECT person_id, person_id, 0 FROM trainers
    UNION ALL
    SELECT w.trainer_id, e.person_id, w.steps + 1
      FROM walks w
      JOIN trainer_edges e ON e.trainer_id = w.descendant_id
  ) CYCLE descendant_id SET is_cycle USING path
  SELECT trainer_id, descendant_id, min(steps) AS steps
    FROM walks
   WHERE NOT is_cycle
   GROUP BY trainer_id, descendant_id`;

/**
 * Cascade generations of the trainers (a CTE body over stats_rollup_reach): master teachers are
 * generation 1; a lead trainer's generation is 1 + the fewest steps from any master teacher —
 * 1 + the lowest generation of the leads of the cohorts they enrolled in. Every participant then
 * takes 1 + the lowest generation of their cohorts' lead trainers in participantsSql
 * (scratch.sql.ts). A lead no master teacher reaches has none. $1 is the programme id.
 */
export const GENERATIONS = `
    SELECT descendant_id AS person_id, min(steps) + 1 AS generation
      FROM stats_rollup_reach
     WHERE trainer_id IN (SELECT person_id FROM master_teachers WHERE programme_id = $1)
     GROUP BY descendant_id`;
