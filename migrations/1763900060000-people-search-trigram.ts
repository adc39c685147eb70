import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `GET /people?q=` is a case-insensitive "contains" match on name or email; trigram indexes let
 * ILIKE '%q%' use an index instead of reading every person. pg_trgm is a trusted extension
 * (PostgreSQL 13+), so the database owner may create it.
 */
export class PeopleSearchTrigram1763900060000 implements MigrationInterface {
  name = 'PeopleSearchTrigram1763900060000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX ix_people_full_name_trgm ON people USING gin (full_name gin_trgm_ops)`);
    await q.query(`CREATE INDEX ix_people_email_trgm ON people USING gin (email gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_people_email_trgm, ix_people_full_name_trgm`);
  }
}
