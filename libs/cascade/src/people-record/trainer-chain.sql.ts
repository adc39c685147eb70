import { TRAINER_GENERATIONS } from '../generations/generation.sql';

/** A lead trainer's cohort that person `${person}` enrolled in, in programme $1, with the lead's generation. */
const LEADS_OF = (person: string) => `
      SELECT c.id, c.lead_trainer_id, tg.generation
        FROM enrolments e
        JOIN cohorts c ON c.id = e.cohort_id AND c.programme_id = $1
        JOIN trainer_generations tg ON tg.person_id = c.lead_trainer_id
       WHERE e.person_id = ${person}`;

/**
 * Who trained a person ($2) in programme $1: a shortest chain of lead trainers from the person
 * up to a master teacher, read off the programme's generations (generations/generation.sql.ts):
 * step 1 is the cohort whose lead has the lowest generation, each next step a cohort that lead
 * enrolled in whose lead is one generation lower, down to generation 1 (a master teacher). Of
 * equally short chains, the one whose cohort ids sort first. Its length + 1 is the person's
 * generation through their cohorts. Rows: one per step (step 1 = the person's own lead trainer).
 */
export const TRAINER_CHAIN_SQL = `${TRAINER_GENERATIONS},
  chain (step, cohort_id, trainer_id, generation) AS (
    SELECT 1, first.id, first.lead_trainer_id, first.generation
      FROM (${LEADS_OF('$2')} ORDER BY tg.generation, c.id LIMIT 1) first
    UNION ALL
    SELECT ch.step + 1, next.id, next.lead_trainer_id, next.generation
      FROM chain ch
     CROSS JOIN LATERAL (${LEADS_OF('ch.trainer_id')} AND tg.generation = ch.generation - 1
             ORDER BY c.id LIMIT 1) next
     WHERE ch.generation > 1
  )
  SELECT ch.step, c.id AS "cohortId", c.name AS "cohortName", c.lead_trainer_id AS "personId",
         p.full_name AS "fullName", ch.generation = 1 AS "isMasterTeacher"
    FROM chain ch
    JOIN cohorts c ON c.id = ch.cohort_id
    JOIN people p ON p.id = c.lead_trainer_id
   ORDER BY ch.step`;
