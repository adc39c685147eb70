import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statistics read model: one snapshot per rollup (one computedAt for every scope) and its
 * figures per scope. The rollup keeps the latest snapshot of each day and prunes the rest.
 */
export class CreateStatsSnapshots1763900030000 implements MigrationInterface {
  name = 'CreateStatsSnapshots1763900030000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stats_snapshots (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        programme_id uuid NOT NULL CONSTRAINT fk_stats_snapshots_programme REFERENCES programmes(id),
        computed_at timestamptz NOT NULL,
        computed_on date NOT NULL,
        dirty_version bigint NOT NULL,
        duration_ms int NOT NULL DEFAULT 0
      )`);
    // "The latest snapshot of a programme" and "the last snapshot of each day".
    await q.query(
      `CREATE INDEX ix_stats_snapshots_latest ON stats_snapshots (programme_id, computed_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX ix_stats_snapshots_day ON stats_snapshots (programme_id, computed_on, computed_at DESC, id DESC)`,
    );
    await q.query(`
      CREATE TABLE stats_figures (
        snapshot_id bigint NOT NULL CONSTRAINT fk_stats_figures_snapshot REFERENCES stats_snapshots(id) ON DELETE CASCADE,
        scope text NOT NULL
          CONSTRAINT ck_stats_figures_scope CHECK (scope IN ('programme','region','institution','round','cohort')),
        scope_id uuid NOT NULL,
        participants int NOT NULL,
        institutions int NOT NULL,
        master_teachers int NOT NULL,
        completers int NOT NULL,
        certified int NOT NULL,
        ai_adopters int NOT NULL,
        mentoring_sessions int NOT NULL,
        mentoring_minutes bigint NOT NULL,
        mentees_mentored int NOT NULL,
        by_generation jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT pk_stats_figures PRIMARY KEY (snapshot_id, scope, scope_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stats_figures, stats_snapshots`);
  }
}
