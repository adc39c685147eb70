import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RollupService } from '@cascade/stats';
import { expectedFigures } from '../bench/generator/shape';
import { openDataSource, runGenerator } from '../bench/generator/run';
import { resetDatabase } from './support/database';
import { TEST_DATABASE_URL } from './support/test-env';

describe('data generator at scale 1', () => {
  let db: DataSource;
  let programmeId: string;
  const run = () =>
    runGenerator(db, { databaseUrl: TEST_DATABASE_URL, scale: 1, demoUsers: true, log: () => undefined });

  beforeAll(async () => {
    Logger.overrideLogger(false);
    await resetDatabase();
    db = await openDataSource(TEST_DATABASE_URL);
    const result = await run();
    programmeId = result.programmeId;
  });
  afterAll(() => db.destroy());

  it('rolls up to the real programme: 2,054 participants, 38 institutions, 22 master teachers, 1,698 completers, 580 certified, 509 AI adopters', async () => {
    const result = await new RollupService(db).rollup(programmeId);
    const [row] = await db.query(
      `SELECT participants, institutions, master_teachers, completers, certified, ai_adopters, by_generation
         FROM stats_figures WHERE snapshot_id = $1 AND scope = 'programme'`,
      [result!.snapshotId],
    );
    const expected = expectedFigures(1);
    expect(row).toEqual({
      participants: expected.participants,
      institutions: expected.institutions,
      master_teachers: expected.masterTeachers,
      completers: expected.completers,
      certified: expected.certified,
      ai_adopters: expected.aiAdopters,
      by_generation: expected.byGeneration,
    });
  });

  it('keeps unverified evidence, and verified evidence of non-completers, out of the adopters', async () => {
    const [row] = await db.query(
      `SELECT count(DISTINCT person_id) FILTER (WHERE verified_on IS NULL)::int AS unverified,
              count(DISTINCT person_id) FILTER (WHERE verified_on IS NOT NULL)::int AS verified
         FROM ai_adoptions WHERE programme_id = $1`,
      [programmeId],
    );
    expect(row.unverified).toBeGreaterThan(0);
    expect(row.verified).toBeGreaterThan(509);
  });

  it('issues certificates exactly to completers whose mean best core score reaches the pass mark, with some revoked', async () => {
    const [row] = await db.query(
      `WITH best AS (
         SELECT e.person_id, cc.course_id, max(coalesce(cc.score, 0)) AS score
           FROM course_completions cc JOIN enrolments e ON e.id = cc.enrolment_id
           JOIN cohorts c ON c.id = e.cohort_id AND c.programme_id = $1
           JOIN programmes p ON p.id = $1 AND cc.course_id = ANY (p.core_course_ids)
          GROUP BY 1, 2
       ), earned AS (
         SELECT person_id FROM best GROUP BY person_id
         HAVING count(*) = 3 AND avg(score) >= (SELECT pass_mark FROM programmes WHERE id = $1)
       ), held AS (
         SELECT person_id FROM certifications WHERE programme_id = $1 AND revoked_on IS NULL
       )
       SELECT (SELECT count(*) FROM (SELECT * FROM earned EXCEPT SELECT * FROM held) x)::int AS missing,
              (SELECT count(*) FROM (SELECT * FROM held EXCEPT SELECT * FROM earned) x)::int AS undeserved,
              (SELECT count(*) FROM certifications WHERE programme_id = $1 AND revoked_on IS NOT NULL)::int AS revoked`,
      [programmeId],
    );
    expect(row).toEqual({ missing: 0, undeserved: 0, revoked: 40 });
  });

  it('respects capacity, cohort courses, programme dates and the lead-trainer rule', async () => {
    const [row] = await db.query(
      `SELECT
         (SELECT count(*) FROM cohorts c WHERE c.programme_id = $1
             AND c.capacity < (SELECT count(*) FROM enrolments e WHERE e.cohort_id = c.id))::int AS over_capacity,
         (SELECT count(*) FROM course_completions cc JOIN enrolments e ON e.id = cc.enrolment_id
             JOIN cohorts c ON c.id = e.cohort_id WHERE c.programme_id = $1 AND NOT cc.course_id = ANY (c.course_ids))::int AS foreign_courses,
         (SELECT count(*) FROM cohorts c JOIN programmes p ON p.id = c.programme_id
           WHERE p.id = $1 AND (c.starts_on < p.starts_on OR c.ends_on > p.ends_on))::int AS outside_dates,
         (SELECT count(*) FROM cohorts c JOIN cascade_rounds r ON r.id = c.round_id
           WHERE c.programme_id = $1
             AND NOT EXISTS (SELECT 1 FROM master_teachers mt WHERE mt.programme_id = $1 AND mt.person_id = c.lead_trainer_id)
             AND (SELECT count(DISTINCT cc.course_id) FROM enrolments e
                    JOIN cohorts c2 ON c2.id = e.cohort_id JOIN cascade_rounds r2 ON r2.id = c2.round_id
                    JOIN course_completions cc ON cc.enrolment_id = e.id
                   WHERE e.person_id = c.lead_trainer_id AND c2.programme_id = $1 AND r2.number < r.number) < 3)::int AS bad_leads,
         (SELECT count(*) FROM (SELECT person_id FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
                                 WHERE c.programme_id = $1 GROUP BY person_id HAVING count(*) > 1) x)::int AS in_two_cohorts,
         (SELECT count(*) FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
           WHERE c.programme_id = $1 AND e.status = 'withdrawn')::int AS withdrawn`,
      [programmeId],
    );
    expect(row).toMatchObject({ over_capacity: 0, foreign_courses: 0, outside_dates: 0, bad_leads: 0 });
    expect(row.in_two_cohorts).toBeGreaterThan(0);
    expect(row.withdrawn).toBeGreaterThan(0);
  });

  it('looks real in the demo: distinct names, Mongolian round and cohort names, mentoring dated relative to today', async () => {
    const [names] = await db.query(
      `SELECT count(*)::int AS people, count(DISTINCT full_name)::int AS distinct_names FROM people`,
    );
    expect(names.distinct_names).toBe(names.people);
    const unnamed = await db.query(
      `SELECT name FROM cascade_rounds WHERE programme_id = $1 AND (name_mn IS NULL OR name_mn !~ '[А-яӨөҮүЁё]')
       UNION ALL
       SELECT name FROM cohorts WHERE programme_id = $1 AND (name_mn IS NULL OR name_mn !~ '[А-яӨөҮүЁё]')`,
      [programmeId],
    );
    expect(unnamed).toEqual([]);
    // Overdue: no session for MENTORING_OVERDUE_DAYS (30 by default); the demo has both kinds, none in the future.
    const [mentees] = await db.query(
      `SELECT count(*) FILTER (WHERE last < current_date - 30)::int AS overdue,
              count(*) FILTER (WHERE last >= current_date - 30)::int AS recent,
              count(*) FILTER (WHERE last > now())::int AS future
         FROM (SELECT max(s.occurred_at) AS last FROM mentoring_sessions s
                 JOIN mentoring_assignments a ON a.id = s.assignment_id
                WHERE a.programme_id = $1 GROUP BY a.id) l`,
      [programmeId],
    );
    expect(mentees.overdue).toBeGreaterThan(0);
    expect(mentees.recent).toBeGreaterThan(0);
    expect(mentees.future).toBe(0);
  });

  it('creates the demo users and skips a second seed of the same programme', async () => {
    const users = await db.query(
      `SELECT email, role, person_id IS NOT NULL AS linked FROM users WHERE email LIKE '%@cascade.local' ORDER BY email`,
    );
    expect(users).toEqual([
      { email: 'coordinator@cascade.local', role: 'coordinator', linked: false },
      { email: 'master@cascade.local', role: 'master_teacher', linked: true },
      { email: 'viewer@cascade.local', role: 'viewer', linked: false },
    ]);
    await expect(run()).resolves.toMatchObject({ skipped: true, programmeId });
  });
});
