import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rounds and cohorts take a Mongolian name like every other bilingual name; reports in `mn` use it. */
export class RoundCohortMongolianNames1764135100000 implements MigrationInterface {
  name = 'RoundCohortMongolianNames1764135100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cascade_rounds ADD COLUMN name_mn text
      CONSTRAINT ck_cascade_rounds_name_mn CHECK (length(name_mn) BETWEEN 1 AND 200)`);
    await q.query(`ALTER TABLE cohorts ADD COLUMN name_mn text
      CONSTRAINT ck_cohorts_name_mn CHECK (length(name_mn) BETWEEN 1 AND 200)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cohorts DROP COLUMN name_mn`);
    await q.query(`ALTER TABLE cascade_rounds DROP COLUMN name_mn`);
  }
}
