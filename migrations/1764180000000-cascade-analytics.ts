import { MigrationInterface, QueryRunner } from 'typeorm';

const KIND = 'cascade-analytics';

/**
 * Cascade analytics in the snapshot (docs/FIGURES.md "Cascade analytics"): per scope the funnel
 * by generation, the places taken and the plan beside them (a round's target, a cohort's
 * capacity, a region's institutions); per trainer their direct and downstream reach and outcome;
 * and the cascade-analytics report kind, added to whatever kinds the report_requests check holds
 * (data-quality and any other) and removed alone on the way down.
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
    const kinds = await allowedKinds(q);
    if (!kinds.includes(KIND)) await allowKinds(q, [...kinds, KIND]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM report_requests WHERE kind = $1`, [KIND]);
    await allowKinds(
      q,
      (await allowedKinds(q)).filter((kind) => kind !== KIND),
    );
    await q.query(`DROP TABLE stats_trainer_figures`);
    await q.query(`
      ALTER TABLE stats_figures
        DROP COLUMN enrolled, DROP COLUMN generation_funnel, DROP COLUMN target_participants,
        DROP COLUMN capacity, DROP COLUMN region_institutions, DROP COLUMN region_institutions_reached`);
  }
}

async function allowedKinds(q: QueryRunner): Promise<string[]> {
  const [{ definition }]: { definition: string }[] = await q.query(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'ck_report_requests_kind'`,
  );
  return [...definition.matchAll(/'([^']+)'/g)].map((match) => match[1]);
}

async function allowKinds(q: QueryRunner, kinds: string[]): Promise<void> {
  const list = kinds.map((kind) => `'${kind.replace(/'/g, "''")}'`).join(',');
  await q.query(`
    ALTER TABLE report_requests DROP CONSTRAINT ck_report_requests_kind,
      ADD CONSTRAINT ck_report_requests_kind CHECK (kind IN (${list}))`);
}
