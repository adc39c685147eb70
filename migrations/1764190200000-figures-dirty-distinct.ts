import { MigrationInterface, QueryRunner } from 'typeorm';
import { PROGRAMMES_OF, triggerFunction } from './1764190000000-figures-dirty-triggers';

/**
 * The figures triggers pass each programme once to mark_figures_dirty(), not once per row: a
 * 2,000-row enrolment insert spent 73–91 ms in the trigger (sorting and joining 2,000 ids as
 * text), 1–14 ms with them made distinct first (EXPLAIN ANALYZE, warm plans, the shared machine under load).
 */
export class FiguresDirtyDistinct1764190200000 implements MigrationInterface {
  name = 'FiguresDirtyDistinct1764190200000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, { columns, programmes }] of Object.entries(PROGRAMMES_OF)) {
      await q.query(triggerFunction(table, programmes, columns, true));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, { columns, programmes }] of Object.entries(PROGRAMMES_OF)) {
      await q.query(triggerFunction(table, programmes, columns));
    }
  }
}
