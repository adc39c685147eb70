/**
 * The set-based statements of a roster batch. Rows travel as parallel arrays through
 * unnest(), so a statement takes a handful of parameters whatever the batch size (PostgreSQL
 * stops at 65,535).
 */

/** $1 lower-cased, trimmed names: the institutions each one names, in English or Mongolian. */
export const INSTITUTIONS_BY_NAME_SQL = `
  SELECT k.key, array_agg(DISTINCT i.id) AS ids
    FROM unnest($1::text[]) AS k(key)
    JOIN institutions i ON lower(i.name) = k.key OR lower(i.name_mn) = k.key
   GROUP BY k.key`;

/**
 * $1 lower(email) keys, $2 the cohort: the people who exist already, and whether each holds
 * an enrolment (of any status) in the cohort.
 */
export const EXISTING_PEOPLE_SQL = `
  SELECT p.id, lower(p.email) AS key, (e.id IS NOT NULL) AS enrolled
    FROM people p
    LEFT JOIN enrolments e ON e.cohort_id = $2 AND e.person_id = p.id
   WHERE lower(p.email) = ANY($1::text[])`;

/** $1 the cohort: places taken (withdrawal frees a place, as in EnrolmentsService). */
export const PLACES_TAKEN_SQL = `
  SELECT count(*)::int AS taken FROM enrolments WHERE cohort_id = $1 AND status <> 'withdrawn'`;

/**
 * New people: an email that exists in any letter case is left to UPDATE_PEOPLE_SQL. A row
 * another transaction inserts meanwhile waits for it and is then skipped, not duplicated.
 */
export const INSERT_PEOPLE_SQL = `
  INSERT INTO people (full_name, email, institution_id, discipline, gender, preferred_language)
  SELECT r.full_name, r.email, r.institution_id, r.discipline, r.gender, coalesce(r.preferred_language, 'mn')
    FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[])
      AS r(full_name, email, institution_id, discipline, gender, preferred_language)
  ON CONFLICT (lower(email)) DO NOTHING
  RETURNING id, lower(email) AS key`;

/**
 * Existing people take the row's values; a blank optional field keeps what the person had.
 * Only rows that change something are written (and returned), so a re-import writes nothing.
 * The email keeps the letter case it was first stored with.
 */
export const UPDATE_PEOPLE_SQL = `
  UPDATE people p
     SET full_name = r.full_name,
         institution_id = r.institution_id,
         discipline = coalesce(r.discipline, p.discipline),
         gender = coalesce(r.gender, p.gender),
         preferred_language = coalesce(r.preferred_language, p.preferred_language),
         updated_at = now()
    FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[])
      AS r(key, full_name, institution_id, discipline, gender, preferred_language)
   WHERE lower(p.email) = r.key
     AND (p.full_name, p.institution_id, p.discipline, p.gender, p.preferred_language)
         IS DISTINCT FROM
         (r.full_name, r.institution_id, coalesce(r.discipline, p.discipline),
          coalesce(r.gender, p.gender), coalesce(r.preferred_language, p.preferred_language))
  RETURNING p.id, r.key`;

/** $1 lower(email) keys: the id of each, after the inserts. */
export const PEOPLE_IDS_SQL = `
  SELECT id, lower(email) AS key FROM people WHERE lower(email) = ANY($1::text[])`;

/** $1 the cohort, $2 person ids: one enrolment per person (uq_enrolments_person); existing ones stay. */
export const ENROL_SQL = `
  INSERT INTO enrolments (cohort_id, person_id, status, enrolled_on)
  SELECT $1, person_id, 'enrolled', current_date FROM unnest($2::uuid[]) AS r(person_id)
  ON CONFLICT (cohort_id, person_id) DO NOTHING
  RETURNING person_id`;
