/**
 * Cascade generations: master teachers are generation 1; a person's generation is 1 + the
 * lowest generation of the lead trainers of the cohorts they enrolled in.
 *
 * Only lead trainers pass a generation on, so the walk covers the trainer graph alone (small
 * at any scale), level by level — one set-based statement per level, a breadth-first walk:
 * whoever is reached first is reached at their lowest level. ON CONFLICT DO NOTHING is the
 * cycle guard (a person is placed once, so trainers who trained each other end the walk).
 * Every participant then takes 1 + the lowest generation of their cohorts' lead trainers in
 * participantsSql (scratch.sql.ts). Needs stats_rollup_memberships.
 */

/** Who trained which lead trainer: the enrolments of lead trainers, with their cohort's lead ($1 programme). */
export const TRAINER_EDGES_SQL = `
  CREATE TEMP TABLE stats_rollup_trainer_edges ON COMMIT DROP AS
  SELECT DISTINCT m.lead_trainer_id AS trainer_id, m.person_id
    FROM stats_rollup_memberships m
   WHERE m.person_id IN (SELECT lead_trainer_id FROM cohorts WHERE programme_id = $1)`;

export const GENERATIONS_TABLE_SQL = `
  CREATE TEMP TABLE stats_rollup_generations (
    person_id uuid PRIMARY KEY,
    generation int NOT NULL
  ) ON COMMIT DROP`;

/** Generation 1: the programme's master teachers ($1 programme). */
export const GENERATION_ROOTS_SQL = `
  INSERT INTO stats_rollup_generations (person_id, generation)
  SELECT person_id, 1 FROM master_teachers WHERE programme_id = $1
  ON CONFLICT (person_id) DO NOTHING`;

/** Generation $1 + 1: lead trainers who enrolled in a cohort led by generation $1. */
export const GENERATION_NEXT_LEVEL_SQL = `
  INSERT INTO stats_rollup_generations (person_id, generation)
  SELECT DISTINCT e.person_id, $1::int + 1
    FROM stats_rollup_generations g
    JOIN stats_rollup_trainer_edges e ON e.trainer_id = g.person_id
   WHERE g.generation = $1::int
  ON CONFLICT (person_id) DO NOTHING`;

/** No real cascade is this deep; a walk that goes on past it is a bug, not data. */
export const MAX_GENERATIONS = 1000;
