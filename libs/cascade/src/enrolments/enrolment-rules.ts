import { EntityManager } from 'typeorm';
import { ErrorCode, queryRows } from '@cascade/platform';
import { Cohort } from '../cohorts/cohort.entity';

/** One person offered to a cohort; `personId` is null for someone the caller has yet to create. */
export interface EnrolCandidate {
  /** The caller's name for the row (a line of a file, a position in a list): refusals carry it. */
  index: number;
  personId: string | null;
}

/** Why a candidate does not enrol: the field or rule that failed, and its error code. */
export interface EnrolRefusal {
  index: number;
  field: 'personId' | 'capacity';
  message: string;
  code: ErrorCode;
}

export interface Admission {
  /** Indexes that enrol, or keep the enrolment they hold, in index order. */
  admitted: number[];
  refusals: EnrolRefusal[];
}

/** Places taken in a cohort ($1): a withdrawal frees its place. */
export const PLACES_TAKEN_SQL = `
  SELECT count(*)::int AS taken FROM enrolments WHERE cohort_id = $1 AND status <> 'withdrawn'`;

/**
 * The enrolment rules, over a set of candidates ($2 indexes, $3 person ids) for one cohort ($1),
 * whose row the caller holds locked: the cohort's lead trainer cannot enrol in it; a person who
 * holds an enrolment in it (any status) keeps it and takes no new place; everyone else takes a
 * place in index order while places remain. A person named twice is judged once, at the first
 * index. Answers each candidate's verdict, and the places taken when a newcomer finds none.
 */
const ADMIT_SQL = `
  WITH candidate AS (
    SELECT r.idx, r.person_id,
           row_number() OVER (PARTITION BY coalesce(r.person_id::text, 'new ' || r.idx) ORDER BY r.idx) > 1 AS repeated
      FROM unnest($2::int[], $3::uuid[]) AS r(idx, person_id)
  ), cohort AS (
    SELECT c.capacity, c.lead_trainer_id, (${PLACES_TAKEN_SQL}) AS taken FROM cohorts c WHERE c.id = $1
  ), judged AS (
    SELECT k.idx, co.capacity, co.taken,
           CASE WHEN k.person_id = co.lead_trainer_id THEN 'leadTrainer'
                WHEN k.repeated
                  OR EXISTS (SELECT 1 FROM enrolments e WHERE e.cohort_id = $1 AND e.person_id = k.person_id)
                THEN 'holds'
                ELSE 'newcomer' END AS verdict
      FROM candidate k CROSS JOIN cohort co
  )
  SELECT idx,
         CASE WHEN verdict <> 'newcomer' THEN verdict
              WHEN taken + row_number() OVER (PARTITION BY verdict ORDER BY idx) > capacity THEN 'full'
              ELSE 'place' END AS verdict,
         greatest(taken, capacity) AS "placesTaken"
    FROM judged
   ORDER BY idx`;

type Verdict = 'leadTrainer' | 'holds' | 'place' | 'full';

/** The refusal of a cohort that is full: what a single enrolment and a roster row both report. */
export function cohortFull(cohort: Cohort, placesTaken: number, index = 0): EnrolRefusal {
  return {
    index,
    field: 'capacity',
    message: `cohort '${cohort.name}' is full (${placesTaken}/${cohort.capacity})`,
    code: ErrorCode.CohortFull,
  };
}

/** Judges every candidate at once by the rules above; the caller holds the cohort row locked. */
export async function admit(
  tx: EntityManager,
  cohort: Cohort,
  candidates: EnrolCandidate[],
): Promise<Admission> {
  if (candidates.length === 0) return { admitted: [], refusals: [] };
  const verdicts = await queryRows<{ idx: number; verdict: Verdict; placesTaken: number }>(tx, ADMIT_SQL, [
    cohort.id,
    candidates.map((c) => c.index),
    candidates.map((c) => c.personId),
  ]);
  const admission: Admission = { admitted: [], refusals: [] };
  for (const { idx, verdict, placesTaken } of verdicts) {
    if (verdict === 'leadTrainer') {
      admission.refusals.push({
        index: idx,
        field: 'personId',
        message: `the lead trainer of cohort '${cohort.name}' cannot enrol in it`,
        code: ErrorCode.Invalid,
      });
    } else if (verdict === 'full') admission.refusals.push(cohortFull(cohort, placesTaken, idx));
    else admission.admitted.push(idx);
  }
  return admission;
}
