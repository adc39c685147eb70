/**
 * The four kinds of write the freshness benchmark times (issue 19 goal 1): what each one sends
 * through the HTTP API, which figure it must move, and the generated rows it is made against.
 */
import { Client } from 'pg';

export type Api = (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

/** The programme-scope figures a write may move (GET /programmes/:id/stats). */
export type Figure = 'participants' | 'certified' | 'aiAdopters' | 'mentoringSessions';

export interface WriteKind {
  name: string;
  /** The figure that includes the write once it is exactly one more than before it. */
  figure: Figure;
  /** Untimed preparation (a new person, unverified evidence); the figures settle after it. */
  prepare: (api: Api, n: number) => Promise<string>;
  /** The timed write itself: its response ends the write, the clock starts there. */
  write: (api: Api, prepared: string, n: number) => Promise<void>;
}

/** The best score of each core course a person completed in the programme ($1). */
const BEST_CORE_SCORES = `
  prog AS (SELECT core_course_ids, pass_mark, cardinality(core_course_ids) AS courses FROM programmes WHERE id = $1),
  best AS (
    SELECT e.person_id, cc.course_id, max(coalesce(cc.score, 0)) AS score
      FROM prog JOIN cohorts c ON c.programme_id = $1 JOIN enrolments e ON e.cohort_id = c.id
      JOIN course_completions cc ON cc.enrolment_id = e.id AND cc.course_id = ANY(prog.core_course_ids)
     GROUP BY e.person_id, cc.course_id),
  standing AS (
    SELECT person_id, count(*)::int AS done, sum(score) AS total, array_agg(course_id) AS courses_done
      FROM best GROUP BY person_id)`;

/**
 * People one core course short of certification whose completed core courses average at least
 * the pass mark, with an enrolment (not withdrawn) in a cohort that teaches the missing course and
 * a day inside that cohort's dates on or after the enrolment; no certification held or blocked.
 */
const ONE_COURSE_SHORT_SQL = `
  WITH ${BEST_CORE_SCORES}
  SELECT DISTINCT ON (s.person_id) e.id AS "enrolmentId", missing.course_id AS "courseId",
         least(c.ends_on, current_date)::text AS "completedOn"
    FROM standing s CROSS JOIN prog
    CROSS JOIN LATERAL unnest(prog.core_course_ids) AS missing(course_id)
    JOIN enrolments e ON e.person_id = s.person_id AND e.status <> 'withdrawn'
    JOIN cohorts c ON c.id = e.cohort_id AND c.programme_id = $1 AND missing.course_id = ANY(c.course_ids)
   WHERE s.done = prog.courses - 1 AND s.total / s.done >= prog.pass_mark
     AND missing.course_id <> ALL(s.courses_done)
     AND greatest(e.enrolled_on, c.starts_on) <= least(c.ends_on, current_date)
     AND NOT EXISTS (SELECT 1 FROM certifications ct WHERE ct.programme_id = $1 AND ct.person_id = s.person_id
                                                      AND (ct.revoked_on IS NULL OR ct.blocks_reissue))
   ORDER BY s.person_id, c.ends_on DESC
   LIMIT $2`;

/** Completers with no verified AI-adoption evidence: one verified piece makes each an AI adopter. */
const COMPLETERS_WITHOUT_EVIDENCE_SQL = `
  WITH ${BEST_CORE_SCORES}
  SELECT s.person_id AS "personId"
    FROM standing s CROSS JOIN prog
   WHERE s.done = prog.courses
     AND NOT EXISTS (SELECT 1 FROM ai_adoptions a WHERE a.programme_id = $1 AND a.person_id = s.person_id
                                                    AND a.verified_on IS NOT NULL)
   ORDER BY s.person_id
   LIMIT $2`;

/** Cohorts with a free place, each with an institution of its region for the new person. */
export const COHORTS_WITH_ROOM_SQL = `
  SELECT c.id AS "cohortId",
         (SELECT i.id FROM institutions i WHERE i.region_id = c.region_id ORDER BY i.id LIMIT 1) AS "institutionId"
    FROM cohorts c
   WHERE c.programme_id = $1
     AND (SELECT count(*) FROM enrolments e WHERE e.cohort_id = c.id) < c.capacity
     AND EXISTS (SELECT 1 FROM institutions i WHERE i.region_id = c.region_id)
   ORDER BY c.id
   LIMIT $2`;

/** Assignments running since yesterday at least, so a session an hour ago lies inside them. */
const ACTIVE_ASSIGNMENTS_SQL = `
  SELECT id AS "assignmentId" FROM mentoring_assignments
   WHERE programme_id = $1 AND starts_on < current_date AND (ends_on IS NULL OR ends_on >= current_date)
   ORDER BY id
   LIMIT $2`;

async function rows<T>(
  pg: Client,
  sql: string,
  programmeId: string,
  count: number,
  what: string,
): Promise<T[]> {
  const { rows: found } = await pg.query<T & Record<string, unknown>>(sql, [programmeId, count]);
  if (found.length < count) throw new Error(`${what}: ${found.length} in the database, ${count} needed`);
  return found;
}

/** The four kinds against the generated programme, `count` distinct targets each. */
export async function writeKinds(
  pg: Client,
  programmeId: string,
  count: number,
  runId: string,
): Promise<WriteKind[]> {
  const cohorts = await rows<{ cohortId: string; institutionId: string }>(
    pg,
    COHORTS_WITH_ROOM_SQL,
    programmeId,
    count,
    'cohorts with a free place',
  );
  const shortOfOne = await rows<{ enrolmentId: string; courseId: string; completedOn: string }>(
    pg,
    ONE_COURSE_SHORT_SQL,
    programmeId,
    count,
    'participants one core course short of certification',
  );
  const completers = await rows<{ personId: string }>(
    pg,
    COMPLETERS_WITHOUT_EVIDENCE_SQL,
    programmeId,
    count,
    'completers without verified AI evidence',
  );
  const assignments = await rows<{ assignmentId: string }>(
    pg,
    ACTIVE_ASSIGNMENTS_SQL,
    programmeId,
    count,
    'active mentoring assignments',
  );
  const none = async () => '';
  return [
    {
      name: 'enrolment',
      figure: 'participants',
      prepare: async (api, n) => {
        const person = await api('POST', '/people', {
          fullName: `Fresh Bench ${runId} ${n}`,
          email: `fresh-${runId}-${n}@bench.mn`,
          institutionId: cohorts[n].institutionId,
          discipline: 'Mathematics',
        });
        return person.id as string;
      },
      write: async (api, personId, n) => {
        await api('POST', `/cohorts/${cohorts[n].cohortId}/enrolments`, { personId });
      },
    },
    {
      name: 'completion that certifies',
      figure: 'certified',
      prepare: none,
      write: async (api, _, n) => {
        const { enrolmentId, courseId, completedOn } = shortOfOne[n];
        await api('POST', `/enrolments/${enrolmentId}/completions`, { courseId, completedOn, score: 100 });
      },
    },
    {
      name: 'AI evidence, verified',
      figure: 'aiAdopters',
      prepare: async (api, n) => {
        const evidence = await api('POST', '/ai-adoptions', {
          personId: completers[n].personId,
          programmeId,
          observedOn: new Date().toISOString().slice(0, 10),
          kind: 'instruction',
          description: 'Uses a chatbot to draft formative quizzes (freshness bench)',
        });
        return evidence.id as string;
      },
      write: async (api, evidenceId) => {
        await api('POST', `/ai-adoptions/${evidenceId}/verify`);
      },
    },
    {
      name: 'mentoring session',
      figure: 'mentoringSessions',
      prepare: none,
      write: async (api, _, n) => {
        await api('POST', `/mentoring/assignments/${assignments[n].assignmentId}/sessions`, {
          clientRef: `fresh-${runId}-${n}`,
          occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
          durationMinutes: 45,
          mode: 'online',
          topics: ['feedback on a lesson'],
        });
      },
    },
  ];
}
