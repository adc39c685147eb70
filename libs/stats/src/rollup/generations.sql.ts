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
export const GENERATIONS_SQL = `
  CREATE TEMP TABLE stats_rollup_generations ON COMMIT DROP AS
  WITH RECURSIVE trainer_edges AS (
    -- Who trained which lead trainer: the enrolments of lead trainers, with their cohort's lead.
    SELECT DISTINCT m.lead_trainer_id AS trainer_id, m.person_id
      FROM stats_rollup_memberships m
     WHERE m.person_id IN (SELECT lead_trainer_id FROM cohorts WHERE programme_id = $1)
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
