import { EntityManager } from 'typeorm';

/**
 * Generations of a programme's cascade ($1 = programme id) → rows (person_id, generation).
 * Master teachers are generation 1; a person's generation is 1 + the lowest generation of
 * the lead trainers of the cohorts they enrolled in (any enrolment status).
 *
 * The recursion walks only the trainer graph (people who lead a cohort), guarded against
 * cycles with CYCLE; every participant then takes 1 + the lowest generation of their lead
 * trainers in one join. It follows indexed columns: master_teachers (programme_id, person_id),
 * cohorts (programme_id), cohorts (lead_trainer_id), enrolments (cohort_id, person_id).
 * People whose lead trainers reach no master teacher have no generation and are not returned.
 */
/** The WITH RECURSIVE head that ends in trainer_generations (person_id, generation); $1 = programme. */
export const TRAINER_GENERATIONS = `
  WITH RECURSIVE
  trainer_edges AS (
    SELECT DISTINCT c.lead_trainer_id AS trainer_id, e.person_id
      FROM cohorts c JOIN enrolments e ON e.cohort_id = c.id
     WHERE c.programme_id = $1
       AND e.person_id IN (SELECT lead_trainer_id FROM cohorts WHERE programme_id = $1)
  ),
  trainer_paths (person_id, generation) AS (
    SELECT person_id, 1 FROM master_teachers WHERE programme_id = $1
    UNION ALL
    SELECT te.person_id, tp.generation + 1
      FROM trainer_paths tp JOIN trainer_edges te ON te.trainer_id = tp.person_id
  ) CYCLE person_id SET is_cycle USING path,
  trainer_generations AS (
    SELECT person_id, min(generation) AS generation FROM trainer_paths WHERE NOT is_cycle GROUP BY person_id
  )`;

/** The people reached, with $2 (uuid[] or NULL for everyone) narrowing the participants read. */
const reached = (people: string) => `
  SELECT person_id, min(generation)::int AS generation
    FROM (SELECT person_id, generation FROM trainer_generations WHERE ${people.replace(/PERSON/g, 'person_id')}
          UNION ALL
          SELECT e.person_id, tg.generation + 1
            FROM trainer_generations tg
            JOIN cohorts c ON c.programme_id = $1 AND c.lead_trainer_id = tg.person_id
            JOIN enrolments e ON e.cohort_id = c.id
           WHERE ${people.replace(/PERSON/g, 'e.person_id')}) AS reached
   GROUP BY person_id`;

export const GENERATIONS_SQL = `${TRAINER_GENERATIONS}${reached('true')}`;

/** The same rule for some people only ($2 = uuid[]): the trainer graph is walked, not every participant. */
export const GENERATIONS_OF_SQL = `${TRAINER_GENERATIONS}${reached('PERSON = ANY($2::uuid[])')}`;

export interface PersonGeneration {
  person_id: string;
  generation: number;
}

/** Every person's generation in the programme's cascade. */
export function programmeGenerations(
  manager: EntityManager,
  programmeId: string,
): Promise<PersonGeneration[]> {
  return manager.query(GENERATIONS_SQL, [programmeId]);
}

/** The generations of these people only (a page of the cascade tree). */
export async function generationsOf(
  manager: EntityManager,
  programmeId: string,
  personIds: string[],
): Promise<Map<string, number>> {
  if (personIds.length === 0) return new Map();
  const rows: PersonGeneration[] = await manager.query(GENERATIONS_OF_SQL, [programmeId, personIds]);
  return new Map(rows.map((r) => [r.person_id, r.generation]));
}
