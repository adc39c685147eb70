import { MigrationInterface, QueryRunner } from 'typeorm';

export class CertificationEvaluationState1763900011000 implements MigrationInterface {
  name = 'CertificationEvaluationState1763900011000';

  async up(q: QueryRunner): Promise<void> {
    // Up to which programme_figures_state.dirty_version a whole-programme certification
    // evaluation has run: the certification sweep evaluates every programme whose records moved
    // past it, so an evaluate job lost with Redis is re-derived from PostgreSQL.
    await q.query(`
      CREATE TABLE certification_evaluation_state (
        programme_id uuid PRIMARY KEY CONSTRAINT fk_certification_evaluation_state_programme REFERENCES programmes(id),
        evaluated_version bigint NOT NULL DEFAULT 0,
        evaluated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE certification_evaluation_state`);
  }
}
