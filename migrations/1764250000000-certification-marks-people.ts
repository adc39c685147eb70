import { MigrationInterface, QueryRunner } from 'typeorm';
import { PROGRAMMES_OF, triggerFunction } from './1764190000000-figures-dirty-triggers';
import { markFunction, ROLLUP_KEEPS_PEOPLE } from './1764210000000-figures-cells';

/** The programme's columns whose change is a change of its structure (without: as before). */
const programmesTrigger = (columns: string[]) =>
  triggerFunction('programmes', PROGRAMMES_OF.programmes.programmes, columns, true);

/**
 * The certification's dirty marks name their people too, as the rollup's do (issue 19): an
 * evaluation takes the marks and evaluates the people they name, where every write used to leave
 * a mark only a whole evaluation took — so the sweep evaluated the whole programme within 10
 * minutes of any write (38 s at scale 1000, holding that programme's certifications the while).
 * Marks already pending stay as they are (null people: a whole evaluation).
 *
 * A change of the pass mark now marks the programme's structure, as one of its core courses does:
 * the sweep's whole evaluation after any write no longer stands in for a pass mark's evaluation
 * that Redis lost.
 */
export class CertificationMarksPeople1764250000000 implements MigrationInterface {
  name = 'CertificationMarksPeople1764250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(markFunction('p.people'));
    await queryRunner.query(programmesTrigger(['core_course_ids', 'pass_mark']));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(programmesTrigger(['core_course_ids']));
    await queryRunner.query(markFunction(ROLLUP_KEEPS_PEOPLE));
  }
}
