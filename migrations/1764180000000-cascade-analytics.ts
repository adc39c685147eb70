import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cascade analytics in the snapshot (docs/FIGURES.md "Cascade analytics"): per scope the funnel
 * by generation, the places taken and the plan beside them (a round's target, a cohort's
 * capacity, a region's institutions); per trainer their direct and downstream reach and outcome;
 * and the cascade-analytics report kind.
 */
export class CascadeAnalytics1764180000000 implements MigrationInterface {
  name = 'CascadeAnalytics1764180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE stats_figures
        ADD COLUMN enrolled int NOT NULL DEFAULT 0,
        ADD COLUMN generation_funnel jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN target_participants int,
        ADD COLUMN capacity int,
        ADD COLUMN region_institutions int,
        ADD COLUMN region_institutions_reached int`);
    await q.query(`
      CREATE TABLE stats_trainer_figures (
        snapshot_id bigint NOT NULL
          CONSTRAINT fk_stats_trainer_figures_snapshot REFERENCES stats_snapshots(id) ON DELETE CASCADE,
        trainer_id uuid NOT NULL,
        master_teacher boolean NOT NULL,
        generation int,
        cohorts int NOT NULL,
        direct_participants int NOT NULL,
        direct_completers int NOT NULL,
        direct_certified int NOT NULL,
        downstream_participants int NOT NULL,
        downstream_completers int NOT NULL,
        downstream_certified int NOT NULL,
        CONSTRAINT pk_stats_trainer_figures PRIMARY KEY (snapshot_id, trainer_id)
      )`);
    await q.query(`
      ALTER TABLE report_requests DROP CONSTRAINT ck_report_requests_kind,
        ADD CONSTRAINT ck_report_requests_kind
          CHECK (kind IN ('programme-summary','cohort-roster','mentoring-activity','certified-list','cascade-analytics'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM report_requests WHERE kind = 'cascade-analytics'`);
    await q.query(`
      ALTER TABLE report_requests DROP CONSTRAINT ck_report_requests_kind,
        ADD CONSTRAINT ck_report_requests_kind
          CHECK (kind IN ('programme-summary','cohort-roster','mentoring-activity','certified-list'))`);
    await q.query(`DROP TABLE stats_trainer_figures`);
    await q.query(`
      ALTER TABLE stats_figures
        DROP COLUMN enrolled, DROP COLUMN generation_funnel, DROP COLUMN target_participants,
        DROP COLUMN capacity, DROP COLUMN region_institutions, DROP COLUMN region_institutions_reached`);
  }
}
