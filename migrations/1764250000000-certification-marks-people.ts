import { MigrationInterface, QueryRunner } from 'typeorm';
import { markFunction } from './1764210000000-figures-cells';

/**
 * The certification's dirty marks name their people too, as the rollup's do (issue 19): an
 * evaluation takes the marks and evaluates the people they name, where every write used to leave
 * a mark only a whole evaluation took — so the sweep evaluated the whole programme within a minute
 * of any write (38 s at scale 1000, holding that programme's certifications the while). Marks
 * already pending stay as they are (null people: a whole evaluation).
 */
export class CertificationMarksPeople1764250000000 implements MigrationInterface {
  name = 'CertificationMarksPeople1764250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(markFunction('p.people'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(markFunction(`CASE WHEN c.consumer = 'rollup' THEN p.people END`));
  }
}
