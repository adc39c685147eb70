import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Completions sent in batches and CSV imports carry the sender's reference: it keys each item's
 * result and tells a resend (same reference, same content) from a reference reused for other
 * content. The reference is looked up within a cohort's enrolments, so it is indexed; an import of
 * completions is a second kind of import.
 */
export class CompletionClientRefs1764135000000 implements MigrationInterface {
  name = 'CompletionClientRefs1764135000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE course_completions ADD COLUMN client_ref text
      CONSTRAINT ck_course_completions_client_ref CHECK (length(client_ref) BETWEEN 1 AND 100)`);
    await q.query(
      `CREATE INDEX ix_course_completions_client_ref ON course_completions (client_ref) WHERE client_ref IS NOT NULL`,
    );
    await q.query(`ALTER TABLE imports DROP CONSTRAINT ck_imports_kind`);
    await q.query(
      `ALTER TABLE imports ADD CONSTRAINT ck_imports_kind CHECK (kind IN ('roster', 'completions'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM imports WHERE kind = 'completions'`);
    await q.query(`ALTER TABLE imports DROP CONSTRAINT ck_imports_kind`);
    await q.query(`ALTER TABLE imports ADD CONSTRAINT ck_imports_kind CHECK (kind IN ('roster'))`);
    await q.query(`DROP INDEX ix_course_completions_client_ref`);
    await q.query(`ALTER TABLE course_completions DROP COLUMN client_ref`);
  }
}
