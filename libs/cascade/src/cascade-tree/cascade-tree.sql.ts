import { EntityManager } from 'typeorm';
import { TRAINER_GENERATIONS } from '../generations/generation.sql';
import { queryRows } from '@cascade/platform';

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
  const rows = await queryRows<{ id: string }>(
    manager,
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

/**
 * People of the programme's cascade whose name or email matches ($2, an ILIKE pattern), narrowed to
 * the branch under $3 (a master teacher's person id; NULL: everyone): the trainers of higher
 * generations below them and every participant of their cohorts. As rows (id, full_name, email);
 * continues a WITH RECURSIVE that starts with TRAINER_GENERATIONS.
 */
const CASCADE_MATCHES = `,
  branch (person_id, generation) AS (
    SELECT person_id, generation FROM trainer_generations WHERE person_id = $3::uuid
    UNION
    SELECT te.person_id, tg.generation
      FROM branch b JOIN trainer_edges te ON te.trainer_id = b.person_id
      JOIN trainer_generations tg ON tg.person_id = te.person_id AND tg.generation > b.generation
  ),
  members (person_id) AS (
    SELECT person_id FROM master_teachers WHERE programme_id = $1 AND $3::uuid IS NULL
    UNION
    SELECT $3::uuid WHERE $3::uuid IS NOT NULL
    UNION
    SELECT e.person_id FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
     WHERE c.programme_id = $1 AND ($3::uuid IS NULL OR c.lead_trainer_id IN (SELECT person_id FROM branch))
  ),
  matched AS (
    SELECT p.id, p.full_name, p.email FROM people p
     WHERE (p.full_name ILIKE $2 OR p.email ILIKE $2) AND p.id IN (SELECT person_id FROM members)
  )`;

/** How many people CASCADE_MATCHES finds. */
export const CASCADE_SEARCH_COUNT = `${TRAINER_GENERATIONS}${CASCADE_MATCHES}
  SELECT count(*)::int AS total FROM matched`;

/**
 * A page ($4 limit, $5 offset) of CASCADE_MATCHES by name, each with the path of tree nodes from a
 * master teacher down to them: walking up, each step takes the cohort whose lead trainer has the
 * lowest generation (one in the $3 branch first), so the walk ends at a master teacher; a walk
 * that ends elsewhere has no path.
 */
export const CASCADE_SEARCH_PAGE = `${TRAINER_GENERATIONS}${CASCADE_MATCHES},
  page AS (SELECT * FROM matched ORDER BY full_name, id LIMIT $4 OFFSET $5),
  up (person_id, node, path) AS (
    SELECT id, id, ARRAY[id::text] FROM page
    UNION ALL
    SELECT up.person_id, step.trainer_id, ARRAY[step.trainer_id::text, step.cohort_id::text] || up.path
      FROM up CROSS JOIN LATERAL (
        SELECT c.lead_trainer_id AS trainer_id, c.id AS cohort_id
          FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id AND c.programme_id = $1
          JOIN trainer_generations tg ON tg.person_id = c.lead_trainer_id
         WHERE e.person_id = up.node
           AND NOT EXISTS (SELECT 1 FROM master_teachers mt WHERE mt.programme_id = $1 AND mt.person_id = up.node)
         ORDER BY c.lead_trainer_id IN (SELECT person_id FROM branch) DESC, tg.generation, c.id
         LIMIT 1) step
  ),
  walked AS (
    SELECT DISTINCT ON (person_id) person_id, node, path FROM up ORDER BY person_id, cardinality(path) DESC
  )
  SELECT pg.id AS "personId", pg.full_name AS "fullName", pg.email,
         CASE WHEN mt.person_id IS NULL THEN NULL ELSE w.path END AS path
    FROM page pg JOIN walked w ON w.person_id = pg.id
    LEFT JOIN master_teachers mt ON mt.programme_id = $1 AND mt.person_id = w.node
   ORDER BY pg.full_name, pg.id`;
