import { MigrationInterface, QueryRunner } from 'typeorm';

export class CertificationNumbers1763900010000 implements MigrationInterface {
  name = 'CertificationNumbers1763900010000';

  async up(q: QueryRunner): Promise<void> {
    // Certificate numbers (MC-2025-000123) come from one sequence, so concurrent evaluations never collide.
    await q.query(`CREATE SEQUENCE certification_number_seq AS bigint START 1`);
    await q.query(`ALTER TABLE certifications
      ADD CONSTRAINT ck_certifications_number CHECK (number ~ '^MC-[0-9]{4}-[0-9]{6,}$')`);
    // A certification revoked by hand keeps the automatic evaluation from issuing a new one
    // until a coordinator asks again (POST /programmes/:id/certifications lifts the block).
    await q.query(`ALTER TABLE certifications ADD COLUMN blocks_reissue boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE certifications
      ADD CONSTRAINT ck_certifications_blocks_reissue CHECK (NOT blocks_reissue OR revoked_on IS NOT NULL)`);
    await q.query(`CREATE INDEX ix_certifications_programme ON certifications (programme_id, person_id)`);
    await q.query(`CREATE INDEX ix_ai_adoptions_person ON ai_adoptions (person_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_ai_adoptions_person`);
    await q.query(`DROP INDEX ix_certifications_programme`);
    await q.query(`ALTER TABLE certifications DROP CONSTRAINT ck_certifications_blocks_reissue,
      DROP COLUMN blocks_reissue, DROP CONSTRAINT ck_certifications_number`);
    await q.query(`DROP SEQUENCE certification_number_seq`);
  }
}
