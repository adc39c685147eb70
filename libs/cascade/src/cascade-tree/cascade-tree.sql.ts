import { EntityManager } from 'typeorm';
import { TRAINER_GENERATIONS } from '../generations/generation.sql';

/** The cohorts a person leads in the programme and their distinct participants, as two columns. */
export const TRAINER_COUNTS = (person: string, programme = '$1') => `
  (SELECT count(*)::int FROM cohorts tc WHERE tc.programme_id = ${programme} AND tc.lead_trainer_id = ${person}) AS cohorts,
  (SELECT count(DISTINCT te.person_id)::int FROM cohorts tc JOIN enrolments te ON te.cohort_id = tc.id
    WHERE tc.programme_id = ${programme} AND tc.lead_trainer_id = ${person}) AS participants`;

/** A cohort of the tree with its participants counted by status (one aggregate per cohort). */
export const TREE_COHORT = `
  SELECT c.id AS "cohortId", c.name, r.number AS "roundNumber", c.region_id AS "regionId", s.participants,
         json_build_object('enrolled', s.enrolled, 'active', s.active, 'completed', s.completed,
                           'withdrawn', s.withdrawn) AS "byStatus"
    FROM cohorts c JOIN cascade_rounds r ON r.id = c.round_id
   CROSS JOIN LATERAL (
         SELECT count(*)::int AS participants,
                count(*) FILTER (WHERE e.status = 'enrolled')::int AS enrolled,
                count(*) FILTER (WHERE e.status = 'active')::int AS active,
                count(*) FILTER (WHERE e.status = 'completed')::int AS completed,
                count(*) FILTER (WHERE e.status = 'withdrawn')::int AS withdrawn
           FROM enrolments e WHERE e.cohort_id = c.id) s`;

/** True for a cohort one of these people (uuid[] parameter) is enrolled in. */
export const onLineFilter = (cohort: string, people: string) =>
  `EXISTS (SELECT 1 FROM enrolments le WHERE le.cohort_id = ${cohort} AND le.person_id = ANY(${people}::uuid[]))`;

/**
 * A person and every trainer above them in the programme: the lead trainers of the cohorts they
 * enrolled in, theirs, and so on — always towards a lower generation, so a master teacher who
 * enrolled in a graduate's cohort does not count that graduate above them, and the walk ends.
 */
export async function lineOf(
  manager: EntityManager,
  programmeId: string,
  personId: string,
): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `${TRAINER_GENERATIONS},
     up (id, generation) AS (
       SELECT $2::uuid, (SELECT generation FROM trainer_generations WHERE person_id = $2)
       UNION
       SELECT c.lead_trainer_id, tg.generation FROM up
         JOIN enrolments e ON e.person_id = up.id
         JOIN cohorts c ON c.id = e.cohort_id AND c.programme_id = $1
         JOIN trainer_generations tg ON tg.person_id = c.lead_trainer_id
        WHERE up.generation IS NULL OR tg.generation < up.generation)
     SELECT DISTINCT id FROM up`,
    [programmeId, personId],
  );
  return rows.map((r) => r.id);
}
