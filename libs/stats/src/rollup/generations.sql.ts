/**
 * Cascade generations, level by level (a breadth-first walk, one set-based statement per
 * level): master teachers are generation 1; whoever enrolled in a cohort led by someone of
 * generation n, and has no generation yet, is generation n + 1. Reaching a person first at the
 * lowest level is exactly "1 + the lowest generation of the lead trainers of the cohorts they
 * enrolled in". ON CONFLICT DO NOTHING is the cycle guard: a person is placed once, so a loop of
 * trainers teaching each other ends; people reached from no master teacher have no generation.
 * Needs stats_rollup_memberships (scratch.sql.ts).
 */

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

/** Generation $2 + 1: the participants of cohorts led by generation $2 ($1 programme). */
export const GENERATION_NEXT_LEVEL_SQL = `
  INSERT INTO stats_rollup_generations (person_id, generation)
  SELECT DISTINCT m.person_id, $2::int + 1
    FROM stats_rollup_generations g
    JOIN cohorts c ON c.lead_trainer_id = g.person_id AND c.programme_id = $1
    JOIN stats_rollup_memberships m ON m.cohort_id = c.id
   WHERE g.generation = $2::int
  ON CONFLICT (person_id) DO NOTHING`;

/** No real cascade is this deep; a walk that goes on past it is a bug, not data. */
export const MAX_GENERATIONS = 1000;
