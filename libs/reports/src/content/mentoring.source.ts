import { ColumnKey } from '../i18n/report-labels';
import { CellType, labelledColumn, ReportContext, ReportEvent, ReportSource } from './report-content';
import { countOf, listSection } from './row-stream';

const ASSIGNMENTS_WHERE = `WHERE a.programme_id = $1 AND ($2::uuid IS NULL OR a.mentor_id = $2::uuid)`;

export const MENTORS_COUNT_SQL = `SELECT DISTINCT a.mentor_id FROM mentoring_assignments a ${ASSIGNMENTS_WHERE}`;

/**
 * Per mentor of the programme. A mentee is overdue when their assignment is active, began more
 * than $4 days ago, and has had no session in the last $4 days (MENTORING_OVERDUE_DAYS).
 */
const MENTORS_SQL = `
  WITH per_assignment AS (
    SELECT a.id, a.mentor_id, a.mentee_id, a.starts_on, a.ends_on,
           count(s.id) AS sessions, coalesce(sum(s.duration_minutes), 0) AS minutes,
           max(s.occurred_at) AS last_session_at
      FROM mentoring_assignments a
      LEFT JOIN mentoring_sessions s ON s.assignment_id = a.id
     ${ASSIGNMENTS_WHERE}
     GROUP BY a.id
  )
  SELECT p.full_name AS mentor,
         CASE WHEN $3 = 'mn' THEN i.name_mn ELSE i.name END AS institution,
         CASE WHEN $3 = 'mn' THEN r.name_mn ELSE r.name END AS region,
         count(DISTINCT pa.mentee_id)::int AS mentees,
         count(DISTINCT pa.mentee_id) FILTER (WHERE pa.sessions > 0)::int AS mentees_mentored,
         sum(pa.sessions)::int AS sessions,
         round(sum(pa.minutes) / 60.0, 2)::float8 AS hours,
         (max(pa.last_session_at) AT TIME ZONE 'UTC')::date::text AS last_session_on,
         count(DISTINCT pa.mentee_id) FILTER (
           WHERE (pa.ends_on IS NULL OR pa.ends_on >= current_date)
             AND pa.starts_on <= current_date - $4::int
             AND (pa.last_session_at IS NULL OR pa.last_session_at < now() - make_interval(days => $4::int))
         )::int AS overdue_mentees
    FROM per_assignment pa
    JOIN people p ON p.id = pa.mentor_id
    JOIN institutions i ON i.id = p.institution_id
    JOIN regions r ON r.id = i.region_id
   GROUP BY p.id, p.full_name, i.name, i.name_mn, r.name, r.name_mn
   ORDER BY (CASE WHEN $3 = 'mn' THEN p.full_name END) COLLATE "mn-x-icu", p.full_name COLLATE "en-x-icu", p.id`;

interface MentorRow {
  mentor: string;
  institution: string;
  region: string;
  mentees: number;
  mentees_mentored: number;
  sessions: number;
  hours: number;
  last_session_on: string | null;
  overdue_mentees: number;
}

/** mentoring-activity: mentees, sessions, hours and overdue mentees per mentor. */
export const mentoringSource: ReportSource = {
  async prepare(context: ReportContext) {
    return {
      expectedRows: await countOf(context.client, MENTORS_COUNT_SQL, [
        context.programmeId,
        context.params.mentorId ?? null,
      ]),
      events: mentoringEvents(context),
    };
  },
};

async function* mentoringEvents(context: ReportContext): AsyncGenerator<ReportEvent> {
  const { labels } = context;
  const column = (key: ColumnKey, type: CellType, width: number) => labelledColumn(labels, key, type, width);
  const columns = [
    column('mentor', 'text', 24),
    column('institution', 'text', 26),
    column('region', 'text', 14),
    column('mentees', 'integer', 9),
    column('menteesMentored', 'integer', 11),
    column('sessions', 'integer', 9),
    column('hours', 'decimal', 9),
    column('lastSessionOn', 'date', 11),
    column('overdueMentees', 'integer', 11),
  ];
  const params = [
    context.programmeId,
    context.params.mentorId ?? null,
    context.language,
    context.overdueDays,
  ];
  yield* listSection<MentorRow>(
    context,
    { title: labels.sections.mentors, columns },
    { sql: MENTORS_SQL, params },
    (row) => [
      row.mentor,
      row.institution,
      row.region,
      row.mentees,
      row.mentees_mentored,
      row.sessions,
      row.hours,
      row.last_session_on,
      row.overdue_mentees,
    ],
  );
}
