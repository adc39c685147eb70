import { EntityManager } from 'typeorm';
import { queryRows } from '@cascade/platform';
import { TRAINER_GENERATIONS } from '../generations/generation.sql';

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

/**
 * Generations of a programme's cascade ($1 = programme id) → rows (person_id, generation), by
 * the one definition (generations/generation.sql.ts): the trainer graph is walked from the
 * master teachers, then every participant takes 1 + the lowest generation of their lead
 * trainers in one join. It follows indexed columns: master_teachers (programme_id, person_id),
 * cohorts (programme_id), cohorts (lead_trainer_id), enrolments (cohort_id, person_id).
 * People whose lead trainers reach no master teacher have no generation and are not returned.
 */
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
  return queryRows<PersonGeneration>(manager, GENERATIONS_SQL, [programmeId]);
}

/** The generations of these people only (a page of the cascade tree). */
export async function generationsOf(
  manager: EntityManager,
  programmeId: string,
  personIds: string[],
): Promise<Map<string, number>> {
  if (personIds.length === 0) return new Map();
  const rows = await queryRows<PersonGeneration>(manager, GENERATIONS_OF_SQL, [programmeId, personIds]);
  return new Map(rows.map((r) => [r.person_id, r.generation]));
}
