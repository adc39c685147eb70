import { EntityManager } from 'typeorm';
import { execute } from '@cascade/platform';

/**
 * The one owner of "an enrolment's status follows its records": `enrolled` with no completion,
 * `active` from the first one, `completed` once every course of the cohort is completed, and
 * back again when a completion is removed or the cohort gains a course. `withdrawn` is the
 * person's decision and is never changed here.
 */
const FOLLOW_RECORDS = (scope: string) => `
  UPDATE enrolments e
     SET status = derived.status, updated_at = now()
    FROM (SELECT e.id,
                 CASE WHEN count(cc.id) = 0 THEN 'enrolled'
                      WHEN c.course_ids <@ array_agg(cc.course_id) THEN 'completed'
                      ELSE 'active' END AS status
            FROM enrolments e
            JOIN cohorts c ON c.id = e.cohort_id
            LEFT JOIN course_completions cc ON cc.enrolment_id = e.id
           WHERE ${scope} AND e.status <> 'withdrawn'
           GROUP BY e.id, c.course_ids) derived
   WHERE e.id = derived.id AND e.status <> derived.status`;

/** Re-derives the status of these enrolments (withdrawn ones stay withdrawn). */
export async function followRecords(tx: EntityManager, enrolmentIds: string[]): Promise<void> {
  if (enrolmentIds.length === 0) return;
  await execute(tx, FOLLOW_RECORDS(`e.id = ANY($1::uuid[])`), [enrolmentIds]);
}

/** Re-derives the status of every enrolment of a cohort, after its courses changed. */
export async function followRecordsOfCohort(tx: EntityManager, cohortId: string): Promise<void> {
  await execute(tx, FOLLOW_RECORDS(`e.cohort_id = $1`), [cohortId]);
}

/** Re-derives the status of every enrolment of a programme (the data generator, after bulk inserts). */
export async function followRecordsOfProgramme(tx: EntityManager, programmeId: string): Promise<void> {
  await execute(tx, FOLLOW_RECORDS(`e.cohort_id IN (SELECT id FROM cohorts WHERE programme_id = $1)`), [
    programmeId,
  ]);
}
