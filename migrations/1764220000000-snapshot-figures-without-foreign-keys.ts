import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A snapshot's figures (stats_figures, stats_trainer_figures) lose their foreign key to
 * stats_snapshots (issue 19 goal 2): the rollup is their only writer, inserting a snapshot and
 * its figures in one statement and pruning a snapshot together with its figures
 * (libs/stats rollup/figures.sql.ts), so the key checked what that statement guarantees, once per
 * row — 202 checks at scale 1, 1,786 at scale 10, 3 % of a full rollup's instructions there
 * (docs/BENCHMARKS.md). Figures left without a snapshot beforehand go too.
 */
export class SnapshotFiguresWithoutForeignKeys1764220000000 implements MigrationInterface {
  name = 'SnapshotFiguresWithoutForeignKeys1764220000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE stats_figures DROP CONSTRAINT fk_stats_figures_snapshot`);
    await queryRunner.query(
      `ALTER TABLE stats_trainer_figures DROP CONSTRAINT fk_stats_trainer_figures_snapshot`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['stats_figures', 'stats_trainer_figures']) {
      await queryRunner.query(
        `DELETE FROM ${table} f WHERE NOT EXISTS (SELECT 1 FROM stats_snapshots s WHERE s.id = f.snapshot_id)`,
      );
    }
    await queryRunner.query(
      `ALTER TABLE stats_figures ADD CONSTRAINT fk_stats_figures_snapshot
         FOREIGN KEY (snapshot_id) REFERENCES stats_snapshots(id) ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE stats_trainer_figures ADD CONSTRAINT fk_stats_trainer_figures_snapshot
         FOREIGN KEY (snapshot_id) REFERENCES stats_snapshots(id) ON DELETE CASCADE`,
    );
  }
}
