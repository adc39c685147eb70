import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * figures_cells keeps one index, by cohort (issue 19 goal 2): every full rollup writes all of a
 * programme's cells again, an entry in each index per cell, and the second index (by lead
 * trainer) served only an incremental rollup's trainers, whose cells it now finds by their
 * leads' cohorts (libs/stats rollup/trainers.sql.ts). A cell's lead is its cohort's.
 */
export class FiguresCellsOneIndex1764230000000 implements MigrationInterface {
  name = 'FiguresCellsOneIndex1764230000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_figures_cells_lead`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX ix_figures_cells_lead ON figures_cells (programme_id, lead_trainer_id)`,
    );
  }
}
