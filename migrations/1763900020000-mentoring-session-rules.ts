import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The limits the API validates, held by the database too, so a bulk path that skips the DTOs
 * (an import, a script) cannot store a session no client could have sent.
 */
export class MentoringSessionRules1763900020000 implements MigrationInterface {
  name = 'MentoringSessionRules1763900020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE mentoring_sessions
        ADD CONSTRAINT ck_mentoring_sessions_client_ref CHECK (client_ref ~ '^[A-Za-z0-9._:-]{1,100}$'),
        ADD CONSTRAINT ck_mentoring_sessions_topics CHECK (cardinality(topics) <= 10),
        ADD CONSTRAINT ck_mentoring_sessions_notes CHECK (notes IS NULL OR char_length(notes) <= 4000)`);
    // Lists by mentee (their mentoring history across programmes) and the mentees overview.
    await q.query(
      `CREATE INDEX ix_mentoring_assignments_mentee ON mentoring_assignments (mentee_id, programme_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_mentoring_assignments_mentee`);
    await q.query(`
      ALTER TABLE mentoring_sessions
        DROP CONSTRAINT ck_mentoring_sessions_client_ref,
        DROP CONSTRAINT ck_mentoring_sessions_topics,
        DROP CONSTRAINT ck_mentoring_sessions_notes`);
  }
}
