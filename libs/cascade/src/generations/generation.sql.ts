/**
 * The one definition of a cascade generation, as SQL fragments over programme $1: master
 * teachers are generation 1; a lead trainer's generation is 1 + the fewest steps from any master
 * teacher along "led a cohort that lead trainer enrolled in" (any enrolment status); every other
 * participant takes 1 + the lowest generation of their cohorts' lead trainers, and a trainer who
 * also enrolled keeps the lower of the two. A person no master teacher reaches has none.
 *
 * The cascade tree (cascade-tree/generations.sql.ts), the trainer chain of a person's record
 * (people-record/trainer-chain.sql.ts) and the statistics rollup (libs/stats rollup) all build
 * on these fragments; they differ only in where the programme's memberships are read from and
 * in which trainers a walk starts from.
 */

/**
 * The programme's memberships as a relation (lead_trainer_id, person_id): every enrolment of any
 * status in a cohort of programme $1, with the cohort's lead. The rollup passes its own working
 * set of the same rows instead.
 */
export const PROGRAMME_MEMBERSHIPS = `
    (SELECT c.lead_trainer_id, e.person_id
       FROM cohorts c JOIN enrolments e ON e.cohort_id = c.id
      WHERE c.programme_id = $1)`;

/** The programme's master teachers, as a relation (person_id): where generations start. */
export const MASTER_TEACHERS = `(SELECT person_id FROM master_teachers WHERE programme_id = $1)`;

/** Every trainer of the programme: its lead trainers and its master teachers (person_id). */
export const PROGRAMME_TRAINERS = `
    (SELECT lead_trainer_id AS person_id FROM cohorts WHERE programme_id = $1
      UNION SELECT person_id FROM master_teachers WHERE programme_id = $1)`;

/**
 * Two CTEs for a WITH RECURSIVE head: trainer_edges (trainer_id, person_id) — who trained which
 * lead trainer — and walks (trainer_id, descendant_id, steps, is_cycle), every walk along those
 * edges from each of `starts` (themselves at 0 steps). Only lead trainers pass a generation on,
 * so the walk covers the trainer graph alone, small at any scale. CYCLE ends a walk that would
 * revisit a person (trainers who trained each other); such a row has is_cycle set. Walks are
 * enumerated, not pairs: a lead reached along k routes is visited k times, which is cheap while
 * the trainer graph is (nearly) a tree, as a cascade is.
 */
export const trainerWalks = (memberships: string, starts: string) => `
  trainer_edges AS (
    SELECT DISTINCT m.lead_trainer_id AS trainer_id, m.person_id
      FROM ${memberships} m
     WHERE m.person_id IN (SELECT lead_trainer_id FROM cohorts WHERE programme_id = $1)
  ), walks (trainer_id, descendant_id, steps) AS (
    SELECT person_id, person_id, 0 FROM ${starts} s
    UNION ALL
    SELECT w.trainer_id, e.person_id, w.steps + 1
      FROM walks w
      JOIN trainer_edges e ON e.trainer_id = w.descendant_id
  ) CYCLE descendant_id SET is_cycle USING path`;

/**
 * The trainers' generations (person_id, generation) over a relation of walks or of their
 * per-pair minimum (trainer_id, descendant_id, steps): 1 + the fewest steps from a master teacher.
 */
export const trainerGenerations = (walks: string) => `
    SELECT descendant_id AS person_id, min(steps) + 1 AS generation
      FROM ${walks}
     WHERE trainer_id IN ${MASTER_TEACHERS}
     GROUP BY descendant_id`;

/**
 * A WITH RECURSIVE head over the tables that ends in trainer_generations (person_id, generation)
 * for programme $1; walks start at the master teachers only.
 */
export const TRAINER_GENERATIONS = `
  WITH RECURSIVE ${trainerWalks(PROGRAMME_MEMBERSHIPS, MASTER_TEACHERS)},
  trainer_generations AS (${trainerGenerations('(SELECT * FROM walks WHERE NOT is_cycle) w')}
  )`;
