import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import is the unit of work of the imports queue: PostgreSQL owns it (and its uploaded
 * file), Redis only carries it. The file lies in its own table so listing imports never reads
 * megabytes of CSV; it is deleted when the import ends.
 */
export class CreateImports1763900050000 implements MigrationInterface {
  name = 'CreateImports1763900050000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requested_by uuid NOT NULL CONSTRAINT fk_imports_requested_by REFERENCES users(id),
        kind text NOT NULL CONSTRAINT ck_imports_kind CHECK (kind IN ('roster')),
        cohort_id uuid CONSTRAINT fk_imports_cohort REFERENCES cohorts(id),
        file_name text NOT NULL,
        size_bytes bigint NOT NULL CONSTRAINT ck_imports_size CHECK (size_bytes > 0),
        status text NOT NULL DEFAULT 'queued'
          CONSTRAINT ck_imports_status CHECK (status IN ('queued','running','done','failed')),
        progress int NOT NULL DEFAULT 0 CONSTRAINT ck_imports_progress CHECK (progress BETWEEN 0 AND 100),
        total_rows int NOT NULL DEFAULT 0,
        created_rows int NOT NULL DEFAULT 0,
        updated_rows int NOT NULL DEFAULT 0,
        unchanged_rows int NOT NULL DEFAULT 0,
        enrolled_rows int NOT NULL DEFAULT 0,
        error_rows int NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]' CONSTRAINT ck_imports_errors CHECK (jsonb_typeof(errors) = 'array'),
        error text,
        run_id uuid,
        attempts int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        heartbeat_at timestamptz,
        finished_at timestamptz,
        CONSTRAINT ck_imports_counts CHECK (
          LEAST(total_rows, created_rows, updated_rows, unchanged_rows, enrolled_rows, error_rows) >= 0
          AND created_rows + updated_rows + unchanged_rows + error_rows <= total_rows),
        CONSTRAINT ck_imports_running CHECK (status <> 'running' OR (run_id IS NOT NULL AND started_at IS NOT NULL)),
        CONSTRAINT ck_imports_done CHECK (status <> 'done' OR (progress = 100 AND finished_at IS NOT NULL)),
        CONSTRAINT ck_imports_failed CHECK (status <> 'failed' OR (error IS NOT NULL AND finished_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix_imports_requested_by ON imports (requested_by, created_at DESC)`);
    await q.query(`CREATE INDEX ix_imports_cohort ON imports (cohort_id) WHERE cohort_id IS NOT NULL`);
    // What the safety net looks for: imports whose job was lost or whose worker died.
    await q.query(
      `CREATE INDEX ix_imports_pending ON imports (created_at) WHERE status IN ('queued','running')`,
    );
    await q.query(`
      CREATE TABLE import_files (
        import_id uuid PRIMARY KEY CONSTRAINT fk_import_files_import REFERENCES imports(id) ON DELETE CASCADE,
        content bytea NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_files, imports`);
  }
}
