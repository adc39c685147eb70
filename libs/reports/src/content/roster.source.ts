import { AiAdoptionKey, ColumnKey, EnrolmentStatusKey } from '../i18n/report-labels';
import { CellType, Column, labelledColumn, ReportContext, ReportEvent, ReportSource } from './report-content';
import { countOf, listSection } from './row-stream';

/** The enrolments of the programme, narrowed to a cohort, a round or a region when asked. */
const ROSTER_WHERE = `
  WHERE c.programme_id = $1
    AND ($2::uuid IS NULL OR c.id = $2::uuid)
    AND ($3::uuid IS NULL OR c.round_id = $3::uuid)
    AND ($4::uuid IS NULL OR c.region_id = $4::uuid)`;

export const ROSTER_COUNT_SQL = `SELECT 1 FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id ${ROSTER_WHERE}`;

/**
 * One row per enrolment. Scores come as one column per core course (in the order of $6), so a
 * spreadsheet gets numbers; the certificate is the person's active one in the programme.
 */
export const ROSTER_SQL = `
  SELECT p.full_name, p.email,
         CASE WHEN $5 = 'mn' THEN i.name_mn ELSE i.name END AS institution,
         CASE WHEN $5 = 'mn' THEN r.name_mn ELSE r.name END AS region,
         CASE WHEN $5 = 'mn' THEN coalesce(c.name_mn, c.name) ELSE c.name END AS cohort, cr.number AS round, e.status, e.enrolled_on::text AS enrolled_on,
         coalesce(done.courses_completed, 0) AS courses_completed, done.course_codes,
         ARRAY(SELECT cc.score::float8
                 FROM unnest($6::uuid[]) WITH ORDINALITY AS core(course_id, position)
                 LEFT JOIN course_completions cc ON cc.enrolment_id = e.id AND cc.course_id = core.course_id
                ORDER BY core.position) AS scores,
         cert.number AS certification_number,
         CASE WHEN ai.verified THEN 'verified' WHEN ai.verified IS NOT NULL THEN 'unverified' ELSE 'none' END AS ai_adoption
    FROM enrolments e
    JOIN cohorts c ON c.id = e.cohort_id
    JOIN cascade_rounds cr ON cr.id = c.round_id
    JOIN regions r ON r.id = c.region_id
    JOIN people p ON p.id = e.person_id
    JOIN institutions i ON i.id = p.institution_id
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS courses_completed, string_agg(co.code, ', ' ORDER BY co.code) AS course_codes
        FROM course_completions cc JOIN courses co ON co.id = cc.course_id
       WHERE cc.enrolment_id = e.id) done ON true
    LEFT JOIN certifications cert
      ON cert.programme_id = c.programme_id AND cert.person_id = e.person_id AND cert.revoked_on IS NULL
    LEFT JOIN LATERAL (
      SELECT bool_or(a.verified_by IS NOT NULL) AS verified
        FROM ai_adoptions a
       WHERE a.programme_id = c.programme_id AND a.person_id = e.person_id) ai ON true
  ${ROSTER_WHERE}
   -- The language's collation: Mongolian Cyrillic order (Ө after О, Ү after У) in mn.
   ORDER BY cr.number,
            (CASE WHEN $5 = 'mn' THEN coalesce(c.name_mn, c.name) END) COLLATE "mn-x-icu", c.name COLLATE "en-x-icu",
            (CASE WHEN $5 = 'mn' THEN p.full_name END) COLLATE "mn-x-icu", p.full_name COLLATE "en-x-icu", e.id`;

const CORE_COURSES_SQL = `
  SELECT co.id, co.code
    FROM programmes pg
    JOIN unnest(pg.core_course_ids) WITH ORDINALITY AS core(course_id, position) ON true
    JOIN courses co ON co.id = core.course_id
   WHERE pg.id = $1
   ORDER BY core.position`;

interface RosterRow {
  full_name: string;
  email: string;
  institution: string;
  region: string;
  cohort: string;
  round: number;
  status: EnrolmentStatusKey;
  enrolled_on: string;
  courses_completed: number;
  course_codes: string | null;
  scores: (number | null)[];
  certification_number: string | null;
  ai_adoption: AiAdoptionKey;
}

function scopeParams(context: ReportContext): unknown[] {
  const { cohortId, roundId, regionId } = context.params;
  return [context.programmeId, cohortId ?? null, roundId ?? null, regionId ?? null];
}

/** cohort-roster: each participant of a cohort, a round, a region or the whole programme. */
export const rosterSource: ReportSource = {
  async prepare(context: ReportContext) {
    return {
      expectedRows: await countOf(context.client, ROSTER_COUNT_SQL, scopeParams(context)),
      events: rosterEvents(context),
    };
  },
};

async function* rosterEvents(context: ReportContext): AsyncGenerator<ReportEvent> {
  const { labels } = context;
  const { rows: core } = await context.client.query<{ id: string; code: string }>(CORE_COURSES_SQL, [
    context.programmeId,
  ]);
  const column = (key: ColumnKey, type: CellType, width: number) => labelledColumn(labels, key, type, width);
  const columns: Column[] = [
    column('fullName', 'text', 24),
    { ...column('email', 'text', 26), spreadsheetOnly: true },
    column('institution', 'text', 26),
    column('region', 'text', 14),
    column('cohort', 'text', 16),
    column('round', 'integer', 6),
    column('enrolmentStatus', 'text', 12),
    column('enrolledOn', 'date', 11),
    column('coursesCompleted', 'integer', 9),
    { ...column('courseCodes', 'text', 18), spreadsheetOnly: true },
    ...core.map((course) => ({
      key: `score:${course.code}`,
      label: `${labels.columns.scores}: ${course.code}`,
      type: 'decimal' as const,
      width: 9,
    })),
    column('certificationNumber', 'text', 16),
    column('aiAdoption', 'text', 13),
  ];
  const sql = { sql: ROSTER_SQL, params: [...scopeParams(context), context.language, core.map((c) => c.id)] };
  yield* listSection<RosterRow>(context, { title: labels.sections.roster, columns }, sql, (row) => [
    row.full_name,
    row.email,
    row.institution,
    row.region,
    row.cohort,
    row.round,
    labels.enrolmentStatus[row.status],
    row.enrolled_on,
    row.courses_completed,
    row.course_codes ?? '',
    ...row.scores,
    row.certification_number ?? '',
    labels.aiAdoption[row.ai_adoption],
  ]);
}
