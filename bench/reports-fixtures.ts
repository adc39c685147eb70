import { Client } from 'pg';

/** Institutions shared by every bench programme, spread over the 22 regions. */
const INSTITUTIONS = 200;
const MASTER_TEACHERS = 50;
const COHORT_SIZE = 30;

/**
 * A roster-shaped programme of `size` participants, in bulk SQL (generate_series): one round,
 * cohorts of 30, 70 % completers of the three core courses, 10 % with one course, 40 %
 * certified, 20 % with unverified AI-adoption evidence. Reused when it already exists.
 */
export async function generateRosterProgramme(pg: Client, size: number): Promise<string> {
  const name = `Bench roster ${size}`;
  const existing = await pg.query(`SELECT id FROM programmes WHERE name = $1`, [name]);
  if (existing.rowCount) return existing.rows[0].id as string;
  const tag = `b${size}`;
  await pg.query('BEGIN');
  await pg.query(
    `INSERT INTO institutions (name, name_mn, region_id, kind)
     SELECT 'Bench Institute ' || n, 'Бенч сургууль ' || n, (SELECT id FROM regions ORDER BY code OFFSET n % 22 LIMIT 1), 'college'
       FROM generate_series(1, ${INSTITUTIONS}) n
     ON CONFLICT (name) DO NOTHING`,
  );
  const courses = (
    await pg.query(
      `INSERT INTO courses (code, title, title_mn, workload_hours)
       SELECT '${tag}-AI-' || n, 'AI in teaching ' || n, 'Хиймэл оюун ' || n, 30 FROM generate_series(1, 3) n RETURNING id`,
    )
  ).rows.map((r) => r.id as string);
  const [{ id: programmeId }] = (
    await pg.query(
      `INSERT INTO programmes (name, starts_on, ends_on, core_course_ids, pass_mark, credential, status)
       VALUES ($1, '2025-01-01', '2026-12-31', $2, 60, '{"title":"AI in Education"}', 'active') RETURNING id`,
      [name, courses],
    )
  ).rows;
  await pg.query(`CREATE TEMP TABLE bench_inst ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY name) - 1 AS n, id, region_id FROM institutions WHERE name LIKE 'Bench Institute %'`);
  await pg.query(`CREATE TEMP TABLE bench_people ON COMMIT DROP AS
    SELECT n, gen_random_uuid() AS id FROM generate_series(1, ${size} + ${MASTER_TEACHERS}) n`);
  await pg.query(
    `INSERT INTO people (id, full_name, email, institution_id)
     SELECT bp.id, (ARRAY['Бат-Эрдэнэ','Оюунцэцэг','Ганболд','Өлзий','Төмөр','Сарантуяа'])[bp.n % 6 + 1] || ' ' || bp.n,
            '${tag}-' || bp.n || '@bench.mn', bi.id
       FROM bench_people bp JOIN bench_inst bi ON bi.n = bp.n % ${INSTITUTIONS}`,
  );
  await pg.query(
    `INSERT INTO master_teachers (programme_id, person_id, trained_on)
     SELECT $1, id, '2025-01-15' FROM bench_people WHERE n > ${size}`,
    [programmeId],
  );
  const [{ id: roundId }] = (
    await pg.query(
      `INSERT INTO cascade_rounds (programme_id, number, name, starts_on, ends_on) VALUES ($1, 1, 'Round 1', '2025-02-01', '2025-12-31') RETURNING id`,
      [programmeId],
    )
  ).rows;
  await pg.query(`CREATE TEMP TABLE bench_cohorts ON COMMIT DROP AS
    SELECT n, gen_random_uuid() AS id FROM generate_series(1, ceil(${size}::numeric / ${COHORT_SIZE})::int) n`);
  await pg.query(
    `INSERT INTO cohorts (id, programme_id, round_id, name, region_id, lead_trainer_id, course_ids, delivery_mode, capacity, starts_on, ends_on)
     SELECT bc.id, $1, $2, 'Cohort ' || lpad(bc.n::text, 6, '0'), r.ids[bc.n % 22 + 1], m.ids[bc.n % ${MASTER_TEACHERS} + 1],
            $3, 'hybrid', ${COHORT_SIZE}, '2025-03-01', '2025-06-30'
       FROM bench_cohorts bc,
            (SELECT array_agg(id ORDER BY code) AS ids FROM regions) r,
            (SELECT array_agg(id ORDER BY n) AS ids FROM bench_people WHERE n > ${size}) m`,
    [programmeId, roundId, courses],
  );
  await pg.query(`CREATE TEMP TABLE bench_enrolments ON COMMIT DROP AS
    SELECT bp.n, gen_random_uuid() AS id, bp.id AS person_id, bc.id AS cohort_id
      FROM bench_people bp JOIN bench_cohorts bc ON bc.n = (bp.n - 1) / ${COHORT_SIZE} + 1 WHERE bp.n <= ${size}`);
  await pg.query(
    `INSERT INTO enrolments (id, cohort_id, person_id, status, enrolled_on)
     SELECT id, cohort_id, person_id, CASE WHEN n % 10 < 7 THEN 'completed' WHEN n % 10 = 9 THEN 'withdrawn' ELSE 'active' END, '2025-03-01'
       FROM bench_enrolments`,
  );
  await pg.query(
    `INSERT INTO course_completions (enrolment_id, course_id, completed_on, score)
     SELECT be.id, c.course_id, '2025-06-01', 50 + (be.n * 7 + c.k * 13) % 50
       FROM bench_enrolments be
       JOIN unnest($1::uuid[]) WITH ORDINALITY c(course_id, k) ON be.n % 10 < 7 OR (be.n % 10 = 7 AND c.k = 1)`,
    [courses],
  );
  await pg.query(
    `INSERT INTO certifications (programme_id, person_id, number, issued_on)
     SELECT $1, person_id, 'MC-' || (2000 + length('${size}')) || '-' || lpad(n::text, 7, '0'), '2025-07-01'
       FROM bench_enrolments WHERE n % 10 < 4`,
    [programmeId],
  );
  await pg.query(
    `INSERT INTO ai_adoptions (person_id, programme_id, observed_on, kind, description)
     SELECT person_id, $1, '2025-09-01', 'instruction', 'Хичээлдээ хиймэл оюун ашигладаг' FROM bench_enrolments WHERE n % 10 < 2`,
    [programmeId],
  );
  await pg.query('COMMIT');
  await pg.query('ANALYZE');
  return programmeId as string;
}
