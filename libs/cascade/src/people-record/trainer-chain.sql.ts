/**
 * Who trained a person ($1), per programme: the shortest chain of lead trainers from the
 * person up to a master teacher. Walks upward (person → lead trainers of their cohorts → theirs
 * → …), stops at master teachers, guards cycles with CYCLE, and keeps per programme the
 * shortest chain that ends at a master teacher — its length + 1 is the person's generation,
 * as GENERATIONS_SQL defines it. Rows: one per step (step 1 = the person's own lead trainer).
 */
export const TRAINER_CHAIN_SQL = `
  WITH RECURSIVE up (programme_id, trainer_id, depth, chain) AS (
    SELECT c.programme_id, c.lead_trainer_id, 1, ARRAY[c.id]
      FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
     WHERE e.person_id = $1
    UNION ALL
    SELECT c.programme_id, c.lead_trainer_id, u.depth + 1, u.chain || c.id
      FROM up u
      JOIN enrolments e ON e.person_id = u.trainer_id
      JOIN cohorts c ON c.id = e.cohort_id AND c.programme_id = u.programme_id
     WHERE NOT EXISTS (SELECT 1 FROM master_teachers mt WHERE mt.programme_id = u.programme_id AND mt.person_id = u.trainer_id)
  ) CYCLE trainer_id SET is_cycle USING path,
  shortest AS (
    SELECT DISTINCT ON (u.programme_id) u.programme_id, u.chain
      FROM up u
     WHERE NOT u.is_cycle
       AND EXISTS (SELECT 1 FROM master_teachers mt WHERE mt.programme_id = u.programme_id AND mt.person_id = u.trainer_id)
     ORDER BY u.programme_id, u.depth, u.chain
  )
  SELECT s.programme_id AS "programmeId", step.ord::int AS step, c.id AS "cohortId", c.name AS "cohortName",
         c.lead_trainer_id AS "personId", p.full_name AS "fullName",
         EXISTS (SELECT 1 FROM master_teachers mt WHERE mt.programme_id = s.programme_id AND mt.person_id = c.lead_trainer_id)
           AS "isMasterTeacher"
    FROM shortest s
    CROSS JOIN LATERAL unnest(s.chain) WITH ORDINALITY AS step (cohort_id, ord)
    JOIN cohorts c ON c.id = step.cohort_id
    JOIN people p ON p.id = c.lead_trainer_id
   ORDER BY s.programme_id, step.ord`;
