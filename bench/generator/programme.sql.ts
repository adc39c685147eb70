/**
 * The generated programme's cascade, set-based: one statement per table, whatever the scale.
 * Runs after reference.sql.ts's plans (gen_regions, gen_institutions, gen_masters,
 * gen_participants). Dates stay inside the programme (2024-09-01 … 2025-06-30).
 */

/** $1 name, $2 core course ids, $3 pass mark. */
export const PROGRAMME_SQL = `
  INSERT INTO programmes (name, starts_on, ends_on, core_course_ids, pass_mark, credential, status)
  VALUES ($1, '2024-09-01', '2025-06-30', $2::uuid[], $3,
          '{"title": "AI-Ready Educator", "titleMn": "Хиймэл оюуныг заахад ашиглагч багш", "level": "micro-credential",
            "issuer": "Institute of Teacher Professional Development", "country": "MN", "eqfLevel": 6,
            "assessmentType": "Portfolio of AI-supported lessons and an observed lesson, graded by the lead trainer",
            "participationForm": "hybrid",
            "qualityAssurance": "Internal quality review by the national centre; courses accredited by the Ministry of Education"}',
          'active')
  RETURNING id`;

/** $1 programme; a fifth of the master teachers also serve the next region. */
export const MASTER_TEACHERS_SQL = `
  INSERT INTO master_teachers (programme_id, person_id, trained_on, region_ids)
  SELECT $1, m.id, DATE '2024-09-02' + m.m % 5,
         CASE WHEN m.m % 5 = 0 THEN ARRAY[g.id, g2.id] ELSE ARRAY[g.id] END
    FROM gen_masters m
    JOIN gen_regions g ON g.ri = m.ri
    JOIN gen_regions g2 ON g2.ri = (m.ri + 1) % 22`;

/** $1 programme, $2 scale. Round 3 is planned and has no cohort yet. */
export const ROUNDS_SQL = `
  INSERT INTO cascade_rounds (programme_id, number, name, name_mn, starts_on, ends_on, target_participants, region_ids)
  SELECT $1, n, name, name_mn, starts_on, ends_on, target * $2::int, (SELECT array_agg(id ORDER BY ri) FROM gen_regions)
    FROM (VALUES (1, 'Round 1 — master teachers lead', 'Шат 1 — мастер багш нар удирдана', DATE '2024-09-16', DATE '2024-12-31', 1250),
                 (2, 'Round 2 — graduates lead', 'Шат 2 — төгсөгчид удирдана', DATE '2025-02-03', DATE '2025-05-31', 820),
                 (3, 'Round 3 — consolidation (planned)', 'Шат 3 — бататгал (төлөвлөгдсөн)', DATE '2025-06-02', DATE '2025-06-27', 300))
         AS r(n, name, name_mn, starts_on, ends_on, target)
  RETURNING id, number`;

/**
 * Round 1: 50 cohorts per block led by the block's master teachers, over the 22 regions.
 * Round 2: 33 cohorts, each led by the first completer of a round-1 cohort (the cascade rule), in its region.
 * $1 round-1 cohorts, $2 round-2 cohorts.
 */
export const COHORTS_PLAN_SQL = `
  CREATE TEMP TABLE gen_cohorts ON COMMIT DROP AS
  SELECT b.block, 1 AS round, c.c, gen_random_uuid() AS id, m.id AS lead_id, c.c % 22 AS ri,
         DATE '2024-09-16' + (c.c % 3) * 7 AS starts_on, DATE '2024-12-13' + (c.c % 3) * 7 AS ends_on
    FROM (SELECT DISTINCT block FROM gen_masters) b
   CROSS JOIN generate_series(0, $1::int - 1) AS c(c)
    JOIN gen_masters m ON m.block = b.block AND m.m = c.c % 22
  UNION ALL
  SELECT l.block, 2, l.cohort_a, gen_random_uuid(), l.id, l.cohort_a % 22,
         DATE '2025-02-03' + (l.cohort_a % 3) * 7, DATE '2025-05-16' + (l.cohort_a % 3) * 7
    FROM (SELECT block, id, cohort_a, row_number() OVER (PARTITION BY block, cohort_a ORDER BY local) AS nth
            FROM gen_participants WHERE generation = 2 AND completer AND cohort_a < $2::int) l
   WHERE l.nth = 1`;

export const COHORTS_INDEX_SQL = `CREATE UNIQUE INDEX ON gen_cohorts (block, round, c)`;

/** $1 programme, $2 round ids by number, $3 core course ids. */
export const COHORTS_SQL = `
  INSERT INTO cohorts (id, programme_id, round_id, name, name_mn, region_id, lead_trainer_id, course_ids, delivery_mode,
                       language, capacity, starts_on, ends_on)
  SELECT c.id, $1, ($2::uuid[])[c.round], g.name || ' ' || c.number, g.name_mn || ' ' || c.number,
         g.id, c.lead_id, $3::uuid[], (ARRAY['hybrid', 'face_to_face', 'online'])[1 + c.c % 3], 'mn', 30,
         c.starts_on, c.ends_on
    FROM (SELECT *, round || '-' || lpad((block * 100 + c + 1)::text, greatest(3, length((block * 100 + c + 1)::text)), '0') AS number
            FROM gen_cohorts) c
    JOIN gen_regions g ON g.ri = c.ri`;

/** Every participant's enrolment in cohort a, and a second one (cohort b) for one in ten of round 2. */
export const ENROLMENTS_PLAN_SQL = `
  CREATE TEMP TABLE gen_enrolments ON COMMIT DROP AS
  SELECT gen_random_uuid() AS id, p.k, p.id AS person_id, e.slot, c.id AS cohort_id, c.starts_on, c.ends_on, c.lead_id,
         CASE WHEN p.completer THEN 'completed' WHEN p.r % 3 = 0 THEN 'withdrawn' ELSE 'active' END AS status
    FROM gen_participants p
   CROSS JOIN LATERAL (VALUES ('a', p.round_a, p.cohort_a), ('b', 2, p.cohort_b)) AS e(slot, round, c)
    JOIN gen_cohorts c ON c.block = p.block AND c.round = e.round AND c.c = e.c`;

export const ENROLMENTS_INDEX_SQL = `CREATE UNIQUE INDEX ON gen_enrolments (k, slot)`;

export const ENROLMENTS_SQL = `
  INSERT INTO enrolments (id, cohort_id, person_id, status, enrolled_on, withdrawn_on)
  SELECT id, cohort_id, person_id, status, starts_on - 7, CASE WHEN status = 'withdrawn' THEN starts_on + 20 END
    FROM gen_enrolments`;

/**
 * Completers complete the three core courses (course 3 in their second cohort when they have
 * one); the others complete r mod 3 of them. Certified completers score 70–95 on each course,
 * other completers 40–69, so "mean of best core scores ≥ 70" holds exactly for the certified.
 * $1 core course ids.
 */
export const COMPLETIONS_SQL = `
  INSERT INTO course_completions (enrolment_id, course_id, completed_on, score)
  SELECT e.id, ($1::uuid[])[ci], e.starts_on + 25 * ci,
         CASE WHEN p.certified THEN 70 + (p.k * 13 + ci * 7) % 26
              WHEN p.completer THEN 40 + (p.k * 13 + ci * 7) % 30
              ELSE 35 + (p.k * 17 + ci) % 50 END
    FROM gen_participants p
   CROSS JOIN LATERAL generate_series(1, CASE WHEN p.completer THEN 3 ELSE p.r % 3 END) AS ci
    JOIN gen_enrolments e ON e.k = p.k AND e.slot = CASE WHEN ci = 3 AND p.cohort_b IS NOT NULL THEN 'b' ELSE 'a' END`;

/** Certificates of the certified, and revoked ones of completers whose scores were moderated down. $1 programme. */
export const CERTIFICATIONS_SQL = `
  INSERT INTO certifications (programme_id, person_id, number, issued_on, revoked_on, revocation_reason)
  SELECT $1, c.person_id, 'MC-' || extract(year FROM c.issued_on) || '-' || to_char(nextval('certification_number_seq'), 'FM000000000'),
         c.issued_on, c.revoked_on, c.reason
    FROM (SELECT p.k, p.id AS person_id, max(e.ends_on) + 10 AS issued_on,
                 CASE WHEN p.revoked THEN max(e.ends_on) + 24 END AS revoked_on,
                 CASE WHEN p.revoked THEN 'Assessment scores corrected after moderation' END AS reason
            FROM gen_participants p JOIN gen_enrolments e ON e.k = p.k
           WHERE p.certified OR p.revoked
           GROUP BY p.k, p.id, p.revoked
           ORDER BY p.k) c`;

/**
 * Verified evidence for 509 completers a block (some also have unverified extra evidence),
 * unverified evidence only for 91 more, verified evidence for 42 non-completers (who do not
 * count). $1 programme, $2 verifying user, $3 descriptions, $4..$7 shape numbers.
 */
export const AI_ADOPTIONS_SQL = `
  INSERT INTO ai_adoptions (person_id, programme_id, observed_on, kind, description, evidence_url, recorded_by,
                            verified_by, verified_on)
  SELECT p.id, $1, o.observed_on, (ARRAY['curriculum', 'instruction', 'assessment', 'other'])[1 + (p.k + x.n) % 4],
         ($3::text[])[1 + (p.k + x.n) % cardinality($3::text[])],
         CASE WHEN p.k % 3 = 0 THEN 'https://evidence.cascade.mn/' || p.k || '-' || x.n END, $2,
         CASE WHEN x.verified THEN $2::uuid END, CASE WHEN x.verified THEN o.observed_on + 7 END
    FROM (SELECT *, (r * $4::int) % $5::int AS a FROM gen_participants) p
   CROSS JOIN LATERAL (VALUES
           (1, p.completer AND p.a < $6::int, true),
           (2, p.completer AND p.a < $6::int AND p.r % 5 = 0, false),
           (3, p.completer AND p.a >= $6::int AND p.a < $6::int + $7::int, false),
           (4, NOT p.completer AND p.r < $5::int + $8::int, true)) AS x(n, wanted, verified)
   CROSS JOIN LATERAL (SELECT CASE WHEN p.generation = 2 THEN DATE '2025-02-15' + p.k % 60
                                   ELSE DATE '2025-06-01' + p.k % 20 END AS observed_on) o
   WHERE x.wanted`;

/** Two in three participants are mentored by the lead trainer of their (first) cohort; insert with $1 programme. */
export const MENTORING_ASSIGNMENTS_PLAN_SQL = `
  CREATE TEMP TABLE gen_assignments ON COMMIT DROP AS
  SELECT gen_random_uuid() AS id, p.k, e.lead_id AS mentor_id, p.id AS mentee_id, e.ends_on + 1 AS starts_on
    FROM gen_participants p JOIN gen_enrolments e ON e.k = p.k AND e.slot = 'a'
   WHERE p.local % 3 <> 2`;

export const MENTORING_ASSIGNMENTS_INSERT_SQL = `
  INSERT INTO mentoring_assignments (id, programme_id, mentor_id, mentee_id, starts_on, goals)
  SELECT id, $1, mentor_id, mentee_id, starts_on, 'Bring AI into weekly lesson planning' FROM gen_assignments`;

/**
 * 0–3 sessions per mentee, 30–120 minutes each, two weeks apart and ending relative to today: the
 * last one 1–60 days ago (about half the mentees are overdue after 30 days), never before the
 * assignment began. $1 client-ref tag, $2 topics.
 */
export const MENTORING_SESSIONS_SQL = `
  INSERT INTO mentoring_sessions (assignment_id, occurred_at, duration_minutes, mode, topics, notes, client_ref)
  SELECT a.id,
         greatest(a.starts_on + 7 * s, current_date - 1 - (a.k * 7) % 60 - 14 * (a.k % 4 - s))::timestamp
           + time '10:00' + ((a.k % 6) * interval '1 hour'),
         30 + ((a.k + s) % 7) * 15, (ARRAY['online', 'face_to_face', 'phone'])[1 + (a.k + s) % 3],
         ARRAY[($2::text[])[1 + (a.k + s) % cardinality($2::text[])]],
         CASE WHEN s = 1 THEN 'Reviewed a lesson plan drafted with AI' END,
         $1 || '-' || a.k || '-' || s
    FROM gen_assignments a
   CROSS JOIN LATERAL generate_series(1, a.k % 4) AS s`;
