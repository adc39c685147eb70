import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tokens name the version of their user; a change that must end every session bumps it.
 * E-mail addresses are stored normalised (NFKC, lower case), and addresses that differ only
 * by accents or dots above (`i̇nfo@` for `info@`) are refused as duplicates: the look-alike key
 * drops combining marks.
 */
export class AuthTokenVersionsAndEmails1764110000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 1`);
    await q.query(`
      CREATE FUNCTION email_lookalike_key(email text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN regexp_replace(normalize(lower(email), NFKD), '[\\u0300-\\u036f]', '', 'g')`);
    for (const table of ['users', 'people']) {
      await q.query(`UPDATE ${table} SET email = lower(normalize(btrim(email), NFKC))
                      WHERE email <> lower(normalize(btrim(email), NFKC))`);
      await q.query(
        `CREATE UNIQUE INDEX uq_${table}_email_lookalike ON ${table} (email_lookalike_key(email))`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX uq_users_email_lookalike, uq_people_email_lookalike`);
    await q.query(`DROP FUNCTION email_lookalike_key(text)`);
    await q.query(`ALTER TABLE users DROP COLUMN token_version`);
  }
}
