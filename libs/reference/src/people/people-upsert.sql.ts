/**
 * The set-based statements of PeopleService.upsertMany. Rows travel as parallel arrays through
 * unnest(), so a statement takes a handful of parameters whatever the batch size (PostgreSQL
 * stops at 65,535). People are matched by lower(email), as uq_people_email holds them.
 */

/** $1 lower(email) keys: the id of each person who has one of them. */
export const PEOPLE_BY_EMAIL_SQL = `
  SELECT id, lower(email) AS key FROM people WHERE lower(email) = ANY($1::text[])`;

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
