import { PROGRAMME_TRAINERS, trainerGenerations, trainerWalks } from '@cascade/cascade';
import type { WorkingSet } from './scratch.sql';

/**
 * The trainer graph, walked once per rollup by cascade's one definition of a generation
 * (libs/cascade/src/generations/generation.sql.ts) over the rollup's memberships: who trained
 * which lead trainer ("led a cohort that lead trainer enrolled in"). Only lead trainers pass a
 * generation on or have trainees to sum, so the walk covers the trainer graph alone (small at
 * any scale).
 */

/**
 * Every trainer's reach: (trainer, a lead trainer they reach along the graph's edges, the fewest
 * steps it takes), themselves included at 0 steps, for every lead trainer and master teacher of
 * the programme. The trainer pass (trainers.sql.ts) sums each reached lead's trainees; the
 * generations (GENERATIONS below) are the steps from the master teachers.
 *
 * Its own small table (analysed with the other working sets at scale; unanalysed, its size is
 * guessed from its pages, which is close), and a UNION ALL walk: the planner's guess for a
 * recursive CTE is orders of magnitude too big (30 million rows for 8,800 at scale 100), and
 * with the rollup's work_mem every hash table sized by that guess — a recursive UNION's, and the
 * trainer pass's joins over the reach — was allocated at full size: measured at scale 100, the
 * trainer pass took 18 s inside the snapshot statement (0.6 s with this table), and a recursive
 * UNION here another 18 s. Needs rollup_memberships; $1 is the programme id.
 */
export const REACH: WorkingSet = {
  table: 'rollup_reach',
  select: `
  WITH RECURSIVE ${trainerWalks('rollup_memberships', PROGRAMME_TRAINERS)}
  SELECT trainer_id, descendant_id, min(steps) AS steps
    FROM walks
   WHERE NOT is_cycle
   GROUP BY trainer_id, descendant_id`,
};

/**
 * Cascade generations of the trainers (a CTE body over rollup_reach), by cascade's rule:
 * 1 + the fewest steps from any master teacher. Every participant then takes 1 + the lowest
 * generation of their cohorts' lead trainers in participantsSql (scratch.sql.ts). A lead no
 * master teacher reaches has none. $1 is the programme id.
 */
export const GENERATIONS = trainerGenerations('rollup_reach');
