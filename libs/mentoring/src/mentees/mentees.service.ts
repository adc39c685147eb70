import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CascadeConfig, Page, PageQuery, queryRows } from '@cascade/platform';
import { MenteeOverview } from './mentee.dto';

interface Filters {
  mentorId?: string;
  programmeId?: string;
}

/**
 * The active mentees in scope, one page ordered by name: the page is chosen first and only
 * its assignments' sessions are aggregated. The single row of the outer join carries the
 * total even when the page is empty.
 */
const MENTEES_OVERVIEW = `
  WITH scope AS (
    SELECT a.id, a.programme_id, a.mentor_id, a.mentee_id, a.starts_on,
           p.full_name, p.institution_id, i.name AS institution_name
      FROM mentoring_assignments a
      JOIN people p ON p.id = a.mentee_id
      JOIN institutions i ON i.id = p.institution_id
     WHERE a.ends_on IS NULL
       AND ($1::uuid IS NULL OR a.mentor_id = $1::uuid)
       AND ($2::uuid IS NULL OR a.programme_id = $2::uuid)
  ), page AS (
    SELECT sc.id, sc.programme_id, sc.mentor_id, sc.mentee_id, sc.starts_on, sc.full_name, sc.institution_id, sc.institution_name,
           count(s.id)::int AS sessions,
           coalesce(sum(s.duration_minutes), 0) AS minutes,
           max(s.occurred_at) AS last_session_at
      FROM (SELECT * FROM scope ORDER BY full_name, id LIMIT $3 OFFSET $4) sc
      LEFT JOIN mentoring_sessions s ON s.assignment_id = sc.id
     GROUP BY sc.id, sc.programme_id, sc.mentor_id, sc.mentee_id, sc.starts_on, sc.full_name, sc.institution_id, sc.institution_name
  )
  SELECT (SELECT count(*)::int FROM scope) AS total,
         page.id AS "assignmentId", page.programme_id AS "programmeId", page.mentor_id AS "mentorId",
         page.mentee_id AS "menteeId", page.full_name AS "fullName", page.institution_id AS "institutionId",
         page.institution_name AS "institutionName", page.starts_on::text AS "startsOn", page.sessions,
         round(page.minutes / 60.0, 2)::float8 AS hours,
         page.last_session_at AS "lastSessionAt",
         coalesce(page.last_session_at, page.starts_on::timestamp AT TIME ZONE 'UTC') < now() - make_interval(days => $5::int) AS overdue
    FROM (VALUES (1)) AS one
    LEFT JOIN page ON true
   ORDER BY page.full_name, page.id`;

@Injectable()
export class MenteesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<CascadeConfig, true>,
  ) {}

  async overview(filters: Filters, query: PageQuery): Promise<Page<MenteeOverview>> {
    const rows: (MenteeOverview & { total: number; assignmentId: string | null })[] = await queryRows<
      MenteeOverview & { total: number; assignmentId: string | null }
    >(this.db, MENTEES_OVERVIEW, [
      filters.mentorId ?? null,
      filters.programmeId ?? null,
      query.limit,
      query.offset,
      this.config.get('MENTORING_OVERDUE_DAYS'),
    ]);
    const total = rows[0]?.total ?? 0;
    const items = rows.filter((r) => r.assignmentId !== null).map(({ total: _total, ...item }) => item);
    return Page.of(items, total, query);
  }
}
