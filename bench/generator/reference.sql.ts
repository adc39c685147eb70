/**
 * Reference data of the generated programme: institutions (38 per block), courses, people.
 * Temp tables gen_* carry the plan between statements (dropped at commit).
 */

export const REGIONS_SQL = `
  CREATE TEMP TABLE gen_regions ON COMMIT DROP AS
  SELECT (c.ord - 1)::int AS ri, r.id, r.code, r.name, r.name_mn
    FROM unnest($1::text[]) WITH ORDINALITY AS c(code, ord)
    JOIN regions r ON r.code = c.code`;

/** $1 scale, $2..$5 the institutions' region codes, names, Mongolian names, kinds. */
export const INSTITUTIONS_PLAN_SQL = `
  CREATE TEMP TABLE gen_institutions ON COMMIT DROP AS
  SELECT b AS block, g.ri, g.id AS region_id,
         (row_number() OVER (PARTITION BY b, g.ri ORDER BY i.ord) - 1)::int AS pos,
         (count(*) OVER (PARTITION BY b, g.ri))::int AS in_region,
         gen_random_uuid() AS id,
         CASE WHEN b = 0 THEN i.name ELSE i.name || ' · ' || (b + 1) END AS name,
         CASE WHEN b = 0 THEN i.name_mn ELSE i.name_mn || ' · ' || (b + 1) END AS name_mn,
         i.kind
    FROM generate_series(0, $1::int - 1) AS b
   CROSS JOIN unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS i(code, name, name_mn, kind, ord)
    JOIN gen_regions g ON g.code = i.code`;

/** Institutions already present (a second run) keep their ids. */
export const INSTITUTIONS_INSERT_SQL = `
  INSERT INTO institutions (id, name, name_mn, region_id, kind)
  SELECT id, name, name_mn, region_id, kind FROM gen_institutions
  ON CONFLICT (name) DO NOTHING`;

export const INSTITUTIONS_REMAP_SQL = `
  UPDATE gen_institutions g SET id = i.id FROM institutions i WHERE i.name = g.name AND i.id <> g.id`;

/** $1 codes, $2 titles, $3 Mongolian titles, $4 hours; courses already present are kept. */
export const COURSES_INSERT_SQL = `
  INSERT INTO courses (code, title, title_mn, workload_hours, ects, learning_outcomes, language, delivery_modes)
  SELECT code, title, title_mn, hours, round(hours / 25.0, 1),
         ARRAY['Explains how the tools work and where they fail', 'Uses AI in teaching responsibly'], 'mn',
         ARRAY['online', 'face_to_face', 'hybrid']
    FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS c(code, title, title_mn, hours)
  ON CONFLICT (code) DO NOTHING`;

/** The courses' ids in the order of $1 (codes). */
export const COURSE_IDS_SQL = `
  SELECT c.id FROM unnest($1::text[]) WITH ORDINALITY AS w(code, ord) JOIN courses c ON c.code = w.code ORDER BY w.ord`;

/**
 * Master teachers (22 per block) and participants (2,054 per block) as a plan, then as people.
 * $1 scale; the participant's fate is fixed by its rank r (see shape.ts).
 */
export const MASTER_TEACHERS_PLAN_SQL = `
  CREATE TEMP TABLE gen_masters ON COMMIT DROP AS
  SELECT b AS block, m, (b * 22 + m) AS seq, gen_random_uuid() AS id, m % 22 AS ri
    FROM generate_series(0, $1::int - 1) AS b, generate_series(0, 21) AS m`;

export const PARTICIPANTS_PLAN_SQL = `
  CREATE TEMP TABLE gen_participants ON COMMIT DROP AS
  SELECT k, block, local, r, gen_random_uuid() AS id,
         CASE WHEN local < $2 THEN 2 ELSE 3 END AS generation,
         CASE WHEN local < $2 THEN 1 ELSE 2 END AS round_a,
         CASE WHEN local < $2 THEN local / $3 ELSE (local - $2) / $3 END AS cohort_a,
         -- One in ten of round 2 also enrols in the next cohort (and completes a course there).
         CASE WHEN local >= $2 AND (local - $2) % 10 = 0 THEN ((local - $2) / $3 + 1) % $4 END AS cohort_b,
         r < $5 AS completer,
         r < $6 AS certified,
         r >= $6 AND r < $6 + $7 AS revoked
    FROM (SELECT k, (k - 1) / $8 AS block, (k - 1) % $8 AS local, (((k - 1) % $8) * $9) % $8 AS r
            FROM generate_series(1, $1::int * $8) AS k) x`;

export const PARTICIPANTS_INDEX_SQL = `CREATE UNIQUE INDEX ON gen_participants (k)`;

/**
 * $1 given names (female), $2 given names (male), $3 father's names, $4 disciplines, $5 email tag,
 * $6 participants in all. Names are distinct while the vocabulary lasts (about 1,600 women and
 * 1,400 men: scale 1 has no two people of the same name): each person has a number n of their
 * own among their gender, and the father's name is n mod F, the given name n div F.
 */
export const PEOPLE_INSERT_SQL = `
  INSERT INTO people (id, full_name, email, institution_id, discipline, gender, preferred_language)
  SELECT p.id,
         ($3::text[])[1 + p.n % cardinality($3::text[])] || ' ' ||
           CASE WHEN p.female THEN ($1::text[])[1 + (p.n / cardinality($3::text[])) % cardinality($1::text[])]
                ELSE ($2::text[])[1 + (p.n / cardinality($3::text[])) % cardinality($2::text[])] END,
         p.prefix || p.seq || '.' || $5 || '@cascade.mn',
         p.institution_id,
         ($4::text[])[1 + p.seq % cardinality($4::text[])],
         CASE WHEN p.female THEN 'female' ELSE 'male' END,
         CASE WHEN p.seq % 17 = 0 THEN 'en' ELSE 'mn' END
    FROM (SELECT x.*, x.g % 5 < 3 AS female,
                 CASE WHEN x.g % 5 < 3 THEN (x.g / 5) * 3 + x.g % 5 ELSE (x.g / 5) * 2 + x.g % 5 - 3 END AS n
            FROM (SELECT m.id, m.seq, $6::int + m.seq AS g, 'trainer' AS prefix, i.id AS institution_id
                    FROM gen_masters m JOIN gen_institutions i ON i.block = m.block AND i.ri = m.ri AND i.pos = 0
                  UNION ALL
                  SELECT p.id, p.k, p.k - 1, 'educator', i.id
                    FROM gen_participants p
                    JOIN gen_cohorts c ON c.block = p.block AND c.round = p.round_a AND c.c = p.cohort_a
                    JOIN gen_institutions i ON i.block = p.block AND i.ri = c.ri AND i.pos = p.local % i.in_region) x) p`;
