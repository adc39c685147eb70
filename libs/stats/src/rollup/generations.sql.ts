/**
 * Cascade generations: master teachers are generation 1; a person's generation is 1 + the
 * lowest generation of the lead trainers of the cohorts they enrolled in.
 *
 * Only lead trainers pass a generation on, so the walk covers the trainer graph alone (small
 * at any scale): one recursive statement from the master teachers along "who trained which lead
 * trainer", each trainer taking the shortest walk that reaches them. CYCLE is the cycle guard
 * (a walk never revisits a person, so trainers who trained each other end it) — the same walk
 * as the cascade tree's generations query (libs/cascade/src/cascade-tree/generations.sql.ts).
 * It enumerates walks, not people: a trainer reached along k routes is visited k times, which
 * is cheap while the trainer graph is (nearly) a tree, as a cascade is. Every participant then
 * takes 1 + the lowest generation of their cohorts' lead trainers in participantsSql
 * (scratch.sql.ts). Needs stats_rollup_memberships; $1 is the programme id.
 */
/** Who trained which lead trainer: the enrolments of lead trainers, with their cohort's lead. */
const TRAINER_EDGES = `
    SELECT DISTINCT m.lead_trainer_id AS trainer_id, m.person_id
      FROM stats_rollup_memberships m
     WHERE m.person_id IN (SELECT lead_trainer_id FROM cohorts WHERE programme_id = $1)`;

export const GENERATIONS_SQL = `
  CREATE TEMP TABLE stats_rollup_generations ON COMMIT DROP AS
  WITH RECURSIVE trainer_edges AS (${TRAINER_EDGES}
  ), walks (person_id, generation) AS (
    SELECT person_id, 1 FROM master_teachers WHERE programme_id = $1
    UNION ALL
    SELECT e.person_id, w.generation + 1
      FROM walks w
      JOIN trainer_edges e ON e.trainer_id = w.person_id
  ) CYCLE person_id SET is_cycle USING path
  SELECT person_id, min(generation) AS generation
    FROM walks
   WHERE NOT is_cycle
   GROUP BY person_id`;

/**
 * Every trainer's reach over the same graph: (trainer, a lead trainer they reach along "led a
 * cohort that lead trainer enrolled in", any number of steps, themselves included), for every
 * lead trainer and master teacher of the programme. The trainer pass (trainers.sql.ts) sums each
 * reached lead's trainees. Walks with the CYCLE guard, as GENERATIONS_SQL (trainers who trained
 * each other end a walk), then one row per pair.
 *
 * Its own small table (analysed with the other working sets at scale; unanalysed, its size is
 * guessed from its pages, which is close), and a UNION ALL walk: the planner's guess for a
 * recursive CTE is orders of magnitude too big (30 million rows for 8,800 at scale 100),
 * and with the rollup's work_mem every hash table sized by that guess — a recursive UNION's, and
 * the trainer pass's joins over the reach — was allocated at full size: measured at scale 100,
 * the trainer pass took 18 s inside the snapshot statement (0.6 s with this table), and a
 * recursive UNION here another 18 s. Needs stats_rollup_memberships; $1 is the programme id.
 */
export const REACH_SQL = `
  CREATE TEMP TABLE stats_rollup_reach ON COMMIT DROP AS
  WITH RECURSIVE trainer_edges AS (${TRAINER_EDGES}
  ), trainers AS (
    SELECT lead_trainer_id AS person_id FROM cohorts WHERE programme_id = $1
    UNION SELECT person_id FROM master_teachers WHERE programme_id = $1
  ), walks (trainer_id, descendant_id) AS (
    SELECT person_id, person_id FROM trainers
    UNION ALL
    SELECT w.trainer_id, e.person_id
      FROM walks w
      JOIN trainer_edges e ON e.trainer_id = w.descendant_id
  ) CYCLE descendant_id SET is_cycle USING path
  SELECT trainer_id, descendant_id
    FROM walks
   WHERE NOT is_cycle
   GROUP BY trainer_id, descendant_id`;
