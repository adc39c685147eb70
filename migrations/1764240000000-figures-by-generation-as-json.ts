import { MigrationInterface, QueryRunner } from 'typeorm';

/** Both columns as `type`, their text kept. */
const retype = (type: 'json' | 'jsonb') =>
  `ALTER TABLE stats_figures ${['by_generation', 'generation_funnel']
    .map(
      (column) =>
        `ALTER ${column} TYPE ${type} USING ${column}::${type}, ALTER ${column} SET DEFAULT '{}'::${type}`,
    )
    .join(', ')}`;

/**
 * A scope's figures by generation are stored as json, the text the rollup writes (issue 19 goal
 * 2): as jsonb, every snapshot parsed each scope's objects into jsonb's binary form — a tenth of
 * the figures statement at scale 10 (docs/BENCHMARKS.md) — and every read printed them back to
 * text. Nothing compares or indexes them in SQL; readers get the same objects.
 */
export class FiguresByGenerationAsJson1764240000000 implements MigrationInterface {
  name = 'FiguresByGenerationAsJson1764240000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(retype('json'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(retype('jsonb'));
  }
}
